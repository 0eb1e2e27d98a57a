// Conversions across a plan's horizon (engine/years/plan_conversions.hpp; docs/multi-year.md §1).
#include "engine/years/plan_conversions.hpp"

#include "engine/budget/school_csv.hpp"
#include "engine/core/error.hpp"

namespace fundsim {

std::vector<PlanConversion> load_plan_conversions(const std::string& path, const Census& start,
                                                  const std::vector<std::string>& years, bool days,
                                                  const std::set<std::int64_t>& start_converting) {
    std::vector<PlanConversion> out;
    std::set<std::int64_t> seen;
    const int first = std::stoi(years.front().substr(0, 4));
    const int last = first + static_cast<int>(years.size()) - 1;
    read_conversion_rows(path, [&](const ConversionCells& cells) {
        PlanConversion pc;
        ConversionRow& c = pc.row;
        c.line = cells.line;
        c.school = census_row_of(start, path, c.line, cells.urn, seen);
        pc.urn = start.urn[c.school];
        if (start.status[c.school] == Status::academy)
            fail_at(path, c.line, "urn", cells.urn,
                    "is already an academy in the start budget's census: it cannot convert");
        if (start_converting.count(pc.urn))
            fail_at(path, c.line, "urn", cells.urn,
                    "converts in " + years.front() +
                        ", in the start budget's own conversions file: a school converts once");
        parse_conversion_cells(
            path, c.line, cells.date, cells.route, cells.balance, days, c, [&](std::int32_t d) {
                // The financial year of the date: 1 April of `fy` to 31 March of fy + 1.
                const int fy = d / 10000 - (d / 100 % 100 < 4 ? 1 : 0);
                if (fy == first)
                    fail_at(
                        path, c.line, "conversion_date", cells.date,
                        "is in " + years.front() +
                            ", the plan's first year: that year is the start budget, whose own conversions "
                            "file gives its conversions");
                if (fy < first || fy > last)
                    fail_at(path, c.line, "conversion_date", cells.date,
                            "is outside the plan's years (" + years.front() + " to " + years.back() + ")");
                pc.year = years[static_cast<std::size_t>(fy - first)];
            });
        out.push_back(pc);
    });
    return out;
}

std::vector<ConversionRow> conversions_in_year(const std::vector<PlanConversion>& all,
                                               const std::string& year, const Census& census) {
    std::map<std::int64_t, std::size_t> row;
    for (std::size_t i = 0; i < census.size; ++i) row[census.urn[i]] = i;
    std::vector<ConversionRow> out;
    for (const PlanConversion& pc : all) {
        if (pc.year != year) continue;
        const auto at = row.find(pc.urn);
        if (at == row.end()) continue;
        ConversionRow c = pc.row;
        c.school = at->second;
        out.push_back(c);
    }
    return out;
}

std::map<std::string, std::set<std::int64_t>> academies_by_year(
    const std::vector<PlanConversion>& all, const std::vector<std::string>& years,
    const std::set<std::int64_t>& start_converting) {
    std::map<std::string, std::set<std::int64_t>> out;
    std::set<std::int64_t> so_far = start_converting;
    for (std::size_t t = 1; t < years.size(); ++t) {
        out[years[t]] = so_far;
        for (const PlanConversion& pc : all)
            if (pc.year == years[t]) so_far.insert(pc.urn);
    }
    return out;
}

}  // namespace fundsim
