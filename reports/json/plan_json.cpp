// The plan's summary.json (reports/plan_writers.hpp; docs/multi-year.md §3).
#include <cmath>

#include "engine/core/money.hpp"
#include "engine/run/totals.hpp"
#include "reports/plan_writers.hpp"
#include "reports/writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

double pennies(double v) { return round_penny(v) == 0 ? 0.0 : round_penny(v); }
double pupils2(double v) { return std::round(v * 100) / 100; }

// A budget year's DSG blocks (docs/multi-year.md §3, §5): each block's allocation, spend and closing
// reserve as dsg.csv gives them, with the balances clawed back the year before (in the schools block's
// opening) and this year's clawback (in next year's).
OJson plan_year_dsg_json(const PlanYear& y) {
    const LaBudget& b = *y.budget;
    OJson blocks = OJson::object();
    auto row = [](const DsgRow& d) {
        return OJson{{"opening", d.opening},
                     {"allocation", d.allocation},
                     {"spend", d.spend},
                     {"in_year", d.in_year},
                     {"closing", d.closing},
                     {"recoupment", d.recoupment},
                     {"transfers_in", d.transfers_in},
                     {"transfers_out", d.transfers_out}};
    };
    for (const DsgRow& d : b.dsg.rows) blocks[d.block] = row(d);
    blocks["total"] = row(b.dsg.total);
    return {{"blocks", blocks},
            {"balance_clawback_spent", pennies(y.clawback_in)},
            {"balance_clawback", pennies(b.balance_clawback)}};
}

}  // namespace

OJson plan_summary_json(const PlanFile& plan, const std::vector<PlanYear>& years) {
    OJson j;
    j["name"] = plan.name;
    OJson list = OJson::array();
    for (std::size_t t = 0; t < years.size(); ++t) {
        const PlanYear& y = years[t];
        const Result& r = y.result;
        const ResultTotals tot = result_totals(r);
        OJson e;
        e["year"] = y.year;
        e["formula"] = r.formula->name;
        e["formula_uprated"] = y.formula_uprated;
        e["schools"] = tot.schools;
        e["pupils"] = pupils2(tot.pupils);
        e["schools_block"] = r.formula->budget ? OJson(pennies(r.formula->budget->schools_block)) : OJson();
        e["total_budget_share"] = pennies(tot.budget_share);
        e["available"] = r.budget ? OJson(pennies(r.budget->available)) : OJson();
        e["headroom"] = r.budget ? OJson(pennies(r.budget->headroom)) : OJson();
        e["lever"] = r.budget && r.budget->lever != Lever::none
                         ? OJson{{"name", to_string(r.budget->lever)}, {"value", r.budget->lever_value}}
                         : OJson();
        e["schools_on_mfg"] = tot.on_mfg;
        e["mfg_total"] = pennies(tot.mfg);
        e["schools_capped"] = tot.capped;
        e["capping_total"] = pennies(tot.capping);
        e["schools_on_mppl"] = tot.on_mppl;
        e["mppl_total"] = pennies(tot.mppl);
        e["schools_opened"] = y.opened;
        e["schools_closed"] = y.closed;
        if (y.budget) e["dsg"] = plan_year_dsg_json(y);
        e["schools_block_summary"] = summary_json(r);
        list.push_back(std::move(e));
    }
    j["years"] = std::move(list);
    const ResultTotals first = result_totals(years.front().result), last = result_totals(years.back().result);
    j["over_the_horizon"] = {{"from", years.front().year},
                             {"to", years.back().year},
                             {"pupils_change", pupils2(last.pupils - first.pupils)},
                             {"total_budget_share_change", pennies(last.budget_share - first.budget_share)}};
    return j;
}

}  // namespace fundsim
