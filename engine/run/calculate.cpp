// The pipeline of docs/funding-model.md §3–§6 over one census and one formula: factors, the protections,
// balancing to the money available, then de-delegation, grants and notional SEN.
#include "engine/run/calculate.hpp"

#include "engine/after_share/after_share.hpp"
#include "engine/balance/solve.hpp"
#include "engine/core/error.hpp"
#include "engine/factors/factors.hpp"
#include "engine/protections/protections.hpp"
#include "engine/run/invariants.hpp"

namespace fundsim {

Result calculate(std::shared_ptr<const Census> census_ptr, std::shared_ptr<const Formula> formula_ptr) {
    if (!census_ptr || !formula_ptr) fail_internal("calculate() was given no census or no formula");
    Result r;
    r.census = std::move(census_ptr);
    r.formula = std::move(formula_ptr);
    const Census& census = *r.census;
    const Formula& formula = *r.formula;
    r.factors.base = evaluate_factors(formula.factors, census, formula.reception_uplift);
    r.factors.raw = r.factors.base;
    r.factors.scaled.assign(formula.factors.size(), false);
    if (formula.budget && formula.budget->solve_for == Lever::factor_multiplier)
        for (const auto& id : formula.budget->multiplier_factors)
            r.factors.scaled[static_cast<std::size_t>(formula.factor_index(id))] = true;
    protect(r, formula.capping.cap, formula.capping.scaling);
    check_amounts(r);  // at the formula's own values first, so an absurd rate is named before balancing
    if (formula.budget) {
        balance(r);
    }
    after_budget_share(r);
    check_amounts(r);
    return r;
}

Result calculate(std::shared_ptr<const Census> census, const Formula& formula) {
    return calculate(std::move(census), std::make_shared<const Formula>(formula));
}

}  // namespace fundsim
