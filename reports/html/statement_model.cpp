// Budget statements: each school's lines (factors with unit values and counts, MPPL, MFG, capping,
// budget share, de-delegation, grants, notional SEN, change and its attribution) from the result table.
#include "reports/html/statement_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "reports/format.hpp"
#include "engine/core/money.hpp"
#include "reports/html/html.hpp"
#include "reports/labels.hpp"
#include "engine/factors/sparsity.hpp"

namespace fundsim {

using Kind = StatementLine::Kind;
using Eigen::Index;

std::string statement_amount(double v) { return pounds(v); }

namespace {

long long pence(double v) { return std::llround(round_penny(v) * 100.0); }

std::string num(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

// A unit value: to the penny when it is whole pennies, else to 4 decimals (a rate scaled by the
// factor-multiplier lever), so that rate × count can be checked by hand.
std::string rate_text(double v) {
    if (std::fabs(v * 100 - std::round(v * 100)) < 1e-6) return pounds(v);
    const std::string whole = pounds(std::trunc(v));  // grouping of the whole pounds
    return whole.substr(0, whole.size() - 3) + num("%.4f", std::fabs(v - std::trunc(v))).substr(1);
}

std::string phase_text(Phase p) {
    switch (p) {
        case Phase::primary:
            return "Primary";
        case Phase::secondary:
            return "Secondary";
        case Phase::middle:
            return "Middle";
        case Phase::all_through:
            return "All-through";
    }
    return "";
}

std::string status_text(Status s) { return s == Status::academy ? "Academy" : "Maintained"; }

// Splits `target` (whole pennies) over parts whose exact values sum to it before rounding: each part
// is rounded to the penny and the odd pennies go to the largest remainders, so the parts shown add up
// to the line shown (funding-model §7: every reported total is the sum of its rounded lines).
std::vector<double> apportion(const std::vector<double>& exact, double target) {
    const std::size_t n = exact.size();
    std::vector<long long> p(n);
    long long sum = 0;
    for (std::size_t k = 0; k < n; ++k) sum += (p[k] = pence(exact[k]));
    long long diff = pence(target) - sum;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ra = exact[a] * 100 - static_cast<double>(p[a]),
                     rb = exact[b] * 100 - static_cast<double>(p[b]);
        return diff > 0 ? ra > rb : ra < rb;
    });
    for (std::size_t k = 0; diff != 0 && n > 0; ++k) {
        const long long step = diff > 0 ? 1 : -1;
        p[order[k % n]] += step;
        diff -= step;
    }
    std::vector<double> out(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = static_cast<double>(p[k]) / 100.0;
    return out;
}

struct Component {
    std::string label, rate, count;
    double exact = 0;
};

StatementLine line(Kind kind, std::string label, double amount, std::string rate = "",
                   std::string count = "") {
    StatementLine l;
    l.kind = kind;
    l.label = std::move(label);
    l.amount = round_penny(amount);
    l.rate = std::move(rate);
    l.count = std::move(count);
    return l;
}

StatementLine info(std::string label, std::string value = "") {
    StatementLine l;
    l.kind = Kind::info;
    l.label = std::move(label);
    l.value = std::move(value);
    return l;
}

// The rate × count pieces of one factor for one school (funding-model §3), with notes for the reader.
// `k` is the solved factor multiplier where the lever scales this factor, else 1.
std::vector<Component> components(const Result& r, const Factor& f, std::size_t s, double k, bool uplift,
                                  std::vector<StatementLine>& notes) {
    const Census& c = *r.census;
    const Index i = static_cast<Index>(s);
    std::vector<Component> out;
    auto add = [&](std::string label, double rate, double n) {
        if (n != 0) out.push_back({std::move(label), rate_text(rate * k), count(n), rate * k * n});
    };
    auto col = [&](const std::string& name) { return c.cached(name)[i]; };
    switch (f.kind) {
        case FactorKind::per_pupil: {
            const double up = uplift ? c.reception_uplift[i] : 0.0;
            add(up > 0 ? "Primary pupils (R–Y6), with " + count(up) + " reception uplift"
                       : "Primary pupils (R–Y6)",
                f.rate_primary, c.nor_primary[i] + up);
            add("KS3 pupils (Y7–Y9)", f.rate_ks3, c.nor_ks3[i]);
            add("KS4 pupils (Y10–Y11)", f.rate_ks4, c.nor_ks4[i]);
            break;
        }
        case FactorKind::per_unit:
            add("Primary (" + f.measure + "_primary)", f.rate_primary, col(f.measure + "_primary"));
            add("Secondary (" + f.measure + "_secondary)", f.rate_secondary, col(f.measure + "_secondary"));
            break;
        case FactorKind::banded:
            for (const auto& b : f.bands) {
                std::string band = b.name;
                for (char& ch : band) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                add("Band " + band + ", primary", b.primary, col(f.measure + "_" + b.name + "_primary"));
                add("Band " + band + ", secondary", b.secondary,
                    col(f.measure + "_" + b.name + "_secondary"));
            }
            break;
        case FactorKind::per_unit_above_threshold: {
            // Only pupils above the threshold share of each group are funded (NFF mobility, funding-model
            // §3).
            const double mp = col(f.measure + "_primary"), ms = col(f.measure + "_secondary");
            const double np = c.nor_primary[i], ns = c.nor_ks3[i] + c.nor_ks4[i];
            if (np > 0 || mp > 0)
                notes.push_back(info("Primary: " + count(mp) + " " + f.measure + " pupils, less " +
                                         percent_text(f.threshold, 2) + " of " + count(np) +
                                         " pupils, funded units",
                                     count(std::max(0.0, mp - f.threshold * np))));
            if (ns > 0 || ms > 0)
                notes.push_back(info("Secondary: " + count(ms) + " " + f.measure + " pupils, less " +
                                         percent_text(f.threshold, 2) + " of " + count(ns) +
                                         " pupils, funded units",
                                     count(std::max(0.0, ms - f.threshold * ns))));
            add("Primary funded units", f.rate_primary, std::max(0.0, mp - f.threshold * np));
            add("Secondary funded units", f.rate_secondary, std::max(0.0, ms - f.threshold * ns));
            break;
        }
        case FactorKind::lump_sum: {
            const auto& v = f.lump.value;
            const auto& g = f.lump.given;
            double rate = 0;
            switch (c.phase[s]) {
                case Phase::primary:
                    rate = v[0];
                    break;
                case Phase::secondary:
                    rate = v[1];
                    break;
                case Phase::middle:
                    if (g[2]) {
                        rate = v[2];
                    } else {
                        // The APT's rule for a middle school without its own rate: year-group-weighted mix.
                        rate = (c.yg_primary[i] * v[0] + (c.yg_ks3[i] + c.yg_ks4[i]) * v[1]) / c.yg[i];
                        notes.push_back(info("Middle school: (" + count(c.yg_primary[i]) +
                                             " primary year groups × " + pounds(v[0]) + " + " +
                                             count(c.yg_ks3[i] + c.yg_ks4[i]) + " secondary × " +
                                             pounds(v[1]) + ") / " + count(c.yg[i])));
                    }
                    break;
                case Phase::all_through:
                    rate = g[3] ? v[3] : v[1];
                    if (!g[3]) notes.push_back(info("All-through school: the secondary rate"));
                    break;
            }
            out.push_back(
                {"Lump sum, " + phase_text(c.phase[s]) + " rate", rate_text(rate * k), "1", rate * k});
            break;
        }
        case FactorKind::sparsity: {
            const int p = static_cast<int>(c.phase[s]);
            const double D = col("sparsity_distance");
            SparsityTerms t = sparsity_for(f, c.phase[s], c.nor[i], c.yg[i], D);
            notes.push_back(info("Sparsity distance " + num("%.2f", D) + " miles; threshold " +
                                 num("%g", f.distance_threshold.value[p]) + " miles" +
                                 (f.distance_taper ? " (tapered from 80% of it)" : "")));
            notes.push_back(info("Average year group " + num("%.2f", t.average_year_group) + " (" +
                                 count(c.nor[i]) + " pupils / " + count(c.yg[i]) +
                                 " year groups); threshold " + num("%g", f.year_group_threshold.value[p])));
            if (t.eligible) {
                notes.push_back(info("Eligible: maximum " + rate_text(f.maximum.value[p] * k) +
                                     " × year-group weight " + num("%.4f", t.year_weight) +
                                     " × distance weight " + num("%.4f", t.distance_weight)));
                out.push_back({"Sparsity, " + phase_text(c.phase[s]) + " maximum × weights",
                               rate_text(f.maximum.value[p] * k),
                               num("%.4f", t.year_weight * t.distance_weight), t.amount * k});
            } else {
                notes.push_back(info("Not eligible for sparsity funding"));
            }
            break;
        }
        case FactorKind::actual:
            out.push_back({"Census " + f.column, "", "", col(f.column)});
            break;
        case FactorKind::per_column:
            for (const auto& [name, rate] : f.column_rates) add(name, rate, col(name));
            break;
        case FactorKind::allocation: {
            // A fixed pot shared by a basis among the schools that pass its filters (funding-model §3).
            const Eigen::ArrayXd mask = [&] {
                Eigen::ArrayXd m(static_cast<Index>(c.size));
                for (std::size_t j = 0; j < c.size; ++j) {
                    bool in =
                        f.phases[static_cast<int>(c.phase[j])] && f.status[static_cast<int>(c.status[j])];
                    if (!f.urns.empty() && std::find(f.urns.begin(), f.urns.end(), c.urn[j]) == f.urns.end())
                        in = false;
                    if (!f.areas.empty() &&
                        std::find(f.areas.begin(), f.areas.end(), c.area[j]) == f.areas.end())
                        in = false;
                    m[static_cast<Index>(j)] = in ? 1.0 : 0.0;
                }
                return m;
            }();
            const Eigen::ArrayXd basis =
                f.basis == "nor"
                    ? c.nor
                    : (f.basis == "school" ? Eigen::ArrayXd::Ones(static_cast<Index>(c.size)).eval()
                                           : c.cached(f.basis));
            const double total = (basis * mask).sum();
            const std::string what = f.basis == "school" ? "equal shares" : f.basis;
            notes.push_back(info("Share of a pot of " + rate_text(f.pot * k) + " by " + what + " among " +
                                 count(mask.sum()) + " schools: this school " + count(basis[i] * mask[i]) +
                                 " of " + count(total)));
            // The engine shares the pot in whole pennies (largest remainders): the amount is the line itself.
            out.push_back({"Share of the pot", rate_text(f.pot * k),
                           count(basis[i] * mask[i]) + " / " + count(total), NAN});
            break;
        }
        case FactorKind::london_fringe: {
            double listed = 0;
            for (int x : f.fringe_indices) listed += r.factor_raw[static_cast<std::size_t>(x)][i];
            const double flag = col("london_fringe");
            std::string names;
            for (const auto& id : f.fringe_factors) names += (names.empty() ? "" : ", ") + factor_label(id);
            notes.push_back(info("(" + num("%g", f.multiplier) + " − 1) × (" + names + ")" +
                                 (flag > 0 ? "" : ": not a London fringe school")));
            if (flag > 0)
                out.push_back({"Fringe uplift on " + pounds(listed), num("%g", f.multiplier - 1),
                               pounds(listed), (f.multiplier - 1) * listed * flag});
            break;
        }
    }
    return out;
}

// The lines of one factor: the item, then its parts when there are several, then its notes. `raw` is
// the unrounded amount (NaN where only the reported amount is kept, as for grants and de-delegation).
void factor_lines(std::vector<StatementLine>& lines, const Result& r, const Factor& f, std::size_t s,
                  double k, bool uplift, const std::string& label, double reported, double raw,
                  double sign = 1) {
    const Census& c = *r.census;
    std::vector<StatementLine> notes;
    const bool applies = f.phases[static_cast<int>(c.phase[s])] && f.status[static_cast<int>(c.status[s])];
    std::vector<Component> parts;
    if (applies)
        parts = components(r, f, s, k, uplift, notes);
    else
        notes.push_back(
            info("Does not apply to this school (the factor is limited to other phases or statuses)"));
    if (!parts.empty() && std::isfinite(parts[0].exact)) {
        double sum = 0;
        for (const auto& p : parts) sum += p.exact;
        const double want = std::isfinite(raw) ? raw : reported;
        const double tol = std::isfinite(raw) ? 1e-6 * std::max(1.0, std::fabs(raw)) : 0.0051;
        if (std::fabs(sum - want) > tol)
            throw std::logic_error("statement: the pieces of factor " + f.id + " for school " +
                                   std::to_string(c.urn[s]) + " come to " + num("%.6f", sum) + ", not " +
                                   num("%.6f", want));
    }
    if (parts.size() == 1) {
        lines.push_back(line(Kind::item, label, sign * reported, parts[0].rate, parts[0].count));
    } else {
        lines.push_back(line(Kind::item, label, sign * reported));
        std::vector<double> exact;
        for (const auto& p : parts) exact.push_back(p.exact);
        const std::vector<double> shares = apportion(exact, reported);
        for (std::size_t q = 0; q < parts.size(); ++q)
            lines.push_back(
                line(Kind::part, parts[q].label, sign * shares[q], parts[q].rate, parts[q].count));
    }
    for (auto& n : notes) lines.push_back(std::move(n));
}

std::string money_per_pupil(double v) { return pounds(v) + " per pupil"; }

}  // namespace

Statement build_statement(const Result& r, std::size_t s, const StatementChange* change) {
    const Census& c = *r.census;
    const Formula& f = r.formula;
    const Index i = static_cast<Index>(s);
    const bool maintained = c.status[s] == Status::maintained;
    Statement st;
    st.urn = c.urn[s];
    st.name = c.name[s];
    st.title = "School budget statement" + (f.year.empty() ? "" : " " + f.year);
    st.subtitle = f.name;

    // School details.
    const std::string& le = c.laestab[s];
    if (le.size() == 7 && std::all_of(le.begin(), le.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        st.details.push_back({"Local authority", le.substr(0, 3)});
    st.details.push_back({"URN", std::to_string(c.urn[s])});
    st.details.push_back({"LAESTAB", le.empty() ? "—" : le});
    st.details.push_back({"School", c.name[s]});
    st.details.push_back({"Phase", phase_text(c.phase[s])});
    st.details.push_back({"Status", status_text(c.status[s])});
    st.details.push_back({"Area", c.area[s].empty() ? "—" : c.area[s]});
    st.details.push_back({"Primary pupils (R–Y6)", count(c.nor_primary[i])});
    st.details.push_back({"KS3 pupils (Y7–Y9)", count(c.nor_ks3[i])});
    st.details.push_back({"KS4 pupils (Y10–Y11)", count(c.nor_ks4[i])});
    st.details.push_back({"Pupils on roll", count(c.nor[i])});
    st.details.push_back({"Year groups (primary / KS3 / KS4)",
                          count(c.yg_primary[i]) + " / " + count(c.yg_ks3[i]) + " / " + count(c.yg_ks4[i])});
    if (c.growing[i] > 0) st.details.push_back({"Growing school", "yes (not capped)"});

    // A. Formula factors (funding-model §3).
    StatementSection formula{"A. Formula funding", "", true, {}};
    if (r.multiplier != 1.0)
        formula.note =
            "The LA balances this formula with a factor multiplier k = " + num("%.6f", r.multiplier) +
            ": the unit values of the scaled factors are shown after k.";
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        const bool scaled = r.factor_scaled.size() > k && r.factor_scaled[k];
        factor_lines(formula.lines, r, f.factors[k], s, scaled ? r.multiplier : 1.0, f.reception_uplift,
                     factor_label(f.factors[k].id), r.factor[k][i], r.factor_raw[k][i]);
    }
    formula.lines.push_back(line(Kind::total, "Formula total", r.formula_total[i]));
    st.sections.push_back(std::move(formula));

    // B. Minimum per-pupil level (§4.1).
    StatementSection mppl{"B. Minimum per-pupil level (MPPL)", "", false, {}};
    if (f.mppl) {
        mppl.lines.push_back(info("Level for this school (" + count(c.yg_primary[i]) + " × " +
                                      pounds(f.mppl->primary) + " + " + count(c.yg_ks3[i]) + " × " +
                                      pounds(f.mppl->ks3) + " + " + count(c.yg_ks4[i]) + " × " +
                                      pounds(f.mppl->ks4) + ") / " + count(c.yg[i]) + " year groups",
                                  money_per_pupil(r.mppl_level[i])));
        std::string ex;
        for (const auto& id : f.mppl->excludes) ex += (ex.empty() ? "" : ", ") + factor_label(id);
        mppl.lines.push_back(
            info("Level × " + count(c.nor[i]) + " pupils", pounds(r.mppl_level[i] * c.nor[i])));
        mppl.lines.push_back(
            info("Funding counted (formula total less " + (ex.empty() ? std::string("nothing") : ex) + ")",
                 pounds(r.mppl_counted[i]) + " = " + money_per_pupil(r.mppl_counted[i] / c.nor[i])));
        mppl.lines.push_back(
            line(Kind::total, "MPPL top-up (level × pupils − counted, if above zero)", r.mppl_topup[i]));
    } else {
        mppl.lines.push_back(info("This formula has no minimum per-pupil level"));
        mppl.lines.push_back(line(Kind::total, "MPPL top-up", r.mppl_topup[i]));
    }
    st.sections.push_back(std::move(mppl));

    // C. Minimum funding guarantee (§4.2).
    StatementSection mfg{"C. Minimum funding guarantee (MFG)", "", false, {}};
    if (c.has_baseline[i] > 0) {
        mfg.lines.push_back(
            info("Baseline funding (last year, net of excluded items)", pounds(c.mfg_baseline_funding[i])));
        mfg.lines.push_back(info("Baseline pupils", count(c.mfg_baseline_pupils[i])));
        mfg.lines.push_back(info("Baseline per pupil", money_per_pupil(r.pp0[i])));
        if (f.mfg) {
            mfg.lines.push_back(info("Guarantee: baseline per pupil × (1 " +
                                         std::string(f.mfg->percent < 0 ? "− " : "+ ") +
                                         percent_text(std::fabs(f.mfg->percent), 2) + ")",
                                     money_per_pupil(r.guarantee[i])));
            std::string ex;
            for (const auto& id : f.mfg->excludes) ex += (ex.empty() ? "" : ", ") + factor_label(id);
            mfg.lines.push_back(info("This year's funding counted (formula total + MPPL less " +
                                         (ex.empty() ? std::string("nothing") : ex) + ")",
                                     pounds(r.mfg_c1[i])));
        } else {
            mfg.lines.push_back(
                info("This year's funding counted (formula total + MPPL)", pounds(r.mfg_c1[i])));
        }
        mfg.lines.push_back(
            info("This year per pupil (/ " + count(c.nor[i]) + " pupils)", money_per_pupil(r.pp1[i])));
        mfg.lines.push_back(
            info("Change per pupil against the baseline", percent_text(r.mfg_change[i], 4, true)));
        if (f.mfg)
            mfg.lines.push_back(line(Kind::total,
                                     "MFG top-up ((guarantee − this year per pupil) × pupils, if above zero)",
                                     r.mfg_topup[i]));
        else {
            mfg.lines.push_back(info("This formula has no MFG"));
            mfg.lines.push_back(line(Kind::total, "MFG top-up", r.mfg_topup[i]));
        }
    } else {
        mfg.lines.push_back(info("New school: no MFG baseline, so no MFG and no capping"));
        mfg.lines.push_back(line(Kind::total, "MFG top-up", r.mfg_topup[i]));
    }
    mfg.note = "Per-pupil values are shown to the penny; the top-up is worked out from the unrounded values.";
    st.sections.push_back(std::move(mfg));

    // D. Capping and scaling (§4.3).
    StatementSection cap{"D. Capping and scaling of gains", "", false, {}};
    if (c.has_baseline[i] > 0 && c.growing[i] <= 0) {
        cap.lines.push_back(info("Gain per pupil (before the MFG)", percent_text(r.mfg_change[i], 4, true)));
        cap.lines.push_back(info("Cap on gains", percent_text(r.cap, 4)));
        cap.lines.push_back(
            info("Gain above the cap × baseline per pupil × pupils", pounds(r.gain_excess[i])));
        cap.lines.push_back(
            info("Scaling (share of the gain above the cap taken back)", percent_text(r.scaling, 4)));
        cap.lines.push_back(info("Limit (never below the MPPL)", pounds(r.capping_limit[i])));
        cap.lines.push_back(line(Kind::total,
                                 "Capping deduction (scaling × gain above the cap, up to the limit)",
                                 r.capping_deduction[i]));
    } else {
        cap.lines.push_back(info(c.growing[i] > 0 ? "Growing school: not capped" : "New school: not capped"));
        cap.lines.push_back(line(Kind::total, "Capping deduction", r.capping_deduction[i]));
    }
    st.sections.push_back(std::move(cap));

    // E. Budget share (§4.4).
    StatementSection share{"E. Budget share", "", true, {}};
    share.lines.push_back(line(Kind::item, "Formula total (A)", r.formula_total[i]));
    share.lines.push_back(line(Kind::item, "MPPL top-up (B)", r.mppl_topup[i]));
    share.lines.push_back(line(Kind::item, "MFG top-up (C)", r.mfg_topup[i]));
    share.lines.push_back(line(Kind::item, "Capping and scaling deduction (D)", -r.capping_deduction[i]));
    share.lines.push_back(line(Kind::total, "Budget share", r.budget_share[i]));
    share.lines.push_back(info("Budget share per pupil (" + count(c.nor[i]) + " pupils)",
                               money_per_pupil(r.budget_share_per_pupil[i])));
    st.sections.push_back(std::move(share));

    // F. De-delegation (§6): maintained schools only; academies are never de-delegated.
    if (maintained) {
        StatementSection dd{"F. De-delegated services and delegated budget", "", true, {}};
        dd.lines.push_back(line(Kind::item, "Budget share (E)", r.budget_share[i]));
        if (f.de_delegation.empty())
            dd.note = "The Schools Forum has agreed no de-delegation in this formula.";
        for (std::size_t k = 0; k < f.de_delegation.size(); ++k) {
            // As the engine does (calculate.cpp): an item applies to maintained schools only, so that a
            // pot item is shared among them alone.
            Factor item = f.de_delegation[k];
            item.status[static_cast<int>(Status::academy)] = false;
            factor_lines(dd.lines, r, item, s, 1.0, false, "Less " + factor_label(item.id),
                         r.de_delegation[k][i], NAN, -1);
        }
        dd.lines.push_back(line(Kind::total, "Delegated budget", r.delegated_budget[i]));
        st.sections.push_back(std::move(dd));
    }

    // G. Grants outside the formula (§6).
    if (!f.grants.empty()) {
        StatementSection g{
            "G. Grants",
            "Paid per eligible pupil outside the formula: not part of the budget share, the MFG or capping.",
            true,
            {}};
        double total = 0;
        for (std::size_t k = 0; k < f.grants.size(); ++k) {
            const Grant& gr = f.grants[k];
            for (std::size_t p = 0; p < gr.parts.size(); ++p) {
                const std::string label = gr.parts.size() == 1 && gr.parts[p].id == gr.id
                                              ? factor_label(gr.id)
                                              : factor_label(gr.id) + ": " + factor_label(gr.parts[p].id);
                factor_lines(g.lines, r, gr.parts[p], s, 1.0, false, label, r.grant_parts[k][p][i], NAN);
            }
            total += r.grants[k][i];
        }
        g.lines.push_back(line(Kind::total, "Total grants", total));
        st.sections.push_back(std::move(g));
    }

    // H. Notional SEN (§6): a memo that changes nothing.
    if (!f.notional_sen.empty()) {
        StatementSection sen{
            "H. Notional SEN budget (memo)",
            "The part of the budget share identified for support for pupils with special educational needs. "
            "It is not extra money.",
            true,
            {}};
        std::vector<double> exact;
        for (const auto& [id, pct] : f.notional_sen)
            exact.push_back(pct * r.factor[static_cast<std::size_t>(f.factor_index(id))][i]);
        const std::vector<double> shares = apportion(exact, r.notional_sen[i]);
        for (std::size_t k = 0; k < f.notional_sen.size(); ++k) {
            const auto& [id, pct] = f.notional_sen[k];
            sen.lines.push_back(
                line(Kind::item, factor_label(id), shares[k],
                     percent_text(pct, pct * 100 == std::round(pct * 100) ? 0 : 2),
                     "of " + pounds(r.factor[static_cast<std::size_t>(f.factor_index(id))][i])));
        }
        sen.lines.push_back(line(Kind::total, "Notional SEN budget", r.notional_sen[i]));
        st.sections.push_back(std::move(sen));
    }

    // I. The change against the baseline, and why (engine/compare/compare.hpp attribution).
    if (change && change->baseline && change->option) {
        const double base = (*change->baseline)[i];
        StatementSection ch{"I. Change against the baseline", "", true, {}};
        ch.lines.push_back(info("Baseline", change->against));
        if (!std::isfinite(base)) {
            ch.adds_up = false;
            ch.lines.push_back(info("This school has no baseline budget share, so no change is shown"));
        } else {
            ch.note =
                "Why the budget share moved: each line is the change in that part of the budget; together "
                "they make the change.";
            ch.lines.push_back(info("Baseline budget share", pounds(base)));
            ch.lines.push_back(info("This budget share", pounds(r.budget_share[i])));
            const Attribution& a = change->option->attribution;
            for (std::size_t k = 0; k < a.labels.size(); ++k) {
                const double v = a.parts[k][i];
                if (pence(v) == 0) continue;  // unchanged parts are left out: the lines shown still add up
                std::string label = factor_label(a.labels[k]);
                if (a.labels[k] == "capping") label = "Capping and scaling deduction";
                if (a.labels[k] == "mppl") label = "MPPL top-up";
                if (a.labels[k] == "mfg") label = "MFG top-up";
                ch.lines.push_back(line(Kind::item, label, v));
            }
            ch.lines.push_back(line(Kind::total, "Change in budget share", change->option->change[i]));
            ch.lines.push_back(info("Change as a share of the baseline",
                                    percent_text(change->option->change_pct[i], 2, true)));
            ch.lines.push_back(info("Change per pupil", (change->option->change_per_pupil[i] > 0 ? "+" : "") +
                                                            pounds(change->option->change_per_pupil[i])));
        }
        st.sections.push_back(std::move(ch));
    }

    auto bad = statement_sum_errors(st);
    if (!bad.empty())
        throw std::logic_error("statement for school " + std::to_string(st.urn) +
                               " does not add up: " + bad[0]);
    return st;
}

std::vector<std::string> statement_sum_errors(const Statement& st) {
    std::vector<std::string> bad;
    for (const auto& sec : st.sections) {
        if (!sec.adds_up) continue;
        long long items = 0, parts = 0, item = 0;
        bool open = false, has_parts = false;
        std::string item_label;
        auto close = [&] {
            if (open && has_parts && parts != item)
                bad.push_back(sec.title + ": the parts of \"" + item_label + "\" come to " +
                              pounds(static_cast<double>(parts) / 100) + ", not " +
                              pounds(static_cast<double>(item) / 100));
            open = has_parts = false;
            parts = 0;
        };
        for (const auto& l : sec.lines) {
            switch (l.kind) {
                case Kind::item:
                    close();
                    open = true;
                    item = pence(l.amount);
                    item_label = l.label;
                    items += item;
                    break;
                case Kind::part:
                    has_parts = true;
                    parts += pence(l.amount);
                    break;
                case Kind::info:
                    break;
                case Kind::total:
                    close();
                    if (items != pence(l.amount))
                        bad.push_back(sec.title + ": the lines come to " +
                                      pounds(static_cast<double>(items) / 100) + ", but \"" + l.label +
                                      "\" is " + pounds(l.amount));
                    items = 0;
                    break;
            }
        }
        close();
    }
    return bad;
}

namespace {

const char* kStatementStyle = R"(
@page { size: A4; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #1b1f24; margin: 0 auto; max-width: 900px;
       padding: 18px 22px; line-height: 1.3; }
header { border-bottom: 3px solid #1d4e89; margin-bottom: 10px; padding-bottom: 6px; }
.la { font-size: 9pt; color: #4a5561; text-transform: uppercase; letter-spacing: 0.04em; }
h1 { font-size: 17pt; margin: 2px 0; color: #1d4e89; }
.school { font-size: 13pt; font-weight: bold; margin: 2px 0 0; }
.sub { font-size: 9pt; color: #4a5561; margin: 2px 0 0; }
h2 { font-size: 11.5pt; color: #1d4e89; margin: 14px 0 3px; border-bottom: 1px solid #9fb3cc; padding-bottom: 2px; }
p.note { font-size: 8.5pt; color: #4a5561; margin: 2px 0 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 2px 6px; text-align: left; vertical-align: top; }
.details td { border-bottom: 1px solid #e3e7ec; width: 25%; }
.details td.k { color: #4a5561; }
.lines th { font-size: 8.5pt; color: #4a5561; font-weight: normal; border-bottom: 1px solid #9fb3cc; }
.lines td { border-bottom: 1px solid #eef1f4; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lines .c1 { width: 52%; }
.lines .c2, .lines .c3 { width: 14%; }
.lines .c4 { width: 20%; }
tr.item td { font-weight: bold; }
tr.item td.n { font-weight: bold; }
tr.part td:first-child { padding-left: 22px; }
tr.part td { color: #2c3440; }
tr.info td { font-size: 8.5pt; color: #4a5561; padding-left: 22px; border-bottom: none; }
tr.info td.n { padding-left: 6px; }
tr.total td { font-weight: bold; border-top: 2px solid #1b1f24; border-bottom: 2px solid #1b1f24; background: #eef2f7; }
.neg { color: #b42318; }
section { break-inside: avoid; page-break-inside: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
.index td, .index th { border-bottom: 1px solid #e3e7ec; }
.index td:nth-child(3), .index td:nth-child(4), .index td:nth-child(5) { white-space: nowrap; }
.index thead th { background: #e8eef6; border-bottom: 2px solid #9fb3cc; }
.index tfoot td { font-weight: bold; border-top: 2px solid #9fb3cc; }
a { color: #1d4e89; }
@media print {
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.2; }
  h1 { font-size: 14pt; } h2 { font-size: 10pt; margin-top: 8px; }
  th, td { padding: 1px 5px; }
  tr.info td { font-size: 7.5pt; }
  section.long { break-inside: auto; }
}
)";

std::string amount_cell(double v) {
    return std::string("<td class=\"n c4") + (pence(v) < 0 ? " neg" : "") + "\">" + statement_amount(v) +
           "</td>";
}

}  // namespace

std::string statement_html(const Statement& st) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    html_escape(st.title) + ": " + html_escape(st.name) + " (" + std::to_string(st.urn) +
                    ")</title>\n<style>" + kStatementStyle + "</style>\n</head>\n<body>\n";
    std::string la;
    for (const auto& [k, v] : st.details)
        if (k == "Local authority") la = "Local authority " + v + " · ";
    h += "<header><div class=\"la\">" + html_escape(la) + "Schools block budget</div><h1>" +
         html_escape(st.title) + "</h1><p class=\"school\">" + html_escape(st.name) +
         "</p><p class=\"sub\">" + html_escape(st.subtitle) + "</p></header>\n";
    h += "<section><h2>School details</h2><table class=\"details\"><tbody>";
    for (std::size_t k = 0; k < st.details.size(); k += 2) {
        h += "<tr><td class=\"k\">" + html_escape(st.details[k].first) + "</td><td>" +
             html_escape(st.details[k].second) + "</td>";
        if (k + 1 < st.details.size())
            h += "<td class=\"k\">" + html_escape(st.details[k + 1].first) + "</td><td>" +
                 html_escape(st.details[k + 1].second) + "</td>";
        else
            h += "<td></td><td></td>";
        h += "</tr>";
    }
    h += "</tbody></table></section>\n";
    for (const auto& sec : st.sections) {
        h += std::string("<section") + (sec.lines.size() > 40 ? " class=\"long\"" : "") + "><h2>" +
             html_escape(sec.title) + "</h2>";
        if (!sec.note.empty()) h += "<p class=\"note\">" + html_escape(sec.note) + "</p>";
        h += "<table class=\"lines\">";
        if (sec.adds_up && sec.lines.size() > 2)
            h += "<thead><tr><th class=\"c1\"></th><th class=\"n c2\">Unit value</th><th class=\"n "
                 "c3\">Pupils / units</th><th class=\"n c4\">Amount</th></tr></thead>";
        h += "<tbody>";
        for (const auto& l : sec.lines) {
            switch (l.kind) {
                case Kind::item:
                case Kind::part:
                    h += std::string("<tr class=\"") + (l.kind == Kind::item ? "item" : "part") +
                         "\"><td class=\"c1\">" + html_escape(l.label) + "</td><td class=\"n c2\">" +
                         html_escape(l.rate) + "</td><td class=\"n c3\">" + html_escape(l.count) + "</td>" +
                         amount_cell(l.amount) + "</tr>";
                    break;
                case Kind::info:
                    h += "<tr class=\"info\"><td class=\"c1\"" +
                         std::string(l.value.empty() ? " colspan=\"4\"" : " colspan=\"2\"") + ">" +
                         html_escape(l.label) + "</td>" +
                         (l.value.empty()
                              ? ""
                              : "<td class=\"n\" colspan=\"2\">" + html_escape(l.value) + "</td>") +
                         "</tr>";
                    break;
                case Kind::total:
                    h += "<tr class=\"total\"><td colspan=\"3\">" + html_escape(l.label) + "</td>" +
                         amount_cell(l.amount) + "</tr>";
                    break;
            }
        }
        h += "</tbody></table></section>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

std::string statements_index_html(const Result& r, const std::vector<std::size_t>& schools,
                                  const StatementChange* change) {
    const Census& c = *r.census;
    const bool with_change = change && change->baseline && change->option;
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>School budget "
        "statements" +
        (r.formula.year.empty() ? "" : " " + html_escape(r.formula.year)) + "</title>\n<style>" +
        kStatementStyle +
        "body { max-width: 1200px; } @page { size: A4 landscape; }</style>\n</head>\n<body>\n";
    h += "<header><div class=\"la\">Schools block budget</div><h1>School budget statements" +
         (r.formula.year.empty() ? "" : " " + html_escape(r.formula.year)) + "</h1><p class=\"sub\">" +
         html_escape(r.formula.name) + " · " + std::to_string(schools.size()) + " statement" +
         (schools.size() == 1 ? "" : "s") +
         (with_change ? " · change against " + html_escape(change->against) : "") + "</p></header>\n";
    h += "<table "
         "class=\"index\"><thead><tr><th>URN</th><th>School</th><th>Phase</th><th>Status</th><th>Area</"
         "th><th class=\"n\">Pupils</th>"
         "<th class=\"n\">Budget share</th><th class=\"n\">Per pupil</th>";
    if (with_change) h += "<th class=\"n\">Change</th><th class=\"n\">Change %</th>";
    h += "</tr></thead><tbody>";
    double total = 0, pupils = 0, changed = 0;
    for (std::size_t s : schools) {
        const Index i = static_cast<Index>(s);
        total += r.budget_share[i];
        pupils += c.nor[i];
        const std::string urn = std::to_string(c.urn[s]);
        h += "<tr><td><a href=\"" + urn + ".html\">" + urn + "</a></td><td><a href=\"" + urn + ".html\">" +
             html_escape(c.name[s]) + "</a></td><td>" + phase_text(c.phase[s]) + "</td><td>" +
             status_text(c.status[s]) + "</td><td>" + html_escape(c.area[s]) + "</td><td class=\"n\">" +
             count(c.nor[i]) + "</td><td class=\"n\">" + pounds(r.budget_share[i]) + "</td><td class=\"n\">" +
             pounds(r.budget_share_per_pupil[i]) + "</td>";
        if (with_change) {
            const double ch = change->option->change[i];
            if (std::isfinite(ch)) changed += ch;
            const std::string cls = std::string("n") + (std::isfinite(ch) && pence(ch) < 0 ? " neg" : "");
            h += "<td class=\"" + cls + "\">" +
                 (std::isfinite(ch) ? (pence(ch) > 0 ? "+" : "") + pounds(ch) : "—") + "</td><td class=\"" +
                 cls + "\">" + percent_text(change->option->change_pct[i], 2, true) + "</td>";
        }
        h += "</tr>";
    }
    h += "</tbody><tfoot><tr><td>Total</td><td>" + std::to_string(schools.size()) +
         " schools</td><td></td><td></td><td></td><td class=\"n\">" + count(pupils) +
         "</td><td class=\"n\">" + pounds(total) + "</td><td></td>";
    if (with_change)
        h += "<td class=\"n\">" + std::string(pence(changed) > 0 ? "+" : "") + pounds(changed) +
             "</td><td></td>";
    h += "</tr></tfoot></table>\n</body>\n</html>\n";
    return h;
}

}  // namespace fundsim
