// budget.html (docs/la-budget.md §6): the LA's Schools Budget statement in the shape of the section 251
// return, the delegation rate, the DSG blocks and their reserve, and the flags in words. Self-contained, A4.
#pragma once

#include <string>

#include "engine/budget/la_budget.hpp"

namespace fundsim {

// The page. Every amount cell of the DSG table carries data-block and data-col and its value to the penny
// in data-v, so that a browser test can read the totals back (tests/browser/render_budget.sh).
std::string budget_html(const LaBudget& b, const Census& census);

}  // namespace fundsim
