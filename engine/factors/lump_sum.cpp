// lump_sum (funding-model §3): a sum per school by phase.
#include "engine/factors/kinds.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

// Lump sum by phase; a middle school without its own rate gets the year-group-weighted mix, an
// all-through school without its own rate the secondary rate (as the APT did).
ArrayXd lump_sum(const Factor& f, const Census& c) {
    ArrayXd out(static_cast<Eigen::Index>(c.size));
    const auto& v = f.lump.value;
    const auto& g = f.lump.given;
    for (std::size_t i = 0; i < c.size; ++i) {
        const Eigen::Index k = static_cast<Eigen::Index>(i);
        double a = 0;
        switch (c.phase[i]) {
            case Phase::primary:
                a = v[0];
                break;
            case Phase::secondary:
                a = v[1];
                break;
            case Phase::middle:
                a = g[2] ? v[2] : (c.yg_primary[k] * v[0] + (c.yg_ks3[k] + c.yg_ks4[k]) * v[1]) / c.yg[k];
                break;
            case Phase::all_through:
                a = g[3] ? v[3] : v[1];
                break;
        }
        out[k] = a;
    }
    return out;
}

}  // namespace fundsim::kinds
