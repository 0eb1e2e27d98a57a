// Totals of a result over a group of schools (pupils, budget shares, each protection's schools and money,
// de-delegation, grants, notional SEN) and changes against a baseline, counted by one rule. summary.json,
// compare's statistics and each sweep row all read them from here.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

// A change under half a penny is no change: amounts are reported in pennies.
inline bool is_gain(double change) { return change >= 0.005; }
inline bool is_loss(double change) { return change <= -0.005; }

// Sums are of the reported (penny) lines, unrounded, taken school by school in census order; round them
// (round_penny) to report them.
struct ResultTotals {
    std::size_t schools = 0;
    double pupils = 0, budget_share = 0;
    std::size_t on_mfg = 0, capped = 0, on_mppl = 0;  // schools with a top-up or a deduction
    double mfg = 0, capping = 0, mppl = 0;            // the top-ups and deductions
    double de_delegation = 0, notional_sen = 0;
    std::vector<double> grants;  // per grant, in formula order
    // Against a baseline (when one is given). A school's change is round_penny(budget share − baseline);
    // a school whose baseline is not a number (blank) has none and counts in no_baseline.
    double baseline_total = 0;  // Σ of the baselines that are numbers
    double change_total = 0;    // Σ of the changes
    std::size_t gaining = 0, losing = 0, unchanged = 0, no_baseline = 0;
};

// Totals over the schools `include` selects (all when it is empty); with `baseline` (one amount per
// school), the changes against it too.
ResultTotals result_totals(const Result& r, const std::function<bool(std::size_t)>& include = {},
                           const Eigen::ArrayXd* baseline = nullptr);

}  // namespace fundsim
