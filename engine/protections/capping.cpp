// Capping and scaling of gains (docs/funding-model.md §4.3): the part of a school's per-pupil gain above the
// cap is scaled back, never below its MPPL; new and growing schools are not capped.
#include "engine/protections/capping.hpp"

#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

void apply_capping(Result& r, double cap, double scaling) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    r.cap = cap;
    r.scaling = scaling;
    const Eigen::ArrayXd cappable = cappable_schools(c);
    r.capping_limit = (r.mppl_counted + r.mppl_raw - r.mppl_level * c.nor).max(0.0);
    r.gain_excess.resize(n);
    r.capping_raw.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        r.gain_excess[i] = capping_excess(cappable[i], r.mfg_change[i], cap, r.pp0[i], c.nor[i]);
        r.capping_raw[i] = capping_deduction(r.gain_excess[i], scaling, r.capping_limit[i]);
    }
    r.capping_deduction = round_penny(r.capping_raw);
}

}  // namespace fundsim
