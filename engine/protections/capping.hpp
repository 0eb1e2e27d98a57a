// The arithmetic of capping for one school (docs/funding-model.md §4.3), written once: apply_capping reports
// it and the solver (engine/balance/solve.cpp) balances it, so the two cannot drift apart by a bit.
#pragma once

#include <Eigen/Core>
#include <algorithm>

#include "engine/census/census.hpp"

namespace fundsim {

// 1 for a school the cap applies to: it has a baseline and is not growing (new and growing schools are
// exempt), else 0.
inline Eigen::ArrayXd cappable_schools(const Census& c) { return c.has_baseline * (1.0 - c.growing); }

// The gain above the cap in pounds: cappable × max(0, change − cap) × baseline per pupil × pupils, where
// change is the school's MFG per-pupil change.
inline double capping_excess(double cappable, double change, double cap, double pp0, double nor) {
    return cappable * std::max(0.0, change - cap) * pp0 * nor;
}

// The deduction before rounding: the excess scaled back, never more than `limit` (what keeps the school
// at its MPPL).
inline double capping_deduction(double excess, double scaling, double limit) {
    return std::min(scaling * excess, limit);
}

}  // namespace fundsim
