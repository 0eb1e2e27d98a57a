// Minimum per-pupil level (docs/funding-model.md §4.1): the school's level is the year-group-weighted mean of
// the primary, KS3 and KS4 levels (docs/funding-model.md §4.1: published secondary = (3 KS3 + 2 KS4) / 5),
// and a school whose counted funding falls short of level × pupils is topped up.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

void apply_mppl(Result& r) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    if (!r.formula->mppl) {
        r.mppl.level = Eigen::ArrayXd::Zero(n);
        r.mppl.counted = r.factors.formula_raw;
        r.mppl.raw = Eigen::ArrayXd::Zero(n);
        r.mppl.topup = Eigen::ArrayXd::Zero(n);
        return;
    }
    const Mppl& m = *r.formula->mppl;
    r.mppl.level = (c.yg_primary * m.primary + c.yg_ks3 * m.ks3 + c.yg_ks4 * m.ks4) / c.yg;
    r.mppl.counted = r.factors.formula_raw - sum_of_factors(r, m.excludes);
    r.mppl.raw = (r.mppl.level * c.nor - r.mppl.counted).max(0.0);
    r.mppl.topup = round_penny(r.mppl.raw);
}

}  // namespace fundsim
