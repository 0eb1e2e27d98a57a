// The self-check of docs/funding-model.md §8 over a finished result, and the limit on any one school's amount
// on a reported line: what every command verifies before it writes anything.
#include "engine/run/invariants.hpp"

#include <cmath>
#include <cstdio>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/scenario.hpp"

namespace fundsim {

void check_amounts(const Result& r, AmountLines lines) {
    const Census& c = *r.census;
    // `what` and `name` make the line's name ("factor " + its id) only when there is something to report.
    auto check = [&](const Eigen::ArrayXd& a, const char* what, const std::string& name,
                     const std::string& path) {
        if ((a.abs() <= kMaxMoney).all()) return;  // the common case, vectorised; NaN fails it
        for (Eigen::Index i = 0; i < a.size(); ++i) {
            if (std::fabs(a[i]) <= kMaxMoney) continue;
            char b[64];
            std::snprintf(b, sizeof b, "%.6g", a[i]);
            // Of kind formula: the path names the formula's line (in the scenario's changes if they wrote
            // it); its rates, or the census values they multiply, are out of scale.
            Where at = formula_where(*r.formula, path);
            at.urn = c.urn[static_cast<std::size_t>(i)];
            throw Error(at,
                        what + name + " comes to " + b +
                            " pounds, beyond the £10,000,000,000 any one school can receive: check the rates "
                            "and the census values they multiply",
                        ErrorKind::formula);
        }
    };
    const Formula& f = *r.formula;
    const bool all = lines == AmountLines::all;
    for (std::size_t k = 0; all && k < r.factors.amount.size(); ++k) {
        check(r.factors.raw[k], "factor ", f.factors[k].id, f.factors[k].path);  // the amount before rounding
        check(r.factors.amount[k], "factor ", f.factors[k].id, f.factors[k].path);
    }
    const std::string none;
    check(r.mppl.topup, "the MPPL top-up", none, "/mppl");
    check(r.mfg.topup, "the MFG top-up", none, "/mfg");
    check(r.capping.deduction, "the capping deduction", none, "/capping");
    check(r.budget_share.amount, "the budget share", none, f.budget ? "/budget" : "/factors");
    for (std::size_t k = 0; k < r.after_share.de_delegation.size(); ++k)
        check(r.after_share.de_delegation[k], "de-delegation ", f.de_delegation[k].id,
              f.de_delegation[k].path);
    for (std::size_t g = 0; all && g < r.after_share.grant_parts.size(); ++g)
        for (std::size_t p = 0; p < r.after_share.grant_parts[g].size(); ++p)
            check(r.after_share.grant_parts[g][p], "grant ",
                  f.grants[g].id + " part " + f.grants[g].parts[p].id, f.grants[g].parts[p].path);
    check(r.after_share.notional_sen, "notional SEN", none, "/notional_sen");
}

std::vector<std::string> check_invariants(const Result& r) {
    std::vector<std::string> bad;
    const Census& c = *r.census;
    const double m = r.formula->mfg ? r.formula->mfg->percent : 0.0;
    // The lines each protection leaves out, found by name once (not once per school).
    auto indices = [&](const std::vector<std::string>& ids) {
        std::vector<std::size_t> k;
        for (const auto& id : ids) k.push_back(static_cast<std::size_t>(r.formula->factor_index(id)));
        return k;
    };
    const std::vector<std::size_t> mfg_excludes =
        r.formula->mfg ? indices(r.formula->mfg->excludes) : std::vector<std::size_t>{};
    const std::vector<std::size_t> mppl_excludes =
        r.formula->mppl ? indices(r.formula->mppl->excludes) : std::vector<std::size_t>{};
    // Σ of the listed reported factor lines, each school's taken in the lines' order (column by column).
    auto sum_lines = [&](const std::vector<std::size_t>& ks) {
        Eigen::ArrayXd s = Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(r.size()));
        for (const std::size_t k : ks) s += r.factors.amount[k];
        return s;
    };
    std::vector<std::size_t> every_factor(r.factors.amount.size());
    for (std::size_t k = 0; k < every_factor.size(); ++k) every_factor[k] = k;
    const Eigen::ArrayXd all_lines = sum_lines(every_factor), mfg_excluded = sum_lines(mfg_excludes),
                         mppl_excluded = sum_lines(mppl_excludes);
    char b[512];
    std::size_t reported = 0;
    auto report = [&](const std::string& s) {
        if (++reported <= 20) bad.push_back(s);
    };
    for (std::size_t s = 0; s < r.size(); ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const double bs = r.budget_share.amount[i], nor = c.nor[i], lines = all_lines[i];
        // Per-pupil tolerance of invariants 2 and 4: the spec's penny per pupil, or, for a very small
        // school, the most that rounding each reported line to the penny (§7) can move it: half a penny
        // per line (factors, MPPL, MFG, capping) spread over its pupils.
        const double tolerance =
            std::max(0.01, 0.005 * static_cast<double>(r.factors.amount.size() + 3) / nor);
        // 1. budget_share = F + mppl + mfg − capping to the penny (F = Σ reported factor lines).
        if (std::fabs(lines - r.factors.formula_total[i]) > 0.005 ||
            std::fabs(r.factors.formula_total[i] + r.mppl.topup[i] + r.mfg.topup[i] - r.capping.deduction[i] -
                      bs) > 0.005) {
            std::snprintf(
                b, sizeof b,
                "school %lld: budget share %.2f is not formula %.2f + MPPL %.2f + MFG %.2f - capping %.2f",
                static_cast<long long>(c.urn[s]), bs, r.factors.formula_total[i], r.mppl.topup[i],
                r.mfg.topup[i], r.capping.deduction[i]);
            report(b);
        }
        // 2. A school with a baseline ends at or above its guarantee.
        if (r.formula->mfg && c.has_baseline[i] > 0) {
            double pp = (bs - mfg_excluded[i]) / nor;
            if (pp < r.mfg.pp0[i] * (1 + m) - tolerance) {
                std::snprintf(b, sizeof b, "school %lld: per-pupil funding %.4f is below its guarantee %.4f",
                              static_cast<long long>(c.urn[s]), pp, r.mfg.pp0[i] * (1 + m));
                report(b);
            }
        }
        // 3. Nobody is both protected and capped.
        if (r.mfg.topup[i] > 0 && r.capping.deduction[i] > 0) {
            std::snprintf(b, sizeof b, "school %lld: has an MFG top-up %.2f and a capping deduction %.2f",
                          static_cast<long long>(c.urn[s]), r.mfg.topup[i], r.capping.deduction[i]);
            report(b);
        }
        // 4. MPPL holds after capping.
        if (r.formula->mppl) {
            double pp = (bs - mppl_excluded[i]) / nor;
            if (pp < r.mppl.level[i] - tolerance) {
                std::snprintf(
                    b, sizeof b,
                    "school %lld: per-pupil funding %.4f counted for the MPPL is below its level %.4f",
                    static_cast<long long>(c.urn[s]), pp, r.mppl.level[i]);
                report(b);
            }
        }
    }
    // 5. With a lever solved, 0 ≤ headroom < £1 (unless the lever ran out of room to spend).
    if (r.budget && r.budget->lever != Lever::none) {
        const double h = r.budget->headroom;
        // Under £1 (docs/funding-model.md §8.5), or under the total's own smallest step at the solved value.
        if (h < 0 || (h >= std::max(1.0, r.budget->step) && !r.budget->lever_at_limit)) {
            std::snprintf(b, sizeof b, "headroom %.2f after solving for %s is not from 0 to under 1 pound", h,
                          to_string(r.budget->lever));
            report(b);
        }
    }
    // 7. Column totals: every reported total is the sum of its lines (checked where totals are kept).
    if (r.budget && std::fabs(r.budget->total - sum_pennies(r.budget_share.amount)) > 0.005) {
        std::snprintf(b, sizeof b, "total %.2f is not the sum of the budget shares %.2f", r.budget->total,
                      r.budget_share.amount.sum());
        report(b);
    }
    if (reported > 20) bad.push_back("... and " + std::to_string(reported - 20) + " more");
    return bad;
}

void require_invariants(const Result& r, const std::string& what) {
    const std::vector<std::string> bad = check_invariants(r);
    if (bad.empty()) return;
    std::string msg = (what.empty() ? "" : what + ": ") +
                      "the result breaks the funding model's invariants; nothing was written:";
    for (const auto& b : bad) msg += "\n  " + b;
    fail(msg, ErrorKind::invariant);
}

}  // namespace fundsim
