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
    r.capping.limit = (r.mppl.counted + r.mppl.raw - r.mppl.level * c.nor).max(0.0);
    r.capping.gain_excess.resize(n);
    r.capping.raw.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        r.capping.gain_excess[i] = capping_excess(cappable[i], r.mfg.change[i], cap, r.mfg.pp0[i], c.nor[i]);
        r.capping.raw[i] = capping_deduction(r.capping.gain_excess[i], scaling, r.capping.limit[i]);
    }
    r.capping.deduction = round_penny(r.capping.raw);
}

}  // namespace fundsim
