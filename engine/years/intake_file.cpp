// Reading a plan's intake file (engine/years/intake_file.hpp; docs/multi-year.md §1).
#include "engine/years/intake_file.hpp"

#include <algorithm>

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

const IntakeRow* IntakeFile::find(const std::string& year, std::int64_t urn) const {
    const auto y = by_year.find(year);
    if (y == by_year.end()) return nullptr;
    const auto r = y->second.find(urn);
    return r == y->second.end() ? nullptr : &r->second;
}

IntakeFile load_intake_file(const std::string& path, const std::vector<std::string>& years) {
    IntakeFile f;
    f.file = path;
    std::size_t year_col = 0, urn_col = 0, intake_col = 0;
    std::vector<std::string> names;
    read_csv_table(
        path, {"a header year,urn,intake", "school and year", "intakes"},
        [&](const CsvHeader& h, const CsvRecord&) {
            year_col = static_cast<std::size_t>(h.require("year", "the plan year the intake arrives in"));
            urn_col = static_cast<std::size_t>(h.require("urn", "the school"));
            intake_col = static_cast<std::size_t>(h.require("intake", "pupils joining the entry year group"));
            names = h.names();
        },
        [&](const CsvRecord& rec) {
            const std::string year(trim(rec.fields[year_col]));
            if (std::find(years.begin(), years.end(), year) == years.end())
                fail_at(path, rec.line, "year", rec.fields[year_col],
                        "is not a later year of the plan (intakes arrive from the plan's second year)");
            std::int64_t urn = 0;
            if (!parse_integer(rec.fields[urn_col], urn) || urn <= 0)
                fail_at(path, rec.line, "urn", rec.fields[urn_col], "is not a positive whole number");
            IntakeRow row;
            row.line = rec.line;
            if (!parse_number(rec.fields[intake_col], row.intake) || row.intake < 0 || row.intake > 100000)
                fail_at(path, rec.line, "intake", rec.fields[intake_col],
                        "is not a pupil count (a number from 0)");
            for (std::size_t c = 0; c < names.size(); ++c) {
                if (c == year_col || c == urn_col || c == intake_col) continue;
                const std::string_view v = trim(rec.fields[c]);
                if (!v.empty()) row.attributes.emplace_back(names[c], std::string(v));
            }
            auto& of_year = f.by_year[year];
            const auto [it, fresh] = of_year.emplace(urn, std::move(row));
            if (!fresh)
                fail_at(path, rec.line, "urn", rec.fields[urn_col],
                        "is given twice for " + year + ": also on line " + std::to_string(it->second.line));
        });
    return f;
}

}  // namespace fundsim
