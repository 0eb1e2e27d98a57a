// `fundsim explain`: the computation tree of one school's budget, from the values kept in the result
// table and each factor's breakdown (engine/factors/breakdown.hpp), with the census values and the rates
// each line used.
#include <cstdio>
#include <variant>

#include "engine/factors/breakdown.hpp"
#include "reports/format.hpp"
#include "reports/writers.hpp"

namespace fundsim {

namespace {

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

template <class N>
const N* find_note(const FactorBreakdown& b) {
    for (const auto& n : b.notes)
        if (const N* p = std::get_if<N>(&n)) return p;
    return nullptr;
}

// The pieces of one factor for one school, from the engine's breakdown. `k` is the solved factor
// multiplier for a scaled factor, else 1; `uplift` the reception uplift as the engine applied it to this
// factor (the formula's flag for its factors, never for grants).
std::string factor_detail(const Result& r, const Factor& f, std::size_t s, double k, bool uplift) {
    const Census& c = *r.census;
    BreakdownOptions o;
    o.formula = &r.formula;
    o.reception_uplift = uplift;
    o.k = k;
    o.earlier = &r.factor_raw;
    const FactorBreakdown b = breakdown(f, c, s, o);
    if (!b.applies) return "      not applied: the factor's phase/status filter excludes this school\n";
    const std::vector<Component>& p = b.components;
    // rate x count, and the census column counted
    auto times = [&](const Component& x) { return num(x.rate.value) + " x " + num(x.count); };
    std::string d;
    switch (f.kind) {
        case FactorKind::per_pupil: {
            const auto* up = find_note<note::ReceptionUplift>(b);
            d = "      " + times(p[0]) + " primary" +
                (up ? " (incl. reception uplift " + num(up->pupils) + ")" : "") + " + " + times(p[1]) +
                " KS3 + " + times(p[2]) + " KS4\n";
            break;
        }
        case FactorKind::per_unit:
            d = "      " + times(p[0]) + " " + p[0].column + " + " + times(p[1]) + " " + p[1].column + "\n";
            break;
        case FactorKind::banded:
            for (std::size_t j = 0; j < f.bands.size(); ++j)
                d += "      band " + f.bands[j].name + ": " + times(p[2 * j]) + " primary + " +
                     times(p[2 * j + 1]) + " secondary\n";
            break;
        case FactorKind::per_unit_above_threshold: {
            std::size_t j = 0;
            for (const auto& n : b.notes) {
                const auto* t = std::get_if<note::AboveThreshold>(&n);
                if (!t) continue;
                d += "      " + t->group + ": funded units max(0, " + num(t->units) + " - " +
                     num(t->threshold.value) + " x " + num(t->pupils) + ") = " + num(p[j].count) + " x " +
                     num(p[j].rate.value) + "\n";
                ++j;
            }
            break;
        }
        case FactorKind::lump_sum:
            d = "      lump sum for a " + std::string(to_string(c.phase[s])) + " school\n";
            break;
        case FactorKind::sparsity: {
            const auto& t = *find_note<note::Sparsity>(b);
            d = "      distance " + num(t.distance) + " miles (threshold " + num(t.distance_threshold.value) +
                (t.distance_taper ? ", tapered from 80%" : "") + "); average year group " +
                num(t.terms.average_year_group) + " (threshold " + num(t.year_group_threshold.value) + ")\n";
            d += t.terms.eligible ? "      eligible: maximum " + num(t.maximum.value) + " x year weight " +
                                        num(t.terms.year_weight) + " x distance weight " +
                                        num(t.terms.distance_weight) + "\n"
                                  : "      not eligible\n";
            break;
        }
        case FactorKind::actual:
            d = "      census column " + p[0].column + " = " + num(p[0].count) + "\n";
            break;
        case FactorKind::per_column:
            for (const auto& x : p) d += "      " + times(x) + " " + x.column + "\n";
            break;
        case FactorKind::allocation: {
            const auto& a = *find_note<note::Allocation>(b);
            d = "      share of a pot of " + pounds(a.pot.value) + " by " + a.basis + "\n";
            break;
        }
        case FactorKind::london_fringe: {
            const auto& l = *find_note<note::LondonFringe>(b);
            d = "      (" + num(l.multiplier.value) +
                " - 1) x the listed factors, London fringe school = " + num(l.fringe) + "\n";
            break;
        }
    }
    return d;
}

}  // namespace

std::string explain_school(const Result& r, std::size_t s) {
    const Census& c = *r.census;
    const Formula& f = r.formula;
    const Eigen::Index i = static_cast<Eigen::Index>(s);
    std::string t;
    t += "School " + std::to_string(c.urn[s]) + " " + c.name[s] + " (" + to_string(c.phase[s]) + ", " +
         to_string(c.status[s]) + (c.area[s].empty() ? "" : ", " + c.area[s]) + ")\n";
    t += "  census line " + std::to_string(c.line[s]) + " of " + c.file + "\n";
    t += "  pupils: " + count(c.nor_primary[i]) + " primary + " + count(c.nor_ks3[i]) + " KS3 + " +
         count(c.nor_ks4[i]) + " KS4 = " + count(c.nor[i]) + "; year groups " + count(c.yg_primary[i]) + "/" +
         count(c.yg_ks3[i]) + "/" + count(c.yg_ks4[i]) + "\n";
    t += "Formula: " + f.name + "\n";
    if (r.multiplier != 1.0)
        t += "  factor multiplier (solved lever) k = " + num(r.multiplier) + " on the scaled factors\n";
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        t += "  " + f.factors[k].id + " (" + to_string(f.factors[k].kind) + "): " + pounds(r.factor[k][i]) +
             (r.multiplier != 1.0 && r.factor_scaled[k] ? "  [scaled by k]" : "") + "\n";
        t += factor_detail(r, f.factors[k], s, r.factor_scaled[k] ? r.multiplier : 1.0, f.reception_uplift);
    }
    t += "  formula total: " + pounds(r.formula_total[i]) + "\n";
    t += "MPPL:\n";
    if (f.mppl) {
        t += "  level = (" + count(c.yg_primary[i]) + " x " + num(f.mppl->primary) + " + " +
             count(c.yg_ks3[i]) + " x " + num(f.mppl->ks3) + " + " + count(c.yg_ks4[i]) + " x " +
             num(f.mppl->ks4) + ") / " + count(c.yg[i]) + " = " + money(r.mppl_level[i]) + " per pupil\n";
        t += "  counted funding (formula less excluded factors) = " + pounds(r.mppl_counted[i]) + " = " +
             money(r.mppl_counted[i] / c.nor[i]) + " per pupil\n";
        t += "  top-up = max(0, level x pupils - counted) = " + pounds(r.mppl_topup[i]) + "\n";
    } else {
        t += "  none in this formula\n";
    }
    t += "MFG:\n";
    if (c.has_baseline[i] > 0) {
        t += "  baseline: " + pounds(c.mfg_baseline_funding[i]) + " / " + count(c.mfg_baseline_pupils[i]) +
             " pupils = " + money(r.pp0[i]) + " per pupil\n";
        if (f.mfg) {
            t += "  guarantee = " + money(r.pp0[i]) + " x (1 " +
                 (f.mfg->percent < 0 ? "- " + num(-f.mfg->percent) : "+ " + num(f.mfg->percent)) +
                 ") = " + money(r.guarantee[i]) + " per pupil\n";
        }
        t += "  this year (formula + MPPL - excluded) = " + pounds(r.mfg_c1[i]) + " / " + count(c.nor[i]) +
             " = " + money(r.pp1[i]) + " per pupil (change " + fraction6(r.mfg_change[i]) + ")\n";
        t += "  MFG top-up: " + pounds(r.mfg_topup[i]) + "\n";
    } else {
        t += "  new school (no baseline): no MFG and no capping\n";
    }
    t += "Capping and scaling:\n";
    t += "  cap " + fraction6(r.cap) + ", scaling " + fraction6(r.scaling) + "\n";
    if (c.growing[i] > 0) t += "  growing school: exempt from capping\n";
    t += "  gain " + fraction6(r.mfg_change[i]) + "; excess above the cap = " + pounds(r.gain_excess[i]) +
         "; limit (not below the MPPL) = " + pounds(r.capping_limit[i]) + "\n";
    t += "  deduction = min(scaling x excess, limit) = " + pounds(r.capping_deduction[i]) + "\n";
    t += "Budget share = " + money(r.formula_total[i]) + " + " + money(r.mppl_topup[i]) + " + " +
         money(r.mfg_topup[i]) + " - " + money(r.capping_deduction[i]) + " = " + pounds(r.budget_share[i]) +
         " (" + pounds(r.budget_share_per_pupil[i]) + " per pupil)\n";
    if (r.budget) {
        t += "  the LA balances with " + std::string(to_string(r.budget->lever)) +
             (r.budget->lever != Lever::none ? " = " + num(r.budget->lever_value) : "") + "; headroom " +
             pounds(r.budget->headroom) + "\n";
    }
    for (std::size_t k = 0; k < f.de_delegation.size(); ++k)
        t += "De-delegated " + f.de_delegation[k].id + ": " + pounds(r.de_delegation[k][i]) +
             (c.status[s] == Status::academy ? " (academy: never de-delegated)" : "") + "\n";
    t += "Delegated budget: " + pounds(r.delegated_budget[i]) + "\n";
    for (std::size_t g = 0; g < f.grants.size(); ++g) {
        t += "Grant " + f.grants[g].id + ": " + pounds(r.grants[g][i]) + "\n";
        for (std::size_t p = 0; p < f.grants[g].parts.size(); ++p) {
            t += "  " + f.grants[g].parts[p].id + ": " + pounds(r.grant_parts[g][p][i]) + "\n";
            t += factor_detail(r, f.grants[g].parts[p], s, 1.0, false);
        }
    }
    if (!f.notional_sen.empty()) {
        t += "Notional SEN (memo): " + pounds(r.notional_sen[i]) + " =";
        bool first = true;
        for (const auto& [id, pct] : f.notional_sen) {
            t += std::string(first ? " " : " + ") + num(pct) + " x " + id + " " +
                 money(r.factor[static_cast<std::size_t>(f.factor_index(id))][i]);
            first = false;
        }
        t += "\n";
    }
    t += "Flags: " + (r.flags(s).empty() ? std::string("none") : r.flags(s)) + "\n";
    return t;
}

}  // namespace fundsim
