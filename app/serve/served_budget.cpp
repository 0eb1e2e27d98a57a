// The schools block of a budget file as served (app/serve/served_budget.hpp).
#include "app/serve/served_budget.hpp"

#include "engine/budget/la_budget.hpp"

namespace fundsim::app {

FormulaSource served_budget_formula(const BudgetFile& bf) {
    FormulaSource source =
        formula_from_files(bf.formula ? &*bf.formula : nullptr, bf.scenario ? &*bf.scenario : nullptr);
    const bool had_budget = source.formula.budget.has_value();
    fit_formula_to_dsg(source.formula, bf);
    // The budget fit_formula_to_dsg gives, {"schools_block": dsg} alone, as the document says it
    // (engine/formula/parse.cpp parse_budget reads it back to the same Budget).
    if (!had_budget) source.formula.doc["budget"] = Json{{"schools_block", bf.allocation[0]}};
    return source;
}

}  // namespace fundsim::app
