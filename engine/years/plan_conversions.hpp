// Conversions across a plan's horizon (docs/multi-year.md §1, docs/la-budget.md §4): conversions.csv read
// against the start census, each school converting in one year of the plan after the first.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/budget/conversions.hpp"
#include "engine/census/census.hpp"

namespace fundsim {

// One row of the plan's conversions.csv: the year it falls in and the row (its `school` the start census's).
struct PlanConversion {
    std::string year;
    std::int64_t urn = 0;
    ConversionRow row;
};

// Reads the plan's conversions.csv (`urn, conversion_date, route`, optional `balance`, as a budget's).
// Errors naming file, line, column and value: a URN not in the start census, twice, already an academy
// in it or converting in the start budget (`start_converting`); a date in the first year (the start
// budget's own conversions give those), before or after the plan's years; the cells conversions.csv
// checks (la-budget §4). `years` are the plan's; `days` the start budget's proration.
std::vector<PlanConversion> load_plan_conversions(const std::string& path, const Census& start,
                                                  const std::vector<std::string>& years, bool days,
                                                  const std::set<std::int64_t>& start_converting);

// The conversions of `year` against that year's census (each row's school its row there); a school no
// longer in the census (its last pupils gone) has nothing to convert and is left out.
std::vector<ConversionRow> conversions_in_year(const std::vector<PlanConversion>& all,
                                               const std::string& year, const Census& census);

// year → the schools that are academies from its start: every school converting in an earlier year of
// the plan (the start budget's conversions in the first year, then the plan's).
std::map<std::string, std::set<std::int64_t>> academies_by_year(
    const std::vector<PlanConversion>& all, const std::vector<std::string>& years,
    const std::set<std::int64_t>& start_converting);

}  // namespace fundsim
