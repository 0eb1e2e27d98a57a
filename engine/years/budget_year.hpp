// The budget of a plan's year after the first (docs/multi-year.md §1, §5): the start budget's LA and block
// inputs, this year's schools block, and the DSG reserve chained from the year before's closing.
#pragma once

#include <string>

#include "engine/budget/budget_file.hpp"
#include "engine/budget/la_budget.hpp"

namespace fundsim {

// Year `year`'s budget file from the start's and the year before's result: the central, high needs and
// early years inputs and allocations carried flat in cash (docs/multi-year.md §5); dsg.schools_block =
// `schools_block`; each block's opening reserve = its closing the year before, the schools block's plus the
// balances clawed back then (docs/la-budget.md §5: the clawback is next year's money); no balances file
// (a plan has no forecast of schools' balances) and no conversions (the plan gives each year's). Its census
// and formula are the caller's.
BudgetFile next_budget_file(const BudgetFile& start, const LaBudget& prev, const std::string& year,
                            double schools_block);

}  // namespace fundsim
