// The schools block of the LA budget (docs/la-budget.md §3, §5a): what the LA spends from it (maintained
// schools' budget shares after conversions, and the deductions it keeps) and its s251 lines.
#pragma once

#include <vector>

#include "engine/budget/block_figures.hpp"
#include "engine/budget/conversions.hpp"
#include "engine/budget/transfers.hpp"
#include "engine/run/result.hpp"

namespace fundsim {

// The census column `delegation_suspended` (0/1, optional; §5a) parsed before the census is shared, so
// that schools_block_figures can read it. Values other than 0 and 1 are errors naming line and value.
void prepare_budget_census(Census& census);

// Spend = Σ maintained schools' budget shares (a converting school's la_part) + kept deductions; lines: the
// ISB of schools with delegated budgets and of suspended ones (after de-delegation), each de-delegated item,
// each kept deduction. Σ lines = spend.
BlockFigures schools_block_figures(const Result& r, const std::vector<Conversion>& conversions,
                                   const Transfers& transfers, double allocation);

}  // namespace fundsim
