// Minimum funding guarantee (docs/funding-model.md §4.2): per-pupil funding after exclusions may not fall
// below last year's per pupil × (1 + m). Schools without a baseline are new: no MFG.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

void apply_mfg(Result& r) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    const double m = r.formula->mfg ? r.formula->mfg->percent : 0.0;
    r.mfg.excluded_raw =
        r.formula->mfg ? sum_of_factors(r, r.formula->mfg->excludes) : Eigen::ArrayXd::Zero(n);
    r.mfg.c1 = r.factors.formula_raw + r.mppl.raw - r.mfg.excluded_raw;
    r.mfg.pp1 = r.mfg.c1 / c.nor;
    const Eigen::ArrayXd has = c.has_baseline;
    r.mfg.pp0 = (has > 0).select(c.mfg_baseline_funding / c.mfg_baseline_pupils.max(1e-300), 0.0);
    r.mfg.guarantee = r.mfg.pp0 * (1.0 + m);
    r.mfg.change = (has > 0).select(r.mfg.pp1 / r.mfg.pp0.max(1e-300) - 1.0, 0.0);
    if (r.formula->mfg) {
        r.mfg.raw = (has > 0).select((r.mfg.guarantee - r.mfg.pp1).max(0.0) * c.nor, 0.0);
    } else {
        r.mfg.raw = Eigen::ArrayXd::Zero(n);
    }
    r.mfg.topup = round_penny(r.mfg.raw);
}

}  // namespace fundsim
