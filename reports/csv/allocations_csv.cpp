// allocations.csv (docs/interfaces.md §6): one row per school, the columns in the contract's order. Every text
// cell from the inputs (ids, LAESTAB, name, area) goes through csv_text, so that a spreadsheet never runs it.
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"
#include "reports/writers.hpp"

namespace fundsim {

std::string allocations_csv(const Result& r) {
    const Census& c = *r.census;
    const Formula& f = *r.formula;
    std::string out;
    out.reserve(c.size * 400);
    out += "urn,laestab,name,phase,status,area,nor";
    for (const auto& fac : f.factors) out += "," + csv_text(fac.id);
    out += ",formula_total,mppl_level,mppl_topup,mfg_baseline_per_pupil,mfg_per_pupil,mfg_change,mfg_topup,"
           "capping_deduction,budget_share,budget_share_per_pupil";
    for (const auto& d : f.de_delegation) out += "," + csv_text(d.id);
    out += ",delegated_budget";
    for (const auto& g : f.grants) out += "," + csv_text(g.id);
    out += ",notional_sen,flags\n";
    // Appended in place: a national file is a million cells, and a temporary string per cell cost more
    // than the calculation.
    auto cell = [&out](double v) {
        out += ',';
        append_money(out, v);
    };
    for (std::size_t s = 0; s < c.size; ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const bool base = c.has_baseline[i] > 0;
        out += std::to_string(c.urn[s]);
        out += ',';
        out += csv_text(c.laestab[s]);
        out += ',';
        out += csv_text(c.name[s]);
        out += ',';
        out += to_string(c.phase[s]);  // phase, status and flags are fundsim's own words, never input text
        out += ',';
        out += to_string(c.status[s]);
        out += ',';
        out += csv_text(c.area[s]);
        out += ',';
        out += count(c.nor[i]);
        for (const auto& a : r.factors.amount) cell(a[i]);
        cell(r.factors.formula_total[i]);
        cell(r.mppl.level[i]);
        cell(r.mppl.topup[i]);
        out += ',';
        if (base) append_money(out, r.mfg.pp0[i]);
        cell(r.mfg.pp1[i]);
        out += ',';
        if (base) out += fraction6(r.mfg.change[i]);
        cell(r.mfg.topup[i]);
        cell(r.capping.deduction[i]);
        cell(r.budget_share.amount[i]);
        cell(r.budget_share.per_pupil[i]);
        for (const auto& d : r.after_share.de_delegation) cell(d[i]);
        cell(r.after_share.delegated_budget[i]);
        for (const auto& g : r.after_share.grants) cell(g[i]);
        cell(r.after_share.notional_sen[i]);
        out += ',';
        out += r.flags(s);
        out += '\n';
    }
    return out;
}

}  // namespace fundsim
