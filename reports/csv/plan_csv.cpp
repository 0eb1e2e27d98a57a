// plan.csv (reports/plan_writers.hpp; docs/multi-year.md §3): one row per year and school.
#include <cmath>

#include "engine/io/csv_reader.hpp"
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"
#include "reports/plan_writers.hpp"

namespace fundsim {

double previous_budget_share(const std::vector<PlanYear>& years, std::size_t t, std::int64_t urn,
                             double* per_pupil) {
    const double none = std::nan("");
    if (per_pupil) *per_pupil = none;
    if (t == 0) return none;
    const Result& prev = years[t - 1].result;
    const long i = prev.census->index_of(urn);
    if (i < 0) return none;
    if (per_pupil) *per_pupil = prev.budget_share.per_pupil[i];
    return prev.budget_share.amount[i];
}

std::string plan_csv(const std::vector<PlanYear>& years) {
    std::string out =
        "year,urn,name,phase,status,nor,formula_total,mppl_topup,mfg_topup,capping_deduction,budget_share,"
        "budget_share_per_pupil,change,change_per_pupil,mfg_baseline_pupils,mfg_baseline_funding,flags\n";
    for (std::size_t t = 0; t < years.size(); ++t) {
        const Result& r = years[t].result;
        const Census& c = *r.census;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const auto e = static_cast<Eigen::Index>(i);
            out += years[t].year;
            out += ',';
            out += std::to_string(c.urn[i]);
            out += ',';
            out += csv_text(c.name[i]);
            out += ',';
            out += to_string(c.phase[i]);
            out += ',';
            out += to_string(c.status[i]);
            out += ',';
            append_money(out, c.nor[e]);  // pupils to 2 decimal places (projected counts keep fractions)
            for (double v : {r.factors.formula_total[e], r.mppl.topup[e], r.mfg.topup[e],
                             r.capping.deduction[e], r.budget_share.amount[e], r.budget_share.per_pupil[e]}) {
                out += ',';
                append_money(out, v);
            }
            double before_pp = 0;
            const double before = previous_budget_share(years, t, c.urn[i], &before_pp);
            out += ',';
            if (!std::isnan(before)) append_money(out, r.budget_share.amount[e] - before);
            out += ',';
            if (!std::isnan(before_pp)) append_money(out, r.budget_share.per_pupil[e] - before_pp);
            out += ',';
            if (c.has_baseline[e] != 0) append_money(out, c.mfg_baseline_pupils[e]);
            out += ',';
            if (c.has_baseline[e] != 0) append_money(out, c.mfg_baseline_funding[e]);
            out += ',';
            out += r.flags(i);
            out += '\n';
        }
    }
    return out;
}

}  // namespace fundsim

namespace fundsim {

std::string plan_comparison_csv(const std::vector<PlanRun>& runs) {
    std::string out =
        "plan,year,urn,name,phase,status,nor,budget_share,budget_share_per_pupil,mfg_topup,capping_deduction,"
        "difference\n";
    const PlanRun& first = runs.front();
    for (const PlanRun& run : runs)
        for (std::size_t t = 0; t < run.years.size(); ++t) {
            const Result& r = run.years[t].result;
            const Census& c = *r.census;
            const Result* base = t < first.years.size() ? &first.years[t].result : nullptr;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const auto e = static_cast<Eigen::Index>(i);
                out += csv_text(run.plan.name) + "," + run.years[t].year + "," + std::to_string(c.urn[i]) +
                       "," + csv_text(c.name[i]) + "," + to_string(c.phase[i]) + "," +
                       to_string(c.status[i]) + ",";
                append_money(out, c.nor[e]);
                for (double v : {r.budget_share.amount[e], r.budget_share.per_pupil[e], r.mfg.topup[e],
                                 r.capping.deduction[e]}) {
                    out += ',';
                    append_money(out, v);
                }
                out += ',';
                const long j = base ? base->census->index_of(c.urn[i]) : -1;
                if (j >= 0) append_money(out, r.budget_share.amount[e] - base->budget_share.amount[j]);
                out += '\n';
            }
        }
    return out;
}

}  // namespace fundsim
