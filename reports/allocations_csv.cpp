// allocations.csv (interfaces §6): one row per school, the columns in the contract's order.
#include "format.hpp"
#include "writers.hpp"

namespace fundsim {

std::string allocations_csv(const Result& r) {
    const Census& c = *r.census;
    const Formula& f = r.formula;
    std::string out;
    out.reserve(c.size * 400);
    out += "urn,laestab,name,phase,status,area,nor";
    for (const auto& fac : f.factors) out += "," + csv_cell(fac.id);
    out += ",formula_total,mppl_level,mppl_topup,mfg_baseline_per_pupil,mfg_per_pupil,mfg_change,mfg_topup,"
           "capping_deduction,budget_share,budget_share_per_pupil";
    for (const auto& d : f.de_delegation) out += "," + csv_cell(d.id);
    out += ",delegated_budget";
    for (const auto& g : f.grants) out += "," + csv_cell(g.id);
    out += ",notional_sen,flags\n";
    for (std::size_t s = 0; s < c.size; ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const bool base = c.has_baseline[i] > 0;
        out += std::to_string(c.urn[s]) + "," + csv_cell(c.laestab[s]) + "," + csv_cell(c.name[s]) + "," + to_string(c.phase[s]) +
               "," + to_string(c.status[s]) + "," + csv_cell(c.area[s]) + "," + count(c.nor[i]);
        for (const auto& a : r.factor) out += "," + money(a[i]);
        out += "," + money(r.formula_total[i]) + "," + money(r.mppl_level[i]) + "," + money(r.mppl_topup[i]) + ",";
        out += base ? money(r.pp0[i]) : "";
        out += "," + money(r.pp1[i]) + ",";
        out += base ? fraction6(r.mfg_change[i]) : "";
        out += "," + money(r.mfg_topup[i]) + "," + money(r.capping_deduction[i]) + "," + money(r.budget_share[i]) + "," +
               money(r.budget_share_per_pupil[i]);
        for (const auto& d : r.de_delegation) out += "," + money(d[i]);
        out += "," + money(r.delegated_budget[i]);
        for (const auto& g : r.grants) out += "," + money(g[i]);
        out += "," + money(r.notional_sen[i]) + "," + r.flags(s) + "\n";
    }
    return out;
}

}  // namespace fundsim
