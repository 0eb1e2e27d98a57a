// `fundsim explain`: the computation tree of one school's budget, from the values kept in the result
// table, with the census values and the rates each line used.
#include "reports/format.hpp"
#include "engine/factors/sparsity.hpp"
#include "reports/writers.hpp"

namespace fundsim {

namespace {

std::string num(double v) { return number_text("%.10g", v); }

// `k` is the solved factor multiplier for a scaled factor, else 1.
std::string factor_detail(const Result& r, const Factor& f, std::size_t s, double k) {
    const Census& c = *r.census;
    const Eigen::Index i = static_cast<Eigen::Index>(s);
    auto scaled = [&](double rate) { return num(rate * k); };
    std::string d;
    const bool applies = f.phases[static_cast<int>(c.phase[s])] && f.status[static_cast<int>(c.status[s])];
    if (!applies) return "      not applied: the factor's phase/status filter excludes this school\n";
    auto col = [&](const std::string& name) { return num(c.cached(name)[i]); };
    switch (f.kind) {
        case FactorKind::per_pupil: {
            double prim = c.nor_primary[i] + (r.formula.reception_uplift ? c.reception_uplift[i] : 0.0);
            d = "      " + scaled(f.rate_primary) + " x " + num(prim) + " primary" +
                (r.formula.reception_uplift && c.reception_uplift[i] > 0 ? " (incl. reception uplift " + num(c.reception_uplift[i]) + ")" : "") +
                " + " + scaled(f.rate_ks3) + " x " + num(c.nor_ks3[i]) + " KS3 + " + scaled(f.rate_ks4) + " x " + num(c.nor_ks4[i]) + " KS4\n";
            break;
        }
        case FactorKind::per_unit:
            d = "      " + scaled(f.rate_primary) + " x " + col(f.measure + "_primary") + " " + f.measure + "_primary + " +
                scaled(f.rate_secondary) + " x " + col(f.measure + "_secondary") + " " + f.measure + "_secondary\n";
            break;
        case FactorKind::banded:
            for (const auto& b : f.bands)
                d += "      band " + b.name + ": " + scaled(b.primary) + " x " + col(f.measure + "_" + b.name + "_primary") + " primary + " +
                     scaled(b.secondary) + " x " + col(f.measure + "_" + b.name + "_secondary") + " secondary\n";
            break;
        case FactorKind::per_unit_above_threshold: {
            double mp = c.cached(f.measure + "_primary")[i], ms = c.cached(f.measure + "_secondary")[i];
            double np = c.nor_primary[i], ns = c.nor_ks3[i] + c.nor_ks4[i];
            d = "      primary: funded units max(0, " + num(mp) + " - " + num(f.threshold) + " x " + num(np) + ") = " +
                num(std::max(0.0, mp - f.threshold * np)) + " x " + scaled(f.rate_primary) + "\n";
            d += "      secondary: funded units max(0, " + num(ms) + " - " + num(f.threshold) + " x " + num(ns) + ") = " +
                 num(std::max(0.0, ms - f.threshold * ns)) + " x " + scaled(f.rate_secondary) + "\n";
            break;
        }
        case FactorKind::lump_sum: d = "      lump sum for a " + std::string(to_string(c.phase[s])) + " school\n"; break;
        case FactorKind::sparsity: {
            SparsityTerms t = sparsity_for(f, c.phase[s], c.nor[i], c.yg[i], c.cached("sparsity_distance")[i]);
            const int p = static_cast<int>(c.phase[s]);
            d = "      distance " + col("sparsity_distance") + " miles (threshold " + num(f.distance_threshold.value[p]) +
                (f.distance_taper ? ", tapered from 80%" : "") + "); average year group " + num(t.average_year_group) +
                " (threshold " + num(f.year_group_threshold.value[p]) + ")\n";
            d += t.eligible ? "      eligible: maximum " + scaled(f.maximum.value[p]) + " x year weight " + num(t.year_weight) +
                                  " x distance weight " + num(t.distance_weight) + "\n"
                            : "      not eligible\n";
            break;
        }
        case FactorKind::actual: d = "      census column " + f.column + " = " + col(f.column) + "\n"; break;
        case FactorKind::per_column:
            for (const auto& [cn, rate] : f.column_rates) d += "      " + scaled(rate) + " x " + col(cn) + " " + cn + "\n";
            break;
        case FactorKind::allocation:
            d = "      share of a pot of " + pounds(f.pot * k) + " by " + f.basis + "\n";
            break;
        case FactorKind::london_fringe:
            d = "      (" + num(f.multiplier) + " - 1) x the listed factors, London fringe school = " + col("london_fringe") + "\n";
            break;
    }
    return d;
}

}  // namespace

std::string explain_school(const Result& r, std::size_t s) {
    const Census& c = *r.census;
    const Formula& f = r.formula;
    const Eigen::Index i = static_cast<Eigen::Index>(s);
    std::string t;
    t += "School " + std::to_string(c.urn[s]) + " " + c.name[s] + " (" + to_string(c.phase[s]) + ", " + to_string(c.status[s]) +
         (c.area[s].empty() ? "" : ", " + c.area[s]) + ")\n";
    t += "  census line " + std::to_string(c.line[s]) + " of " + c.file + "\n";
    t += "  pupils: " + count(c.nor_primary[i]) + " primary + " + count(c.nor_ks3[i]) + " KS3 + " + count(c.nor_ks4[i]) +
         " KS4 = " + count(c.nor[i]) + "; year groups " + count(c.yg_primary[i]) + "/" + count(c.yg_ks3[i]) + "/" +
         count(c.yg_ks4[i]) + "\n";
    t += "Formula: " + f.name + "\n";
    if (r.multiplier != 1.0) t += "  factor multiplier (solved lever) k = " + num(r.multiplier) + " on the scaled factors\n";
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        t += "  " + f.factors[k].id + " (" + to_string(f.factors[k].kind) + "): " + pounds(r.factor[k][i]) +
             (r.multiplier != 1.0 && r.factor_scaled[k] ? "  [scaled by k]" : "") + "\n";
        t += factor_detail(r, f.factors[k], s, r.factor_scaled[k] ? r.multiplier : 1.0);
    }
    t += "  formula total: " + pounds(r.formula_total[i]) + "\n";
    t += "MPPL:\n";
    if (f.mppl) {
        t += "  level = (" + count(c.yg_primary[i]) + " x " + num(f.mppl->primary) + " + " + count(c.yg_ks3[i]) + " x " + num(f.mppl->ks3) +
             " + " + count(c.yg_ks4[i]) + " x " + num(f.mppl->ks4) + ") / " + count(c.yg[i]) + " = " + money(r.mppl_level[i]) + " per pupil\n";
        t += "  counted funding (formula less excluded factors) = " + pounds(r.mppl_counted[i]) + " = " +
             money(r.mppl_counted[i] / c.nor[i]) + " per pupil\n";
        t += "  top-up = max(0, level x pupils - counted) = " + pounds(r.mppl_topup[i]) + "\n";
    } else {
        t += "  none in this formula\n";
    }
    t += "MFG:\n";
    if (c.has_baseline[i] > 0) {
        t += "  baseline: " + pounds(c.mfg_baseline_funding[i]) + " / " + count(c.mfg_baseline_pupils[i]) + " pupils = " + money(r.pp0[i]) +
             " per pupil\n";
        if (f.mfg) {
            t += "  guarantee = " + money(r.pp0[i]) + " x (1 " + (f.mfg->percent < 0 ? "- " + num(-f.mfg->percent) : "+ " + num(f.mfg->percent)) + ") = " + money(r.guarantee[i]) + " per pupil\n";
        }
        t += "  this year (formula + MPPL - excluded) = " + pounds(r.mfg_c1[i]) + " / " + count(c.nor[i]) + " = " + money(r.pp1[i]) +
             " per pupil (change " + fraction6(r.mfg_change[i]) + ")\n";
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
    t += "Budget share = " + money(r.formula_total[i]) + " + " + money(r.mppl_topup[i]) + " + " + money(r.mfg_topup[i]) + " - " +
         money(r.capping_deduction[i]) + " = " + pounds(r.budget_share[i]) + " (" + pounds(r.budget_share_per_pupil[i]) +
         " per pupil)\n";
    if (r.budget) {
        t += "  the LA balances with " + std::string(to_string(r.budget->lever)) +
             (r.budget->lever != Lever::none ? " = " + num(r.budget->lever_value) : "") + "; headroom " + pounds(r.budget->headroom) + "\n";
    }
    for (std::size_t k = 0; k < f.de_delegation.size(); ++k)
        t += "De-delegated " + f.de_delegation[k].id + ": " + pounds(r.de_delegation[k][i]) +
             (c.status[s] == Status::academy ? " (academy: never de-delegated)" : "") + "\n";
    t += "Delegated budget: " + pounds(r.delegated_budget[i]) + "\n";
    for (std::size_t g = 0; g < f.grants.size(); ++g) {
        t += "Grant " + f.grants[g].id + ": " + pounds(r.grants[g][i]) + "\n";
        for (std::size_t p = 0; p < f.grants[g].parts.size(); ++p) {
            t += "  " + f.grants[g].parts[p].id + ": " + pounds(r.grant_parts[g][p][i]) + "\n";
            t += factor_detail(r, f.grants[g].parts[p], s, 1.0);
        }
    }
    if (!f.notional_sen.empty()) {
        t += "Notional SEN (memo): " + pounds(r.notional_sen[i]) + " =";
        bool first = true;
        for (const auto& [id, pct] : f.notional_sen) {
            t += std::string(first ? " " : " + ") + num(pct) + " x " + id + " " + money(r.factor[static_cast<std::size_t>(f.factor_index(id))][i]);
            first = false;
        }
        t += "\n";
    }
    t += "Flags: " + (r.flags(s).empty() ? std::string("none") : r.flags(s)) + "\n";
    return t;
}

}  // namespace fundsim
