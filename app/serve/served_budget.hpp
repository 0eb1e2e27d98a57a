// `fundsim serve --budget B` (docs/serve.md §1): the schools block of an LA budget file served as
// `fundsim budget B` runs it: the budget's census, and its schools formula fitted to the DSG.
#pragma once

#include "app/formula_source.hpp"
#include "engine/budget/budget_file.hpp"

namespace fundsim::app {

// The budget's schools formula (its formula or scenario), fitted to the DSG as `fundsim budget` fits it
// (engine/budget/la_budget.hpp fit_formula_to_dsg): a formula without a budget is given one of
// dsg.schools_block, written into its document too, so that every patch over the served document keeps it.
FormulaSource served_budget_formula(const BudgetFile& bf);

}  // namespace fundsim::app
