// per_pupil (funding-model §3): a rate by key stage × pupils, e.g. the basic entitlement.
#include "engine/factors/kinds.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

// per_pupil: rate by key stage × pupils; the reception uplift adds to primary pupils here only.
ArrayXd per_pupil(const Factor& f, const Census& c, bool reception_uplift) {
    ArrayXd primary = c.nor_primary;
    if (reception_uplift) primary += c.reception_uplift;
    return f.rate_primary * primary + f.rate_ks3 * c.nor_ks3 + f.rate_ks4 * c.nor_ks4;
}

}  // namespace fundsim::kinds
