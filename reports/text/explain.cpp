// `fundsim explain`: the computation tree of one school's budget, from the values kept in the result
// table and each factor's breakdown (engine/factors/breakdown.hpp), with the census values and the rates
// each line used.
#include <cmath>
#include <cstdio>
#include <variant>

#include "engine/factors/breakdown.hpp"
#include "reports/format.hpp"
#include "reports/writers.hpp"

namespace fundsim {

namespace {

std::string fmt(const char* f, double v) { return number_text(f, v); }

// A solved lever value, to all the digits that reproduce it.
std::string num(double v) { return fmt("%.10g", v); }

// A rate in pounds: whole pounds without pence (£3,847), pence when it has them (£3,847.50), and to 4
// decimals when scaled by the factor multiplier (£3,679.8277), so that rate x count can be checked by hand.
std::string rate_text(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) {
        const std::string p = pounds(v);
        return p.substr(0, p.size() - 3);
    }
    if (std::fabs(v * 100 - std::round(v * 100)) < 1e-6) return pounds(v);
    const std::string whole = pounds(std::trunc(v));
    return whole.substr(0, whole.size() - 3) + fmt("%.4f", std::fabs(v - std::trunc(v))).substr(1);
}

// A fraction as a percentage: 0.06 -> "6%", -0.005 -> "-0.5%".
std::string percent(double v) { return fmt("%.10g", v * 100) + "%"; }

std::string value_text(double v, Unit u) {
    switch (u) {
        case Unit::none:
            return "";
        case Unit::money:
            return rate_text(v);
        case Unit::count:
            return count(v);
        case Unit::fraction:
            return fmt("%.6g", v);
        case Unit::weight:
            return fmt("%.4f", v);
    }
    return "";
}

// Where a value comes from: its path in the formula and, if the formula lists it, its provisional mark.
std::string where(const Provenance& p) {
    if (!p.provisional) return p.path;
    return p.path + ", " + (p.mark.empty() ? "" : p.mark + " ") + "provisional";
}

// A formula value with its source: "£3,847 (/factors/basic_entitlement/rate/primary, ⚠ provisional)". A
// value in force that is not the formula's own says how it came from it (scaled by the multiplier k, or
// the London fringe's multiplier less 1).
std::string param_text(const Param& p, Unit u, double k) {
    std::string how;
    if (u == Unit::money && k != 1.0)
        how = ": " + rate_text(p.given) + " x k";
    else if (p.value != p.given)
        how = ": " + fmt("%.10g", p.given) + " - 1";
    const std::string at = where(p.source);
    const std::size_t cut = at.find(',');
    return value_text(p.value, u) + " (" + at.substr(0, cut) + how +
           (cut == std::string::npos ? "" : at.substr(cut)) + ")";
}

const char* const kIndent = "      ";

// The notes of a breakdown, one line each, in the words of docs/funding-model.md §3.
struct NoteText {
    double k;
    std::string operator()(const note::ReceptionUplift& n) const {
        return "primary pupils include " + count(n.pupils) + " reception uplift (January reception starters)";
    }
    std::string operator()(const note::AboveThreshold& n) const {
        return n.group + ": funded units = max(0, " + count(n.units) + " " + n.column + " - " +
               percent(n.threshold.value) + " (" + where(n.threshold.source) + ") x " + count(n.pupils) +
               " pupils) = " + count(n.funded);
    }
    std::string operator()(const note::MiddleLumpSum& n) const {
        return "lump sum for a middle school: the year-group weighting (" + count(n.primary_year_groups) +
               " x " + param_text(n.primary, Unit::money, k) + " + " + count(n.secondary_year_groups) +
               " x " + param_text(n.secondary, Unit::money, k) + ") / " + count(n.year_groups) +
               " year groups (the formula has no middle-school rate)";
    }
    std::string operator()(const note::AllThroughLumpSum& n) const {
        return "lump sum for an all-through school: the secondary rate " +
               param_text(n.secondary, Unit::money, k) + " (the formula has no all-through rate)";
    }
    std::string operator()(const note::Sparsity& n) const {
        std::string t = "distance " + count(n.distance) + " miles; threshold " +
                        count(n.distance_threshold.value) + " miles (" + where(n.distance_threshold.source) +
                        (n.distance_taper ? "), tapered from 80% of it (" : "), no distance taper (") +
                        where(n.distance_taper_source) + ")\n" + kIndent;
        t += "average year group " + count(n.pupils) + " pupils / " + count(n.year_groups) +
             " year groups = " + fmt("%.2f", n.terms.average_year_group) + "; threshold " +
             count(n.year_group_threshold.value) + " (" + where(n.year_group_threshold.source) + ")\n" +
             kIndent;
        static const char* const tapers[] = {"NFF", "linear", "no"};
        if (!n.terms.eligible)
            return t +
                   "not eligible: the average year group must be below its threshold and the distance reach "
                   "its threshold" +
                   (n.distance_taper ? " (or pass 80% of it)" : "");
        return t + "eligible: year-group weight " + fmt("%.4f", n.terms.year_weight) + " (" +
               tapers[static_cast<int>(n.year_group_taper)] + " taper: " + where(n.year_group_taper_source) +
               ") x distance weight " + fmt("%.4f", n.terms.distance_weight);
    }
    std::string operator()(const note::Allocation& n) const {
        const std::string among = "the pot shared " +
                                  (n.basis == "school" ? std::string("in equal shares") : "by " + n.basis) +
                                  " among " + count(static_cast<double>(n.schools)) + " schools";
        if (!n.eligible) return among + ": not this one (the allocation's URN or area list leaves it out)";
        return among + " in whole pennies (the odd pennies to the largest remainders): this school " +
               count(n.school_basis) + " of " + count(n.total_basis);
    }
    std::string operator()(const note::LondonFringe& n) const {
        if (n.fringe == 0) return "not a London fringe school (census london_fringe = 0): no uplift";
        std::string t = "London fringe school (census london_fringe = " + count(n.fringe) +
                        "): the multiplier " + fmt("%.10g", n.multiplier.value) + " (" +
                        where(n.multiplier.source) + ") less 1 on";
        for (std::size_t j = 0; j < n.listed.size(); ++j)
            t += (j ? " + " : " ") + n.listed[j].first + " " + pounds(n.listed[j].second);
        return t + " = " + pounds(n.listed_total);
    }
};

// One piece: "KS3 pupils (Y7–Y9): £5,422 (/factors/basic_entitlement/rate/ks3) x 943 = £5,112,946.00".
std::string component_text(const Component& p, double k) {
    if (p.rate_unit == Unit::none)
        return p.label + ": " + pounds(p.amount) +
               (p.column.empty() ? "" : " (census column " + p.column + ")");
    return p.label + ": " + param_text(p.rate, p.rate_unit, k) + " x " + value_text(p.count, p.count_unit) +
           " = " + pounds(p.amount);
}

// The breakdown of one factor for one school: its notes, then its pieces. `k` is the solved factor
// multiplier for a scaled factor, else 1; `uplift` the reception uplift as the engine applied it to this
// factor (the formula's flag for its factors, never for grants).
std::string factor_detail(const Result& r, const Factor& f, std::size_t s, double k, bool uplift) {
    const FactorBreakdown b = r.breakdown_of(f, s, k, uplift);
    if (!b.applies)
        return std::string(kIndent) + "not applied: the factor's phase/status filter excludes this school\n";
    std::string d;
    for (const Note& n : b.notes) d += kIndent + std::visit(NoteText{b.k}, n) + "\n";
    for (const Component& p : b.components) d += kIndent + component_text(p, b.k) + "\n";
    return d;
}

// A value of the formula outside the factors (MPPL levels, the MFG percent), with its source.
std::string formula_value(const Formula& f, double v, const std::string& path, bool money) {
    return (money ? rate_text(v) : percent(v)) + " (" + where(provenance_of(&f, path)) + ")";
}

}  // namespace

std::string explain_school(const Result& r, std::size_t s) {
    const Census& c = *r.census;
    const Formula& f = *r.formula;
    const Eigen::Index i = static_cast<Eigen::Index>(s);
    std::string t;
    t += "School " + std::to_string(c.urn[s]) + " " + c.name[s] + " (" + to_string(c.phase[s]) + ", " +
         to_string(c.status[s]) + (c.area[s].empty() ? "" : ", " + c.area[s]) + ")\n";
    t += "  census line " + std::to_string(c.line[s]) + " of " + c.file + "\n";
    t += "  pupils: " + count(c.nor_primary[i]) + " primary + " + count(c.nor_ks3[i]) + " KS3 + " +
         count(c.nor_ks4[i]) + " KS4 = " + count(c.nor[i]) + "; year groups " + count(c.yg_primary[i]) + "/" +
         count(c.yg_ks3[i]) + "/" + count(c.yg_ks4[i]) + "\n";
    t += "Formula: " + f.name + "\n";
    t += "  from " + f.file + "; each value below names its path in it";
    t += f.provisional.empty() ? "\n" : ", and its mark where the formula lists it as provisional\n";
    if (r.multiplier != 1.0)
        t += "  factor multiplier (solved lever) k = " + num(r.multiplier) + " on the scaled factors\n";
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        t += "  " + f.factors[k].id + " (" + to_string(f.factors[k].kind) +
             "): " + pounds(r.factors.amount[k][i]) +
             (r.multiplier != 1.0 && r.factors.scaled[k] ? "  [scaled by k]" : "") + "\n";
        t += factor_detail(r, f.factors[k], s, r.factors.scaled[k] ? r.multiplier : 1.0, f.reception_uplift);
    }
    t += "  formula total: " + pounds(r.factors.formula_total[i]) + "\n";
    t += "MPPL:\n";
    if (f.mppl) {
        // Secondary levels are given once (secondary) or by key stage (ks3, ks4).
        const bool one = f.doc.contains(Json::json_pointer("/mppl/level/secondary"));
        t += "  level = (" + count(c.yg_primary[i]) + " x " +
             formula_value(f, f.mppl->primary, "/mppl/level/primary", true) + " + " + count(c.yg_ks3[i]) +
             " x " + formula_value(f, f.mppl->ks3, one ? "/mppl/level/secondary" : "/mppl/level/ks3", true) +
             " + " + count(c.yg_ks4[i]) + " x " +
             formula_value(f, f.mppl->ks4, one ? "/mppl/level/secondary" : "/mppl/level/ks4", true) + ") / " +
             count(c.yg[i]) + " year groups = " + pounds(r.mppl.level[i]) + " per pupil\n";
        t += "  counted funding (formula less excluded factors) = " + pounds(r.mppl.counted[i]) + " = " +
             pounds(r.mppl.counted[i] / c.nor[i]) + " per pupil\n";
        t += "  top-up = max(0, level x pupils - counted) = " + pounds(r.mppl.topup[i]) + "\n";
    } else {
        t += "  none in this formula\n";
    }
    t += "MFG:\n";
    if (c.has_baseline[i] > 0) {
        t += "  baseline: " + pounds(c.mfg_baseline_funding[i]) + " / " + count(c.mfg_baseline_pupils[i]) +
             " pupils = " + pounds(r.mfg.pp0[i]) + " per pupil\n";
        if (f.mfg) {
            t += "  guarantee = " + pounds(r.mfg.pp0[i]) + " x (1 " + (f.mfg->percent < 0 ? "- " : "+ ") +
                 formula_value(f, std::fabs(f.mfg->percent), "/mfg/percent", false) +
                 ") = " + pounds(r.mfg.guarantee[i]) + " per pupil\n";
        }
        t += "  this year (formula + MPPL - excluded) = " + pounds(r.mfg.c1[i]) + " / " + count(c.nor[i]) +
             " = " + pounds(r.mfg.pp1[i]) + " per pupil (change " + fraction6(r.mfg.change[i]) + ")\n";
        t += "  MFG top-up: " + pounds(r.mfg.topup[i]) + "\n";
    } else {
        t += "  new school (no baseline): no MFG and no capping\n";
    }
    t += "Capping and scaling:\n";
    t += "  cap " + fraction6(r.cap) + ", scaling " + fraction6(r.scaling) + "\n";
    if (c.growing[i] > 0) t += "  growing school: exempt from capping\n";
    t += "  gain " + fraction6(r.mfg.change[i]) +
         "; excess above the cap = " + pounds(r.capping.gain_excess[i]) +
         "; limit (not below the MPPL) = " + pounds(r.capping.limit[i]) + "\n";
    t += "  deduction = min(scaling x excess, limit) = " + pounds(r.capping.deduction[i]) + "\n";
    t += "Budget share = " + pounds(r.factors.formula_total[i]) + " + " + pounds(r.mppl.topup[i]) + " + " +
         pounds(r.mfg.topup[i]) + " - " + pounds(r.capping.deduction[i]) + " = " +
         pounds(r.budget_share.amount[i]) + " (" + pounds(r.budget_share.per_pupil[i]) + " per pupil)\n";
    if (r.budget) {
        t += "  the LA balances with " + std::string(to_string(r.budget->lever)) +
             (r.budget->lever != Lever::none ? " = " + num(r.budget->lever_value) : "") + "; headroom " +
             pounds(r.budget->headroom) + "\n";
    }
    for (std::size_t k = 0; k < f.de_delegation.size(); ++k)
        t += "De-delegated " + f.de_delegation[k].id + ": " + pounds(r.after_share.de_delegation[k][i]) +
             (c.status[s] == Status::academy ? " (academy: never de-delegated)" : "") + "\n";
    t += "Delegated budget: " + pounds(r.after_share.delegated_budget[i]) + "\n";
    for (std::size_t g = 0; g < f.grants.size(); ++g) {
        t += "Grant " + f.grants[g].id + ": " + pounds(r.after_share.grants[g][i]) + "\n";
        for (std::size_t p = 0; p < f.grants[g].parts.size(); ++p) {
            t += "  " + f.grants[g].parts[p].id + ": " + pounds(r.after_share.grant_parts[g][p][i]) + "\n";
            t += factor_detail(r, f.grants[g].parts[p], s, 1.0, false);
        }
    }
    if (!f.notional_sen.empty()) {
        t += "Notional SEN (memo): " + pounds(r.after_share.notional_sen[i]) + " =";
        bool first = true;
        for (const auto& [id, pct] : f.notional_sen) {
            t += std::string(first ? " " : " + ") + percent(pct) + " x " + id + " " +
                 pounds(r.factors.amount[static_cast<std::size_t>(f.factor_index(id))][i]);
            first = false;
        }
        t += " (/notional_sen)\n";
    }
    t += "Flags: " + (r.flags(s).empty() ? std::string("none") : r.flags(s)) + "\n";
    return t;
}

}  // namespace fundsim
