// The central school services block (docs/la-budget.md §3): its ongoing and historic lines as the budget
// file gives them; spend is their sum.
#pragma once

#include "engine/budget/block_figures.hpp"
#include "engine/budget/budget_file.hpp"

namespace fundsim {

BlockFigures central_block_figures(const BudgetFile& b, double transfers_in);

}  // namespace fundsim
