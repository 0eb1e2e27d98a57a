// per_column and actual (funding-model §3): census columns named in the formula, each at its own rate
// (split sites), or one column passed through at cost (rates, PFI, exceptional premises).
#include "engine/factors/kinds.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

ArrayXd per_column(const Factor& f, const Census& c) {
    ArrayXd out = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
    for (const auto& [col, rate] : f.column_rates) out += rate * c.cached(col);
    return out;
}

ArrayXd actual(const Factor& f, const Census& c) { return c.cached(f.column); }

}  // namespace fundsim::kinds
