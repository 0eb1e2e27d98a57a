// Reading the early years providers file (docs/early-years.md §1, its errors §4).
#include "engine/early_years/providers.hpp"

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

bool EyProviders::add(std::string provider, std::string provider_name, ProviderType t,
                      std::string provider_area) {
    if (!index.emplace(provider, id.size()).second) return false;
    id.push_back(std::move(provider));
    name.push_back(std::move(provider_name));
    type.push_back(t);
    area.push_back(std::move(provider_area));
    return true;
}

EyProviders load_ey_providers(const std::string& path, const EyFormula& formula) {
    EyProviders p;
    p.file = path;
    p.supplement_column.resize(formula.supplements.size());
    std::size_t pi = 0, ni = 0, ti = 0, ai = 0;
    std::vector<std::size_t> si(formula.supplements.size());
    std::vector<std::int64_t> lines;
    read_csv_table(
        path, {"a header row", "provider", "providers"},
        [&](const CsvHeader& h, const CsvRecord&) {
            pi = static_cast<std::size_t>(h.require("provider", "every provider has an id"));
            ni = static_cast<std::size_t>(h.require("name"));
            ti = static_cast<std::size_t>(h.require("type", "nursery_school, school, pvi or childminder"));
            ai = static_cast<std::size_t>(h.require("area"));
            for (std::size_t s = 0; s < formula.supplements.size(); ++s)
                if (formula.supplements[s].per_provider)
                    si[s] = static_cast<std::size_t>(h.require(
                        formula.supplements[s].column, "the supplement " + formula.supplements[s].path +
                                                           " of " + formula.file + " names it"));
        },
        [&](const CsvRecord& rec) {
            const std::string id(trim(rec.fields[pi]));
            if (id.empty())
                fail_at(path, rec.line, "provider", rec.fields[pi], "is blank: every provider needs an id");
            const int t = name_index(kProviderTypeNames, trim(rec.fields[ti]));
            if (t < 0)
                fail_at(path, rec.line, "type", rec.fields[ti],
                        "is not a provider type: expected nursery_school, school, pvi or childminder");
            if (!p.add(id, std::string(rec.fields[ni]), static_cast<ProviderType>(t),
                       std::string(rec.fields[ai])))
                fail_at(
                    path, rec.line, "provider", rec.fields[pi],
                    "is a duplicate: the same provider is on line " + std::to_string(lines[p.index.at(id)]));
            lines.push_back(rec.line);
            for (std::size_t s = 0; s < formula.supplements.size(); ++s) {
                if (!formula.supplements[s].per_provider) continue;
                const std::string_view cell = rec.fields[si[s]];
                double v = 0;
                if (!parse_number(cell, v))
                    fail_at(path, rec.line, formula.supplements[s].column, cell, "is not a number");
                if (v < 0) fail_at(path, rec.line, formula.supplements[s].column, cell, "is negative");
                p.supplement_column[s].push_back(v);
            }
        });
    return p;
}

}  // namespace fundsim
