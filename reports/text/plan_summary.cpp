// What `fundsim plan` prints (reports/plan_writers.hpp): a line per year for a finance officer.
#include <cmath>

#include "engine/run/totals.hpp"
#include "reports/format.hpp"
#include "reports/plan_writers.hpp"

namespace fundsim {

std::string plan_summary_text(const PlanFile& plan, const std::vector<PlanYear>& years) {
    std::string out = plan.name + "\n";
    char line[256];
    std::snprintf(line, sizeof line, "  %-8s %8s %16s %16s %12s %16s %12s %16s\n", "year", "schools",
                  "pupils", "budget shares", "on the MFG", "MFG cost", "capped", "capping");
    out += line;
    for (const PlanYear& y : years) {
        const ResultTotals t = result_totals(y.result);
        std::snprintf(line, sizeof line, "  %-8s %8zu %16s %16s %12zu %16s %12zu %16s\n", y.year.c_str(),
                      t.schools, pupils_2dp(t.pupils).c_str(), pounds_whole(t.budget_share).c_str(), t.on_mfg,
                      pounds_whole(t.mfg).c_str(), t.capped, pounds_whole(t.capping).c_str());
        out += line;
        if (!y.opened.empty() || !y.closed.empty())
            out += "           " + std::to_string(y.opened.size()) + " school(s) open, " +
                   std::to_string(y.closed.size()) + " close (no pupils left)\n";
    }
    if (!years.front().budget) return out;
    // A plan started from a budget (docs/multi-year.md §5): the DSG reserve at each year's end, by block.
    std::snprintf(line, sizeof line, "  %-8s %16s %16s %16s %16s %16s %14s\n", "DSG", "schools", "central",
                  "high needs", "early years", "total", "clawed back");
    out += line;
    for (const PlanYear& y : years) {
        const DsgPosition& d = y.budget->dsg;
        std::snprintf(line, sizeof line, "  %-8s %16s %16s %16s %16s %16s %14s\n", y.year.c_str(),
                      pounds_whole(d.rows[0].closing).c_str(), pounds_whole(d.rows[1].closing).c_str(),
                      pounds_whole(d.rows[2].closing).c_str(), pounds_whole(d.rows[3].closing).c_str(),
                      pounds_whole(d.total.closing).c_str(),
                      pounds_whole(y.budget->balance_clawback).c_str());
        out += line;
    }
    return out;
}

}  // namespace fundsim

namespace fundsim {

std::string plans_difference_text(const std::vector<PlanRun>& runs) {
    const PlanRun& first = runs.front();
    std::string out = "How the plans differ from \"" + first.plan.name + "\":\n";
    char line[256];
    for (std::size_t k = 1; k < runs.size(); ++k) {
        out += "  " + runs[k].plan.name + "\n";
        std::snprintf(line, sizeof line, "    %-8s %18s %16s %16s %10s %10s\n", "year", "budget shares",
                      "MFG cost", "MFG cost (1st)", "gaining", "losing");
        out += line;
        for (std::size_t t = 0; t < runs[k].years.size() && t < first.years.size(); ++t) {
            const Result& r = runs[k].years[t].result;
            const Result& b = first.years[t].result;
            std::size_t gaining = 0, losing = 0;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const long j = b.census->index_of(r.census->urn[i]);
                if (j < 0) continue;
                const double d =
                    r.budget_share.amount[static_cast<Eigen::Index>(i)] - b.budget_share.amount[j];
                gaining += is_gain(d);
                losing += is_loss(d);
            }
            const ResultTotals tr = result_totals(r), tb = result_totals(b);
            std::snprintf(line, sizeof line, "    %-8s %18s %16s %16s %10zu %10zu\n",
                          runs[k].years[t].year.c_str(),
                          signed_pounds_whole(tr.budget_share - tb.budget_share).c_str(),
                          pounds_whole(tr.mfg).c_str(), pounds_whole(tb.mfg).c_str(), gaining, losing);
            out += line;
        }
    }
    return out;
}

}  // namespace fundsim
