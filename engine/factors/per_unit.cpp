// per_unit, banded and per_unit_above_threshold (funding-model §3): a rate per pupil counted by a
// measure's census columns (<measure>_primary, <measure>_secondary), plain, by band or above a threshold.
#include "engine/factors/kinds.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

namespace {

ArrayXd secondary_pupils(const Census& c) { return c.nor_ks3 + c.nor_ks4; }

}  // namespace

ArrayXd per_unit(const Factor& f, const Census& c) {
    return f.rate_primary * c.cached(f.measure + "_primary") +
           f.rate_secondary * c.cached(f.measure + "_secondary");
}

ArrayXd banded(const Factor& f, const Census& c) {
    ArrayXd out = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
    for (const auto& b : f.bands)
        out += b.primary * c.cached(f.measure + "_" + b.name + "_primary") +
               b.secondary * c.cached(f.measure + "_" + b.name + "_secondary");
    return out;
}

// Mobility: only pupils above the threshold share of each group are funded.
ArrayXd above_threshold(const Factor& f, const Census& c) {
    ArrayXd p = (c.cached(f.measure + "_primary") - f.threshold * c.nor_primary).max(0.0);
    ArrayXd s = (c.cached(f.measure + "_secondary") - f.threshold * secondary_pupils(c)).max(0.0);
    return f.rate_primary * p + f.rate_secondary * s;
}

}  // namespace fundsim::kinds
