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
                      t.schools, pupils_text(std::round(t.pupils * 100) / 100).c_str(),
                      pounds_whole(t.budget_share).c_str(), t.on_mfg, pounds_whole(t.mfg).c_str(), t.capped,
                      pounds_whole(t.capping).c_str());
        out += line;
        if (!y.opened.empty() || !y.closed.empty())
            out += "           " + std::to_string(y.opened.size()) + " school(s) open, " +
                   std::to_string(y.closed.size()) + " close (no pupils left)\n";
    }
    return out;
}

}  // namespace fundsim
