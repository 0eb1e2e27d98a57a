// Capping and scaling of gains (docs/funding-model.md §4.3): the part of a school's per-pupil gain above the
// cap is scaled back, never below its MPPL; new and growing schools are not capped.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

void apply_capping(Result& r, double cap, double scaling) {
    const Census& c = *r.census;
    r.cap = cap;
    r.scaling = scaling;
    const Eigen::ArrayXd cappable = c.has_baseline * (1.0 - c.growing);
    r.gain_excess = cappable * (r.mfg_change - cap).max(0.0) * r.pp0 * c.nor;
    r.capping_limit = (r.mppl_counted + r.mppl_raw - r.mppl_level * c.nor).max(0.0);
    r.capping_raw = (scaling * r.gain_excess).min(r.capping_limit);
    r.capping_deduction = round_penny(r.capping_raw);
}

}  // namespace fundsim
