// A second, deliberately plain implementation of docs/funding-model.md §3–§7, one school at a time with plain
// doubles and loops, written from the spec text; the property tests check the vectorised engine against it.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim::plain {

// The values of the three balancing levers (docs/funding-model.md §4.3, §5) a calculation runs with.
struct Levers {
    double cap = 0;
    double scaling = 0;
    double multiplier = 1;  // multiplies the amounts of budget.factors (1 = the formula as written)
};

// One school's census row, read once (docs/interfaces.md §1): key-stage pupils, year groups, baseline, flags
// and the value of every other column a formula names.
struct School {
    std::int64_t urn = 0;
    std::string area;
    Phase phase = Phase::primary;
    Status status = Status::maintained;
    double nor_primary = 0, nor_ks3 = 0, nor_ks4 = 0, nor = 0;
    double yg_primary = 0, yg_ks3 = 0, yg_ks4 = 0, yg = 0;
    bool has_baseline = false;
    double baseline_pupils = 0, baseline_funding = 0;
    bool growing = false;
    double reception_uplift = 0;
    std::map<std::string, double> column;  // any other column, by name
    double value(const std::string& name) const;
};

// Every line of one school's budget (docs/interfaces.md §6), with the unrounded values the protections use.
struct SchoolResult {
    std::vector<double> factor_raw, factor;  // in formula order; `factor` = reported (rounded) lines
    double formula_raw = 0, formula_total = 0;
    double mppl_level = 0, mppl_counted = 0, mppl_raw = 0, mppl_topup = 0;
    double pp0 = 0, pp1 = 0, gain = 0, mfg_raw = 0, mfg_topup = 0;
    double excess = 0, capping_limit = 0, capping_raw = 0, capping_deduction = 0;
    double budget_share = 0, budget_share_per_pupil = 0;
    std::vector<double> de_delegation;
    double delegated_budget = 0;
    std::vector<double> grants;
    double notional_sen = 0;
};

struct Outcome {
    Levers levers;
    std::vector<SchoolResult> schools;
    double total = 0;  // Σ budget shares, added in whole pennies
    bool has_budget = false;
    double available = 0, headroom = 0;
    bool at_limit = false;  // solved lever could not spend all the money
};

// A lever that cannot balance the budget (docs/funding-model.md §5: "stop with an error that states the
// shortfall").
struct Unaffordable : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// An allocation whose filters let no school through (nothing to share the pot among).
struct NoEligibleSchool : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The LA: its schools read from the census, and each factor's amount per school before any lever.
class PlainLa {
  public:
    // Reads the census text cells itself (the census must have passed the engine's loader, which is only
    // used here for its parsed rows). Throws NoEligibleSchool for an allocation with nobody to share it.
    PlainLa(const Census& census, const Formula& formula);

    const std::vector<School>& schools() const { return schools_; }
    const Formula& formula() const { return formula_; }

    // The levers as the formula states them (cap and scaling from /capping, multiplier 1).
    Levers formula_levers() const;
    // §3–§4 and §6 with the given lever values; the budget (§5) is reported but not balanced.
    Outcome run(const Levers& levers) const;
    // §5: balances budget.solve_for by its own bisection on the total. Throws Unaffordable.
    Outcome solve() const;
    // available = schools_block − Σ deductions, each deduction a reported (rounded) line.
    double available() const;

  private:
    std::vector<School> schools_;
    Formula formula_;
    std::vector<std::vector<double>> base_;  // [school][factor]: amounts at multiplier 1 (fringe: 0)
    std::vector<bool> scaled_;               // factors the multiplier lever scales
};

// Σ in whole pennies of values that are already pennies (exact, whatever the order).
double sum_pennies(const std::vector<double>& values);

}  // namespace fundsim::plain
