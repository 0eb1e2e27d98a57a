// Reading the early years hours file (docs/early-years.md §1, its errors §4).
#include "engine/early_years/hours.hpp"

#include <cstdio>
#include <unordered_map>

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

// No child takes more than 30 funded hours a week (docs/early-years.md §4).
constexpr double kMaxHoursPerChildWeek = 30;

struct Columns {
    std::size_t provider = 0, term = 0, entitlement = 0, children = 0, hours = 0;
    int eypp_children = -1, eypp_hours = -1, daf_children = -1;
    std::vector<int> supplement;  // -1: not an hours-file column (per_provider)
};

double number_cell(const std::string& path, const CsvRecord& rec, const std::string& column, int index,
                   bool whole) {
    if (index < 0) return 0;
    const std::string_view cell = rec.fields[static_cast<std::size_t>(index)];
    double v = 0;
    if (!parse_number(cell, v)) fail_at(path, rec.line, column, cell, "is not a number");
    if (v < 0) fail_at(path, rec.line, column, cell, "is negative");
    if (whole && v != static_cast<double>(static_cast<std::int64_t>(v)))
        fail_at(path, rec.line, column, cell, "is not a whole number of children");
    if (v > 1e9) fail_at(path, rec.line, column, cell, "is implausibly large");
    return v;
}

// A count or number of weeks as the user wrote it: 20, 13, 7800, 12.5.
std::string plain_number(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

}  // namespace

EyHours load_ey_hours(const std::string& path, const EyFormula& formula, const EyProviders& providers) {
    EyHours out;
    out.file = path;
    Columns c;
    const std::size_t ns = formula.supplements.size();
    std::vector<std::string> supp_column(ns);
    // (provider, term, entitlement) → the line it was first given on.
    std::unordered_map<std::size_t, std::int64_t> seen;
    read_csv_table(
        path, {"a header row", "provider, term and entitlement", "hours rows"},
        [&](const CsvHeader& h, const CsvRecord&) {
            c.provider = static_cast<std::size_t>(h.require("provider"));
            c.term = static_cast<std::size_t>(h.require("term", "summer, autumn or spring"));
            c.entitlement = static_cast<std::size_t>(h.require("entitlement"));
            c.children = static_cast<std::size_t>(h.require("children"));
            c.hours = static_cast<std::size_t>(h.require("hours", "the funded hours taken in the term"));
            if (formula.eypp) {
                c.eypp_children = h.require("eypp_children", "the formula pays EYPP");
                c.eypp_hours = h.require("eypp_hours", "the formula pays EYPP");
            }
            if (formula.daf_rate) c.daf_children = h.require("daf_children", "the formula pays DAF");
            c.supplement.assign(ns, -1);
            for (std::size_t s = 0; s < ns; ++s) {
                const EySupplement& sup = formula.supplements[s];
                if (sup.per_provider) continue;
                supp_column[s] = sup.column;
                c.supplement[s] =
                    h.require(sup.column, "the supplement " + sup.path + " of " + formula.file + " names it");
            }
        },
        [&](const CsvRecord& rec) {
            EyHoursRow row;
            const std::string_view pv = rec.fields[c.provider];
            auto it = providers.index.find(std::string(trim(pv)));
            if (it == providers.index.end())
                fail_at(path, rec.line, "provider", pv, "is not a provider of " + providers.file);
            row.provider = it->second;
            const int t = name_index(kTermNames, trim(rec.fields[c.term]));
            if (t < 0)
                fail_at(path, rec.line, "term", rec.fields[c.term],
                        "is not a term: expected summer, autumn or spring");
            row.term = static_cast<Term>(t);
            const int e = name_index(kEntitlementNames, trim(rec.fields[c.entitlement]));
            if (e < 0)
                fail_at(path, rec.line, "entitlement", rec.fields[c.entitlement],
                        "is not an entitlement: expected u2_working, two_support, two_working, "
                        "three_four_universal or three_four_additional");
            row.entitlement = static_cast<Entitlement>(e);
            const std::size_t key = (row.provider * kTerms + static_cast<std::size_t>(t)) * kEntitlements +
                                    static_cast<std::size_t>(e);
            auto [at, fresh] = seen.emplace(key, rec.line);
            if (!fresh)
                fail_line(path, rec.line,
                          "provider " + providers.id[row.provider] + ", term " +
                              std::string(kTermNames[static_cast<std::size_t>(t)]) + ", entitlement " +
                              std::string(kEntitlementNames[static_cast<std::size_t>(e)]) +
                              " is given twice: first on line " + std::to_string(at->second));
            row.children = number_cell(path, rec, "children", static_cast<int>(c.children), true);
            row.hours = number_cell(path, rec, "hours", static_cast<int>(c.hours), false);
            const double weeks = formula.term_weeks[static_cast<std::size_t>(t)];
            const double most = row.children * kMaxHoursPerChildWeek * weeks;
            if (row.hours > most + 1e-9)
                fail_at(path, rec.line, "hours", rec.fields[c.hours],
                        "is more than " + plain_number(row.children) + " children can take in the " +
                            std::string(kTermNames[static_cast<std::size_t>(t)]) +
                            " term (children × 30 hours × " + plain_number(weeks) +
                            " weeks = " + plain_number(most) + "; docs/early-years.md §4)");
            row.eypp_children = number_cell(path, rec, "eypp_children", c.eypp_children, true);
            row.eypp_hours = number_cell(path, rec, "eypp_hours", c.eypp_hours, false);
            row.daf_children = number_cell(path, rec, "daf_children", c.daf_children, true);
            row.supplement.assign(ns, 0.0);
            for (std::size_t s = 0; s < ns; ++s)
                if (c.supplement[s] >= 0)
                    row.supplement[s] = number_cell(path, rec, supp_column[s], c.supplement[s], false);
            out.rows.push_back(std::move(row));
        });
    return out;
}

}  // namespace fundsim
