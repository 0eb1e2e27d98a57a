// Affordability (docs/funding-model.md §5): available = schools block − deductions; the named lever (scaling,
// cap or a factor multiplier) is solved on the total of the reported budget shares, which is monotone in
// each lever, so that total ≤ available with the least headroom: to neighbouring doubles, by bisection
// for a multiplier and by a bracketing search with the same answer for scaling and the cap
// (capping_search.hpp).
#include "engine/balance/solve.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/balance/available.hpp"
#include "engine/balance/capping_search.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/factors/factors.hpp"
#include "engine/factors/kind_table.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/protections/capping.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

namespace {

std::string pounds(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "£%.2f", v);
    return b;
}

[[noreturn]] void unaffordable(const Result& r, const std::string& lever, const std::string& limit,
                               double total, double available) {
    throw Error(formula_where(*r.formula, "/budget/solve_for"),
                "the budget cannot be balanced by " + lever + ": at the lever's limit (" + limit +
                    ") the schools' total " + pounds(total) + " exceeds the available " + pounds(available) +
                    " by " + pounds(total - available),
                ErrorKind::unaffordable);
}

// Bisection on a monotone step function: returns the boundary where `ok` switches, to the resolution
// of doubles, as {good, bad}: `ok(good)` holds and `ok(bad)`, its neighbour, does not.
template <class F>
std::pair<double, double> bisect(double good, double bad, F ok) {
    for (int i = 0; i < 2000; ++i) {
        double mid = good + (bad - good) / 2;
        if (mid == good || mid == bad) break;
        if (ok(mid))
            good = mid;
        else
            bad = mid;
    }
    return {good, bad};
}

}  // namespace

void set_multiplier(Result& r, double k) {
    r.multiplier = k;
    const auto& fs = r.formula->factors;
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (!follows_other_factors(fs[i]))
            r.factors.raw[i] = r.factors.scaled[i] ? r.factors.base[i] * k : r.factors.base[i];
    // A kind that follows other factors (the London fringe) is evaluated again on their scaled amounts.
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (follows_other_factors(fs[i]))
            r.factors.raw[i] = evaluate_factor(fs[i], *r.census, r.formula->reception_uplift, r.factors.raw);
}

namespace {

// The scaling or cap lever's search on r's lines before capping: the one the last balance(r) kept when
// `same_lines` says they are unchanged since (and the lever is the same), else worked out and kept.
const CappingSearch& capping_search(Result& r, bool same_lines) {
    if (!same_lines || !r.capping_search || r.capping_search->lever() != r.formula->budget->solve_for)
        r.capping_search = std::make_shared<const CappingSearch>(r);
    return *r.capping_search;
}

}  // namespace

void balance(Result& r, bool same_lines) {
    if (!r.formula->budget) return;
    const Budget& b = *r.formula->budget;
    BudgetOutcome out;
    out.schools_block = b.schools_block;
    out.available = available_budget(b, &out.deductions);
    out.lever = b.solve_for;
    const double available = out.available;
    auto total = [&]() { return sum_pennies(r.budget_share.amount); };
    const double cap0 = r.formula->capping.cap, s0 = r.formula->capping.scaling;

    switch (b.solve_for) {
        case Lever::none:
            break;
        case Lever::scaling: {
            const CappingSearch& search = capping_search(r, same_lines);
            const double at0 = search.limits().total_bad, at1 = search.limits().total_good;
            if (at0 <= available) {
                // Affordable with no scaling at all: the money left over cannot be spent by this lever.
                out.lever_value = 0.0;
                out.lever_at_limit = true;
            } else if (!(at1 <= available)) {
                unaffordable(r, "scaling", "scaling 1, a hard cap at " + std::to_string(cap0), at1,
                             available);
            } else {
                const Bracket br = search.boundary(available);
                out.lever_value = br.good;
                out.step = br.total_bad - br.total_good;  // the exact totals at the two ends
            }
            apply_capping(r, cap0, out.lever_value);
            apply_budget_share(r);
            break;
        }
        case Lever::cap: {
            // No value of the lever can move the total: the budget cannot be balanced this way.
            if (s0 <= 0)
                throw Error(
                    formula_where(*r.formula, "/capping/scaling"),
                    "is 0, so no cap can change the total: solving for the cap needs a scaling above 0",
                    ErrorKind::unaffordable);
            const CappingSearch& search = capping_search(r, same_lines);
            const double lo = search.limits().good, hi = search.limits().bad;
            const double at_lo = search.limits().total_good, at_hi = search.limits().total_bad;
            if (!(at_lo <= available)) {
                char lim[64];
                std::snprintf(lim, sizeof lim, "a cap of %.6f, the MFG percent", lo);
                unaffordable(r, "the cap", lim, at_lo, available);
            }
            if (at_hi <= available) {
                out.lever_value = hi;
                out.lever_at_limit = true;
            } else {
                const Bracket br = search.boundary(available);
                out.lever_value = br.good;
                out.step = br.total_bad - br.total_good;  // the exact totals at the two ends
            }
            apply_capping(r, out.lever_value, s0);
            apply_budget_share(r);
            break;
        }
        case Lever::factor_multiplier: {
            // Every step depends on k (the MFG must be recomputed at each k): re-run the protections.
            auto ok = [&](double k) {
                set_multiplier(r, k);
                protect(r, cap0, s0);
                return total() <= available;
            };
            if (!ok(0.0)) unaffordable(r, "a factor multiplier", "multiplier 0", total(), available);
            double good = 0.0, bad = 1.0;
            while (ok(bad)) {
                good = bad;
                bad *= 2;
                if (bad > 1e6) break;
            }
            if (ok(bad)) {
                out.lever_value = bad;
                out.lever_at_limit = true;
            } else {
                auto [k_good, k_bad] = bisect(good, bad, ok);
                out.lever_value = k_good;
                ok(k_bad);
                out.step = total();
                ok(k_good);
                out.step -= total();
            }
            ok(out.lever_value);
            break;
        }
    }
    out.step = round_penny(out.step);
    out.total = total();
    out.headroom = round_penny(available - out.total);
    r.budget = out;
}

}  // namespace fundsim
