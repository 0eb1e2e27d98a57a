// The budget statements of a plan (`fundsim statements --plan`, docs/multi-year.md §3): one printable page
// per school with a column per year of the plan, and the index linking them.
#pragma once

#include <string>
#include <vector>

#include "engine/years/plan_folder.hpp"

namespace fundsim {

// School `s` of the plan `plan_name` read back from its folder.
std::string plan_statement_html(const PlanFolder& pf, const PlanSchool& s, const std::string& plan_name);

// The index of the schools `schools` (positions in pf.schools): budget share by year and the change per
// pupil over the plan.
std::string plan_statements_index_html(const PlanFolder& pf, const std::vector<std::size_t>& schools,
                                       const std::string& plan_name);

}  // namespace fundsim
