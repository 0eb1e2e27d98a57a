// Budget statements as a model: each school's lines (factors with unit values and counts, MPPL, MFG,
// capping, budget share, de-delegation, grants, notional SEN, change and its attribution) from the result
// table, and the check that every section adds up.
#include "reports/html/statement_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/core/money.hpp"
#include "reports/format.hpp"
#include "reports/html/statement_components.hpp"
#include "reports/labels.hpp"

namespace fundsim {

using Kind = StatementLine::Kind;
using Eigen::Index;

namespace statement {

StatementLine line(Kind kind, std::string label, double amount, std::string rate, std::string count) {
    StatementLine l;
    l.kind = kind;
    l.label = std::move(label);
    l.amount = round_penny(amount);
    l.rate = std::move(rate);
    l.count = std::move(count);
    return l;
}

StatementLine info(std::string label, std::string value) {
    StatementLine l;
    l.kind = Kind::info;
    l.label = std::move(label);
    l.value = std::move(value);
    return l;
}

}  // namespace statement

namespace {

using statement::Component;
using statement::components;
using statement::info;
using statement::line;

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
                                   std::to_string(c.urn[s]) + " come to " + number_text("%.6f", sum) +
                                   ", not " + number_text("%.6f", want));
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
    const Formula& f = *r.formula;
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
    st.details.push_back({"Phase", phase_label(c.phase[s])});
    st.details.push_back({"Status", status_label(c.status[s])});
    st.details.push_back({"Area", c.area[s].empty() ? "—" : c.area[s]});
    st.details.push_back({"Primary pupils (R–Y6)", count(c.nor_primary[i])});
    st.details.push_back({"KS3 pupils (Y7–Y9)", count(c.nor_ks3[i])});
    st.details.push_back({"KS4 pupils (Y10–Y11)", count(c.nor_ks4[i])});
    st.details.push_back({"Pupils on roll", count(c.nor[i])});
    st.details.push_back({"Year groups (primary / KS3 / KS4)",
                          count(c.yg_primary[i]) + " / " + count(c.yg_ks3[i]) + " / " + count(c.yg_ks4[i])});
    if (c.growing[i] > 0) st.details.push_back({"Growing school", "yes (not capped)"});

    // A. Formula factors (docs/funding-model.md §3).
    StatementSection formula{"A. Formula funding", "", true, {}};
    if (r.multiplier != 1.0)
        formula.note =
            "The LA balances this formula with a factor multiplier k = " + number_text("%.6f", r.multiplier) +
            ": the unit values of the scaled factors are shown after k.";
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        const bool scaled = r.factors.scaled.size() > k && r.factors.scaled[k];
        factor_lines(formula.lines, r, f.factors[k], s, scaled ? r.multiplier : 1.0, f.reception_uplift,
                     factor_label(f.factors[k].id), r.factors.amount[k][i], r.factors.raw[k][i]);
    }
    formula.lines.push_back(line(Kind::total, "Formula total", r.factors.formula_total[i]));
    st.sections.push_back(std::move(formula));

    // B. Minimum per-pupil level (§4.1).
    StatementSection mppl{"B. Minimum per-pupil level (MPPL)", "", false, {}};
    if (f.mppl) {
        mppl.lines.push_back(info("Level for this school (" + count(c.yg_primary[i]) + " × " +
                                      pounds(f.mppl->primary) + " + " + count(c.yg_ks3[i]) + " × " +
                                      pounds(f.mppl->ks3) + " + " + count(c.yg_ks4[i]) + " × " +
                                      pounds(f.mppl->ks4) + ") / " + count(c.yg[i]) + " year groups",
                                  money_per_pupil(r.mppl.level[i])));
        std::string ex;
        for (const auto& id : f.mppl->excludes) ex += (ex.empty() ? "" : ", ") + factor_label(id);
        mppl.lines.push_back(
            info("Level × " + count(c.nor[i]) + " pupils", pounds(r.mppl.level[i] * c.nor[i])));
        mppl.lines.push_back(
            info("Funding counted (formula total less " + (ex.empty() ? std::string("nothing") : ex) + ")",
                 pounds(r.mppl.counted[i]) + " = " + money_per_pupil(r.mppl.counted[i] / c.nor[i])));
        mppl.lines.push_back(
            line(Kind::total, "MPPL top-up (level × pupils − counted, if above zero)", r.mppl.topup[i]));
    } else {
        mppl.lines.push_back(info("This formula has no minimum per-pupil level"));
        mppl.lines.push_back(line(Kind::total, "MPPL top-up", r.mppl.topup[i]));
    }
    st.sections.push_back(std::move(mppl));

    // C. Minimum funding guarantee (§4.2).
    StatementSection mfg{"C. Minimum funding guarantee (MFG)", "", false, {}};
    if (c.has_baseline[i] > 0) {
        mfg.lines.push_back(
            info("Baseline funding (last year, net of excluded items)", pounds(c.mfg_baseline_funding[i])));
        mfg.lines.push_back(info("Baseline pupils", count(c.mfg_baseline_pupils[i])));
        mfg.lines.push_back(info("Baseline per pupil", money_per_pupil(r.mfg.pp0[i])));
        if (f.mfg) {
            mfg.lines.push_back(info("Guarantee: baseline per pupil × (1 " +
                                         std::string(f.mfg->percent < 0 ? "− " : "+ ") +
                                         percent_text(std::fabs(f.mfg->percent), 2) + ")",
                                     money_per_pupil(r.mfg.guarantee[i])));
            std::string ex;
            for (const auto& id : f.mfg->excludes) ex += (ex.empty() ? "" : ", ") + factor_label(id);
            mfg.lines.push_back(info("This year's funding counted (formula total + MPPL less " +
                                         (ex.empty() ? std::string("nothing") : ex) + ")",
                                     pounds(r.mfg.c1[i])));
        } else {
            mfg.lines.push_back(
                info("This year's funding counted (formula total + MPPL)", pounds(r.mfg.c1[i])));
        }
        mfg.lines.push_back(
            info("This year per pupil (/ " + count(c.nor[i]) + " pupils)", money_per_pupil(r.mfg.pp1[i])));
        mfg.lines.push_back(
            info("Change per pupil against the baseline", percent_text(r.mfg.change[i], 4, true)));
        if (f.mfg)
            mfg.lines.push_back(line(Kind::total,
                                     "MFG top-up ((guarantee − this year per pupil) × pupils, if above zero)",
                                     r.mfg.topup[i]));
        else {
            mfg.lines.push_back(info("This formula has no MFG"));
            mfg.lines.push_back(line(Kind::total, "MFG top-up", r.mfg.topup[i]));
        }
    } else {
        mfg.lines.push_back(info("New school: no MFG baseline, so no MFG and no capping"));
        mfg.lines.push_back(line(Kind::total, "MFG top-up", r.mfg.topup[i]));
    }
    mfg.note = "Per-pupil values are shown to the penny; the top-up is worked out from the unrounded values.";
    st.sections.push_back(std::move(mfg));

    // D. Capping and scaling (§4.3).
    StatementSection cap{"D. Capping and scaling of gains", "", false, {}};
    if (c.has_baseline[i] > 0 && c.growing[i] <= 0) {
        cap.lines.push_back(info("Gain per pupil (before the MFG)", percent_text(r.mfg.change[i], 4, true)));
        cap.lines.push_back(info("Cap on gains", percent_text(r.cap, 4)));
        cap.lines.push_back(
            info("Gain above the cap × baseline per pupil × pupils", pounds(r.capping.gain_excess[i])));
        cap.lines.push_back(
            info("Scaling (share of the gain above the cap taken back)", percent_text(r.scaling, 4)));
        cap.lines.push_back(info("Limit (never below the MPPL)", pounds(r.capping.limit[i])));
        cap.lines.push_back(line(Kind::total,
                                 "Capping deduction (scaling × gain above the cap, up to the limit)",
                                 r.capping.deduction[i]));
    } else {
        cap.lines.push_back(info(c.growing[i] > 0 ? "Growing school: not capped" : "New school: not capped"));
        cap.lines.push_back(line(Kind::total, "Capping deduction", r.capping.deduction[i]));
    }
    st.sections.push_back(std::move(cap));

    // E. Budget share (§4.4).
    StatementSection share{"E. Budget share", "", true, {}};
    share.lines.push_back(line(Kind::item, "Formula total (A)", r.factors.formula_total[i]));
    share.lines.push_back(line(Kind::item, "MPPL top-up (B)", r.mppl.topup[i]));
    share.lines.push_back(line(Kind::item, "MFG top-up (C)", r.mfg.topup[i]));
    share.lines.push_back(line(Kind::item, "Capping and scaling deduction (D)", -r.capping.deduction[i]));
    share.lines.push_back(line(Kind::total, "Budget share", r.budget_share.amount[i]));
    share.lines.push_back(info("Budget share per pupil (" + count(c.nor[i]) + " pupils)",
                               money_per_pupil(r.budget_share.per_pupil[i])));
    st.sections.push_back(std::move(share));

    // F. De-delegation (§6): maintained schools only; academies are never de-delegated.
    if (maintained) {
        StatementSection dd{"F. De-delegated services and delegated budget", "", true, {}};
        dd.lines.push_back(line(Kind::item, "Budget share (E)", r.budget_share.amount[i]));
        if (f.de_delegation.empty())
            dd.note = "The Schools Forum has agreed no de-delegation in this formula.";
        for (std::size_t k = 0; k < f.de_delegation.size(); ++k) {
            // As the engine does (calculate.cpp): an item applies to maintained schools only, so that a
            // pot item is shared among them alone.
            Factor item = f.de_delegation[k];
            item.status[static_cast<int>(Status::academy)] = false;
            factor_lines(dd.lines, r, item, s, 1.0, false, "Less " + factor_label(item.id),
                         r.after_share.de_delegation[k][i], NAN, -1);
        }
        dd.lines.push_back(line(Kind::total, "Delegated budget", r.after_share.delegated_budget[i]));
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
                factor_lines(g.lines, r, gr.parts[p], s, 1.0, false, label,
                             r.after_share.grant_parts[k][p][i], NAN);
            }
            total += r.after_share.grants[k][i];
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
            exact.push_back(pct * r.factors.amount[static_cast<std::size_t>(f.factor_index(id))][i]);
        const std::vector<double> shares = apportion(exact, r.after_share.notional_sen[i]);
        for (std::size_t k = 0; k < f.notional_sen.size(); ++k) {
            const auto& [id, pct] = f.notional_sen[k];
            sen.lines.push_back(
                line(Kind::item, factor_label(id), shares[k],
                     percent_text(pct, pct * 100 == std::round(pct * 100) ? 0 : 2),
                     "of " + pounds(r.factors.amount[static_cast<std::size_t>(f.factor_index(id))][i])));
        }
        sen.lines.push_back(line(Kind::total, "Notional SEN budget", r.after_share.notional_sen[i]));
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
            ch.lines.push_back(info("This budget share", pounds(r.budget_share.amount[i])));
            const Attribution& a = change->option->attribution;
            for (std::size_t k = 0; k < a.labels.size(); ++k) {
                const double v = a.parts[k][i];
                if (whole_pennies(v) == 0)
                    continue;  // unchanged parts are left out: the lines shown still add up
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
                    item = whole_pennies(l.amount);
                    item_label = l.label;
                    items += item;
                    break;
                case Kind::part:
                    has_parts = true;
                    parts += whole_pennies(l.amount);
                    break;
                case Kind::info:
                    break;
                case Kind::total:
                    close();
                    if (items != whole_pennies(l.amount))
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

}  // namespace fundsim
