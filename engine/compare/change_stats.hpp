// Statistics of one option of a comparison over a group of schools: its totals and the protections
// (run/totals), gainers and losers, the largest gain and loss, and the median change per pupil.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/compare/compare.hpp"
#include "engine/run/totals.hpp"

namespace fundsim {

// Per-scenario statistics for summary.json and the report, over the schools selected by `include`.
struct ChangeStats {
    std::size_t schools = 0, gaining = 0, losing = 0, unchanged = 0;
    double total = 0, baseline_total = 0;
    double largest_gain = 0, largest_gain_pct = 0, largest_loss = 0, largest_loss_pct = 0;
    std::int64_t largest_gain_urn = 0, largest_loss_urn = 0;
    double median_change_per_pupil = 0;
    double change_total = 0;  // Σ changes of the schools that have a baseline
    std::size_t no_baseline =
        0;  // schools without one (schools = gaining + losing + unchanged + no_baseline)
    std::size_t on_mfg = 0, capped = 0, on_mppl = 0;
    double mfg_total = 0, capping_total = 0, mppl_total = 0;
};

template <class Pred>
ChangeStats change_stats(const ScenarioResult& s, const Comparison& c, Pred include) {
    const ResultTotals t = result_totals(s.result, include, &c.baseline);
    ChangeStats st;
    st.schools = t.schools;
    st.gaining = t.gaining;
    st.losing = t.losing;
    st.unchanged = t.unchanged;
    st.no_baseline = t.no_baseline;
    st.total = t.budget_share;
    st.baseline_total = t.baseline_total;
    st.change_total = t.change_total;
    st.on_mfg = t.on_mfg;
    st.capped = t.capped;
    st.on_mppl = t.on_mppl;
    st.mfg_total = t.mfg;
    st.capping_total = t.capping;
    st.mppl_total = t.mppl;
    // The extremes and the median, over the schools that have a change.
    std::vector<double> per_pupil;
    for (std::size_t k = 0; k < c.census->size; ++k) {
        if (!include(k)) continue;
        const Eigen::Index i = static_cast<Eigen::Index>(k);
        const double ch = s.change[i];
        if (!std::isfinite(ch)) continue;
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
    if (!per_pupil.empty()) {
        std::sort(per_pupil.begin(), per_pupil.end());
        const std::size_t n = per_pupil.size();
        st.median_change_per_pupil = n % 2 ? per_pupil[n / 2] : (per_pupil[n / 2 - 1] + per_pupil[n / 2]) / 2;
    }
    return st;
}

}  // namespace fundsim
