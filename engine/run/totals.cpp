// Totals of a result over a group of schools, in one pass in census order.
#include "engine/run/totals.hpp"

#include <cmath>

#include "engine/core/money.hpp"

namespace fundsim {

ResultTotals result_totals(const Result& r, const std::function<bool(std::size_t)>& include,
                           const Eigen::ArrayXd* baseline) {
    const Census& c = *r.census;
    ResultTotals t;
    t.grants.assign(r.after_share.grants.size(), 0.0);
    for (std::size_t s = 0; s < r.size(); ++s) {
        if (include && !include(s)) continue;
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        ++t.schools;
        t.pupils += c.nor[i];
        t.budget_share += r.budget_share.amount[i];
        t.on_mfg += r.on_mfg(s);
        t.capped += r.capped(s);
        t.on_mppl += r.on_mppl(s);
        t.mfg += r.mfg.topup[i];
        t.capping += r.capping.deduction[i];
        t.mppl += r.mppl.topup[i];
        for (const auto& d : r.after_share.de_delegation) t.de_delegation += d[i];
        for (std::size_t g = 0; g < r.after_share.grants.size(); ++g)
            t.grants[g] += r.after_share.grants[g][i];
        t.notional_sen += r.after_share.notional_sen[i];
        if (!baseline) continue;
        const double b = (*baseline)[i];
        if (std::isfinite(b)) t.baseline_total += b;
        const double change = std::isfinite(b) ? round_penny(r.budget_share.amount[i] - b) : std::nan("");
        if (!std::isfinite(change)) {
            ++t.no_baseline;
            continue;
        }
        t.change_total += change;
        if (is_gain(change))
            ++t.gaining;
        else if (is_loss(change))
            ++t.losing;
        else
            ++t.unchanged;
    }
    return t;
}

}  // namespace fundsim
