// london_fringe (funding-model §3): an uplift of (multiplier − 1) on the factors it lists, for the
// schools the census marks as London fringe.
#include "engine/factors/kinds.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

ArrayXd london_fringe(const Factor& f, const Census& c, const std::vector<ArrayXd>& earlier) {
    ArrayXd sum = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
    for (int k : f.fringe_indices) sum += earlier.at(static_cast<std::size_t>(k));
    return (f.multiplier - 1.0) * sum * c.cached("london_fringe");
}

}  // namespace fundsim::kinds
