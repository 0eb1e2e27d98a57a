// The pipeline of funding-model §3–§6 over one census and one formula, and the §8 self-check.
#include "engine/run/calculate.hpp"

#include <cmath>
#include <cstdio>

#include "engine/core/error.hpp"
#include "engine/factors/factors.hpp"
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

std::string Result::flags(std::size_t i) const {
    std::string f;
    auto add = [&](const char* s) {
        if (!f.empty()) f += ';';
        f += s;
    };
    if (is_new(i)) add("new");
    if (on_mfg(i)) add("mfg");
    if (capped(i)) add("capped");
    if (on_mppl(i)) add("mppl");
    return f;
}

void set_multiplier(Result& r, double k) {
    r.multiplier = k;
    const auto& fs = r.formula.factors;
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (fs[i].kind != FactorKind::london_fringe) r.factor_raw[i] = r.factor_scaled[i] ? r.factor_base[i] * k : r.factor_base[i];
    // The London fringe follows the (scaled) factors it lists.
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (fs[i].kind == FactorKind::london_fringe)
            r.factor_raw[i] = evaluate_factor(fs[i], *r.census, r.formula.reception_uplift, r.factor_raw);
}

void protect(Result& r, double cap, double scaling) {
    total_factors(r);
    apply_mppl(r);
    apply_mfg(r);
    apply_capping(r, cap, scaling);
    apply_budget_share(r);
}

void after_budget_share(Result& r) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    // De-delegation: maintained schools only (academies are never de-delegated). The status filter is set
    // on each item, so that an item sharing a pot (allocation) shares all of it among maintained schools.
    Eigen::ArrayXd maintained(n);
    for (Eigen::Index i = 0; i < n; ++i) maintained[i] = c.status[static_cast<std::size_t>(i)] == Status::maintained ? 1.0 : 0.0;
    std::vector<Factor> items = r.formula.de_delegation;
    for (auto& item : items) item.status[static_cast<int>(Status::academy)] = false;
    auto dd = evaluate_factors(items, c, false);
    r.de_delegation.clear();
    r.delegated_budget = r.budget_share;
    for (auto& a : dd) {
        r.de_delegation.push_back(round_penny(a * maintained));
        r.delegated_budget -= r.de_delegation.back();
    }
    // Grants: outside the formula and all protections.
    r.grant_parts.clear();
    r.grants.clear();
    for (const auto& g : r.formula.grants) {
        auto parts = evaluate_factors(g.parts, c, false);
        Eigen::ArrayXd total = Eigen::ArrayXd::Zero(n);
        for (auto& p : parts) {
            p = round_penny(p);
            total += p;
        }
        r.grant_parts.push_back(std::move(parts));
        r.grants.push_back(total);
    }
    // Notional SEN: a memo from the reported factor lines.
    Eigen::ArrayXd sen = Eigen::ArrayXd::Zero(n);
    for (const auto& [id, pct] : r.formula.notional_sen) sen += pct * r.factor[static_cast<std::size_t>(r.formula.factor_index(id))];
    r.notional_sen = round_penny(sen);
}

namespace {

// The most one school may receive (or lose) on one reported line: the census's limit on money columns
// (census.cpp). A larger amount comes from a rate, or a census value it multiplies, far out of scale; it
// would also break the exact penny sums of funding-model §7, so it is refused, naming line and school.
constexpr double kMaxAmount = 1e10;

void check_amounts(const Result& r) {
    const Census& c = *r.census;
    // `what` and `name` make the line's name ("factor " + its id) only when there is something to report.
    auto check = [&](const Eigen::ArrayXd& a, const char* what, const std::string& name, const std::string& path) {
        for (Eigen::Index i = 0; i < a.size(); ++i) {
            if (std::fabs(a[i]) <= kMaxAmount) continue;
            Where w;
            w.file = r.formula.file;
            w.json_path = path;
            w.urn = c.urn[static_cast<std::size_t>(i)];
            char b[64];
            std::snprintf(b, sizeof b, "%.6g", a[i]);
            throw InputError(w, what + name + " comes to " + b +
                                    " pounds, beyond the £10,000,000,000 any one school can receive: check the rates "
                                    "and the census values they multiply");
        }
    };
    const Formula& f = r.formula;
    for (std::size_t k = 0; k < r.factor.size(); ++k) {
        check(r.factor_raw[k], "factor ", f.factors[k].id, f.factors[k].path);  // the amount before rounding
        check(r.factor[k], "factor ", f.factors[k].id, f.factors[k].path);
    }
    const std::string none;
    check(r.mppl_topup, "the MPPL top-up", none, "/mppl");
    check(r.mfg_topup, "the MFG top-up", none, "/mfg");
    check(r.capping_deduction, "the capping deduction", none, "/capping");
    check(r.budget_share, "the budget share", none, f.budget ? "/budget" : "/factors");
    for (std::size_t k = 0; k < r.de_delegation.size(); ++k)
        check(r.de_delegation[k], "de-delegation ", f.de_delegation[k].id, f.de_delegation[k].path);
    for (std::size_t g = 0; g < r.grant_parts.size(); ++g)
        for (std::size_t p = 0; p < r.grant_parts[g].size(); ++p)
            check(r.grant_parts[g][p], "grant ", f.grants[g].id + " part " + f.grants[g].parts[p].id, f.grants[g].parts[p].path);
    check(r.notional_sen, "notional SEN", none, "/notional_sen");
}

}  // namespace

Result calculate(const Census& census, const Formula& formula) {
    Result r;
    r.census = &census;
    r.formula = formula;
    r.factor_base = evaluate_factors(formula.factors, census, formula.reception_uplift);
    r.factor_raw = r.factor_base;
    r.factor_scaled.assign(formula.factors.size(), false);
    if (formula.budget && formula.budget->solve_for == Lever::factor_multiplier)
        for (const auto& id : formula.budget->multiplier_factors) r.factor_scaled[static_cast<std::size_t>(formula.factor_index(id))] = true;
    protect(r, formula.capping.cap, formula.capping.scaling);
    check_amounts(r);  // at the formula's own values first, so an absurd rate is named before balancing
    if (formula.budget) {
        balance(r);
    }
    after_budget_share(r);
    check_amounts(r);
    return r;
}

std::vector<std::string> check_invariants(const Result& r) {
    std::vector<std::string> bad;
    const Census& c = *r.census;
    const double m = r.formula.mfg ? r.formula.mfg->percent : 0.0;
    // The lines each protection leaves out, found by name once (not once per school).
    auto indices = [&](const std::vector<std::string>& ids) {
        std::vector<std::size_t> k;
        for (const auto& id : ids) k.push_back(static_cast<std::size_t>(r.formula.factor_index(id)));
        return k;
    };
    const std::vector<std::size_t> mfg_excludes = r.formula.mfg ? indices(r.formula.mfg->excludes) : std::vector<std::size_t>{};
    const std::vector<std::size_t> mppl_excludes = r.formula.mppl ? indices(r.formula.mppl->excludes) : std::vector<std::size_t>{};
    auto excluded = [&](const std::vector<std::size_t>& ks, std::size_t i) {
        double s = 0;
        for (const std::size_t k : ks) s += r.factor[k][static_cast<Eigen::Index>(i)];
        return s;
    };
    char b[512];
    std::size_t reported = 0;
    auto report = [&](const std::string& s) {
        if (++reported <= 20) bad.push_back(s);
    };
    for (std::size_t s = 0; s < r.size(); ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const double bs = r.budget_share[i], nor = c.nor[i];
        double lines = 0;
        for (const auto& f : r.factor) lines += f[i];
        // Per-pupil tolerance of invariants 2 and 4: the spec's penny per pupil, or, for a very small
        // school, the most that rounding each reported line to the penny (§7) can move it: half a penny
        // per line (factors, MPPL, MFG, capping) spread over its pupils.
        const double tolerance = std::max(0.01, 0.005 * static_cast<double>(r.factor.size() + 3) / nor);
        // 1. budget_share = F + mppl + mfg − capping to the penny (F = Σ reported factor lines).
        if (std::fabs(lines - r.formula_total[i]) > 0.005 ||
            std::fabs(r.formula_total[i] + r.mppl_topup[i] + r.mfg_topup[i] - r.capping_deduction[i] - bs) > 0.005) {
            std::snprintf(b, sizeof b, "school %lld: budget share %.2f is not formula %.2f + MPPL %.2f + MFG %.2f - capping %.2f",
                          static_cast<long long>(c.urn[s]), bs, r.formula_total[i], r.mppl_topup[i], r.mfg_topup[i], r.capping_deduction[i]);
            report(b);
        }
        // 2. A school with a baseline ends at or above its guarantee.
        if (r.formula.mfg && c.has_baseline[i] > 0) {
            double pp = (bs - excluded(mfg_excludes, s)) / nor;
            if (pp < r.pp0[i] * (1 + m) - tolerance) {
                std::snprintf(b, sizeof b, "school %lld: per-pupil funding %.4f is below its guarantee %.4f",
                              static_cast<long long>(c.urn[s]), pp, r.pp0[i] * (1 + m));
                report(b);
            }
        }
        // 3. Nobody is both protected and capped.
        if (r.mfg_topup[i] > 0 && r.capping_deduction[i] > 0) {
            std::snprintf(b, sizeof b, "school %lld: has an MFG top-up %.2f and a capping deduction %.2f",
                          static_cast<long long>(c.urn[s]), r.mfg_topup[i], r.capping_deduction[i]);
            report(b);
        }
        // 4. MPPL holds after capping.
        if (r.formula.mppl) {
            double pp = (bs - excluded(mppl_excludes, s)) / nor;
            if (pp < r.mppl_level[i] - tolerance) {
                std::snprintf(b, sizeof b, "school %lld: per-pupil funding %.4f counted for the MPPL is below its level %.4f",
                              static_cast<long long>(c.urn[s]), pp, r.mppl_level[i]);
                report(b);
            }
        }
    }
    // 5. With a lever solved, 0 ≤ headroom < £1 (unless the lever ran out of room to spend).
    if (r.budget && r.budget->lever != Lever::none) {
        const double h = r.budget->headroom;
        // Under £1 (funding-model §8.5), or under the total's own smallest step at the solved value.
        if (h < 0 || (h >= std::max(1.0, r.budget->step) && !r.budget->lever_at_limit)) {
            std::snprintf(b, sizeof b, "headroom %.2f after solving for %s is not from 0 to under 1 pound", h, to_string(r.budget->lever));
            report(b);
        }
    }
    // 7. Column totals: every reported total is the sum of its lines (checked where totals are kept).
    if (r.budget && std::fabs(r.budget->total - sum_pennies(r.budget_share)) > 0.005) {
        std::snprintf(b, sizeof b, "total %.2f is not the sum of the budget shares %.2f", r.budget->total, r.budget_share.sum());
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
    fail(msg);
}

}  // namespace fundsim
