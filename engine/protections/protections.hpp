// The protections of docs/funding-model.md §4, in order: minimum per-pupil level, minimum funding guarantee,
// capping and scaling of gains; then the budget share. Each works on the result table in place.
#pragma once

#include "engine/run/result.hpp"

namespace fundsim {

// Sets the reported factor lines and formula totals from factor_raw.
void total_factors(Result& r);
// §4.1: mppl_level, mppl_counted, mppl_raw, mppl_topup.
void apply_mppl(Result& r);
// §4.2: pp0, pp1, guarantee, mfg_change, mfg_raw, mfg_topup.
void apply_mfg(Result& r);
// §4.3 with the given cap and scaling: gain_excess, capping_limit, capping_raw, capping_deduction.
void apply_capping(Result& r, double cap, double scaling);
// §4.4: budget_share = formula_total + mppl_topup + mfg_topup − capping_deduction (reported lines).
void apply_budget_share(Result& r);

// Σ of the unrounded amounts of the listed factors (what a protection excludes).
Eigen::ArrayXd sum_of_factors(const Result& r, const std::vector<std::string>& ids);

// The steps in order, from factor_raw, at the given cap and scaling (the solver calls it again at each
// value of a factor multiplier).
inline void protect(Result& r, double cap, double scaling) {
    total_factors(r);
    apply_mppl(r);
    apply_mfg(r);
    apply_capping(r, cap, scaling);
    apply_budget_share(r);
}

}  // namespace fundsim
