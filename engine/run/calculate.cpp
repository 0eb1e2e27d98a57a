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

namespace {

// The pipeline from `from` on (what recalculate's contract says may be kept is kept).
void run_from(Result& r, FirstStage from) {
    const Census& census = *r.census;
    const Formula& formula = *r.formula;
    const bool multiplier = formula.budget && formula.budget->solve_for == Lever::factor_multiplier;
    if (from == FirstStage::factors) {
        r.factors.base = evaluate_factors(formula.factors, census, formula.reception_uplift);
        r.after_share = AfterShareStage{};
    }
    r.factors.scaled.assign(formula.factors.size(), false);
    if (multiplier)
        for (const auto& id : formula.budget->multiplier_factors)
            r.factors.scaled[static_cast<std::size_t>(formula.factor_index(id))] = true;
    // Solving for a multiplier leaves the factors at the solved value: start them again from their base.
    const bool factor_lines = from == FirstStage::factors || (multiplier && from != FirstStage::balance);
    if (from != FirstStage::balance) {
        // From the factor lines on, everything after them is redone.
        const FirstStage redo = factor_lines ? FirstStage::factors : from;
        if (factor_lines) {
            r.multiplier = 1;
            r.factors.raw = r.factors.base;
            total_factors(r);
        }
        if (redo <= FirstStage::mppl) apply_mppl(r);
        if (redo <= FirstStage::mfg) apply_mfg(r);
        apply_capping(r, formula.capping.cap, formula.capping.scaling);
        apply_budget_share(r);
        // At the formula's own values first, so an absurd rate is named before balancing. (Balancing
        // alone again starts from the same values, already checked.)
        check_amounts(r, factor_lines ? AmountLines::all : AmountLines::from_protections);
    }
    r.budget.reset();
    if (formula.budget) balance(r, from == FirstStage::balance);
    apply_de_delegation(r);
    // Grants read only the census and the grants section, which only a change at FirstStage::factors can
    // touch.
    if (from == FirstStage::factors) apply_grants(r);
    // Notional SEN reads the factor lines (and its own section, a change at FirstStage::factors).
    if (factor_lines || multiplier) apply_notional_sen(r);
    check_amounts(r, factor_lines || multiplier ? AmountLines::all : AmountLines::from_protections);
}

}  // namespace

Result calculate(std::shared_ptr<const Census> census_ptr, std::shared_ptr<const Formula> formula_ptr) {
    if (!census_ptr || !formula_ptr) fail_internal("calculate() was given no census or no formula");
    Result r;
    r.census = std::move(census_ptr);
    r.formula = std::move(formula_ptr);
    run_from(r, FirstStage::factors);
    return r;
}

void recalculate(Result& r, std::shared_ptr<const Formula> formula, FirstStage from) {
    if (!r.census || !formula) fail_internal("recalculate() was given no result or no formula");
    r.formula = std::move(formula);
    run_from(r, from);
}

Result calculate(std::shared_ptr<const Census> census, const Formula& formula) {
    return calculate(std::move(census), std::make_shared<const Formula>(formula));
}

}  // namespace fundsim
