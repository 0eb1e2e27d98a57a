// Template body of change_stats (engine/compare/compare.hpp): gainers, losers, extremes and medians of one option.
#pragma once

#include <algorithm>
#include <cmath>

namespace fundsim {

template <class Pred>
ChangeStats change_stats(const ScenarioResult& s, const Comparison& c, Pred include) {
    ChangeStats st;
    std::vector<double> per_pupil;
    const Result& r = s.result;
    for (std::size_t k = 0; k < c.census->size; ++k) {
        if (!include(k)) continue;
        const Eigen::Index i = static_cast<Eigen::Index>(k);
        ++st.schools;
        st.total += r.budget_share[i];
        if (std::isfinite(c.baseline[i])) st.baseline_total += c.baseline[i];
        const double ch = s.change[i];
        if (!std::isfinite(ch)) ++st.no_baseline;
        if (std::isfinite(ch)) {
            st.change_total += ch;
            // A change under half a penny is no change: amounts are reported in pennies.
            if (ch >= 0.005) ++st.gaining;
            else if (ch <= -0.005) ++st.losing;
            else ++st.unchanged;
            if (ch > 0 && (st.largest_gain_urn == 0 || ch > st.largest_gain)) {
                st.largest_gain = ch;
                st.largest_gain_pct = s.change_pct[i];
                st.largest_gain_urn = c.census->urn[k];
            }
            if (ch < 0 && (st.largest_loss_urn == 0 || ch < st.largest_loss)) {
                st.largest_loss = ch;
                st.largest_loss_pct = s.change_pct[i];
                st.largest_loss_urn = c.census->urn[k];
            }
            per_pupil.push_back(s.change_per_pupil[i]);
        }
        st.on_mfg += r.on_mfg(k);
        st.capped += r.capped(k);
        st.on_mppl += r.on_mppl(k);
        st.mfg_total += r.mfg_topup[i];
        st.capping_total += r.capping_deduction[i];
        st.mppl_total += r.mppl_topup[i];
    }
    if (!per_pupil.empty()) {
        std::sort(per_pupil.begin(), per_pupil.end());
        const std::size_t n = per_pupil.size();
        st.median_change_per_pupil = n % 2 ? per_pupil[n / 2] : (per_pupil[n / 2 - 1] + per_pupil[n / 2]) / 2;
    }
    return st;
}

}  // namespace fundsim
