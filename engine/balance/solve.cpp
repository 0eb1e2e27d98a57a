// Affordability (docs/funding-model.md §5): available = schools block − deductions; the named lever (scaling,
// cap or a factor multiplier) is solved on the total of the reported budget shares, which is monotone in
// each lever, so that total ≤ available with the least headroom: to neighbouring doubles, by bisection
// for a multiplier and by a bracketing search with the same answer for scaling and the cap (narrow()).
#include "engine/balance/solve.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/balance/available.hpp"
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

// A bracket of the lever: ok at `good` (total ≤ available), not at `bad`, and the totals at both.
struct Bracket {
    double good, bad, total_good, total_bad;
};

// Narrows a bracket towards the boundary that bisect(good, bad, ok) finds with ok(x) = total_at(x) ≤
// available, in fewer steps, until the two ends are neighbouring doubles. The total is a monotone
// staircase in the lever, so the pair of neighbouring doubles where ok switches is unique and any
// bracketing search finds the same pair. While the totals at the ends are more than a few pennies apart,
// the next point is interpolated between them (the total is close to linear in the lever) at half a
// penny above the money available (the switch lies between a total at most the money and one above it,
// so an end whose total is the money exactly still leaves room to move), the Illinois way: an end that
// two interpolated steps in a row leave in place counts half as far from that aim as it did, so that the
// search does not creep up on the boundary from one side. Three interpolated steps in a row that fail
// to halve the bracket are followed by a halving, and within a few pennies, where the total is flat either
// side of a jump, the bracket is halved. After each step `moved(good_side)` is told which end moved; it
// returns false to stop the search there (the bracket is still a bracket).
template <class F, class M>
Bracket narrow(Bracket b, double available, F total_at, M moved) {
    auto& [good, bad, total_good, total_bad] = b;
    int slow = 0;  // interpolated steps in a row that did not halve the bracket
    const double aim = available + 0.005;
    double below = aim - total_good, above = total_bad - aim;  // the ends' weights
    int kept = -1;  // the end the last interpolated step left in place: 1 good, 0 bad
    for (int i = 0; i < 4000; ++i) {
        const double mid = good + (bad - good) / 2;
        if (mid == good || mid == bad) break;
        double x = mid;
        if (slow < 3 && std::isfinite(total_good) && std::isfinite(total_bad) &&
            total_bad - total_good > 0.05) {
            const double at = good + (bad - good) * (below / (below + above));
            if ((at > good && at < bad) || (at < good && at > bad)) x = at;
        }
        const double width = std::fabs(bad - good);
        const double t = total_at(x);
        const bool good_side = t <= available;
        if (good_side) {
            good = x;
            total_good = t;
            below = aim - t;
        } else {
            bad = x;
            total_bad = t;
            above = t - aim;
        }
        if (x != mid) {
            const int keep = good_side ? 0 : 1;
            if (keep == kept) (keep == 0 ? above : below) /= 2;
            kept = keep;
        }
        slow = x != mid && std::fabs(bad - good) > width / 2 ? slow + 1 : 0;
        if (!moved(good_side)) break;
    }
    return b;
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

void balance(Result& r) {
    if (!r.formula->budget) return;
    const Budget& b = *r.formula->budget;
    BudgetOutcome out;
    out.schools_block = b.schools_block;
    out.available = available_budget(b, &out.deductions);
    out.lever = b.solve_for;
    const double available = out.available;
    auto total = [&]() { return sum_pennies(r.budget_share.amount); };
    const double cap0 = r.formula->capping.cap, s0 = r.formula->capping.scaling;
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());

    // For the scaling and cap levers only the capping step moves: everything before it is fixed, so
    // the total at a lever value is Σ (lines before capping) − Σ round(min(s × excess, limit)), computed
    // in one pass with the same rounding as apply_capping. Schools whose deduction cannot move with the
    // lever (no gain above the cap, or not cappable) are added once; the pass covers only the others.
    // (An amount beyond exact pennies makes a total infinite, as in sum_pennies.)
    long long fixed_pence = 0;
    bool fixed_ok = true;
    for (Eigen::Index i = 0; i < n && fixed_ok; ++i)
        fixed_ok = add_pennies(fixed_pence, r.factors.formula_total[i] + r.mppl.topup[i] + r.mfg.topup[i]);
    // The deduction as apply_capping computes it, by the same functions (protections/capping.hpp): the
    // solved lever sits where one school's deduction crosses a half penny, so a last-bit difference
    // would move that penny.
    const Eigen::ArrayXd cappable = cappable_schools(c);
    auto excess = [&](Eigen::Index i, double cap) {
        return capping_excess(cappable[i], r.mfg.change[i], cap, r.mfg.pp0[i], c.nor[i]);
    };
    auto deduction = [&](Eigen::Index i, double cap, double s) {
        return capping_deduction(excess(i, cap), s, r.capping.limit[i]);
    };
    // The lowest cap the cap lever tries; the scaling lever keeps the formula's cap.
    const double cap_lo = b.solve_for == Lever::cap ? (r.formula->mfg ? r.formula->mfg->percent : 0.0) : cap0;
    std::vector<Eigen::Index> moving;
    if (b.solve_for == Lever::scaling || b.solve_for == Lever::cap) {
        for (Eigen::Index i = 0; i < n && fixed_ok; ++i) {
            const bool constant = b.solve_for == Lever::scaling
                                      ? excess(i, cap0) == 0.0
                                      : cappable[i] == 0.0 || !(r.mfg.change[i] > cap_lo);
            if (constant)
                fixed_ok = add_pennies(fixed_pence, -round_penny(deduction(i, cap_lo, s0)));
            else
                moving.push_back(i);
        }
    }
    // One school's deduction at (cap, s) in pennies: round_penny as apply_capping applies it, then
    // whole pennies as add_pennies takes them (one rounding fewer where the amount allows it).
    auto deduction_pence = [&](Eigen::Index i, double cap, double s, long long& p) {
        const double d = deduction(i, cap, s);
        const double micro = round_half_away(d * 1e6);
        if (std::fabs(micro) < 1e15) {
            p = static_cast<long long>(round_half_away(micro / 1e4));
            return true;
        }
        const double q = round_half_away(round_penny(d) * 100.0);
        if (!(std::fabs(q) < 0x1p62)) return false;
        p = static_cast<long long>(q);
        return true;
    };
    auto take = [](long long& pence, long long p) {  // pence − p within add_pennies' bounds
        long long d = 0;
        if (__builtin_sub_overflow(pence, p, &d) || d >= (1LL << 62) || d <= -(1LL << 62)) return false;
        pence = d;
        return true;
    };
    // The total from `base` pennies less the deductions of `schools`; infinite as sum_pennies makes it.
    auto total_over = [&](const std::vector<Eigen::Index>& schools, long long base, double cap, double s) {
        long long pence = base, p = 0;
        for (const Eigen::Index i : schools)
            if (!deduction_pence(i, cap, s, p) || !take(pence, p)) return HUGE_VAL;
        return static_cast<double>(pence) / 100.0;
    };
    auto capped_total = [&](double cap, double s) {
        return fixed_ok ? total_over(moving, fixed_pence, cap, s) : HUGE_VAL;
    };
    // The boundary of the lever x, which sets (cap_of(x), s_of(x)), narrowed over the schools whose
    // pennies still differ between the bracket's two ends: each deduction is monotone in the lever, so a
    // school with the same pennies at both ends keeps them in between, and they join the constant part
    // of the total (`base`). The set shrinks with the bracket, so most steps add up a few schools. The
    // totals are the exact totals, so the search ends on the pair any bracketing search finds. The
    // pennies are deduction_pence's, computed side by side and summed in a double, which is exact while
    // every deduction is from 0 to under £1bn; should one not be, the search goes on over every moving
    // school as capped_total counts them.
    auto solve = [&](Bracket br, auto cap_of, auto s_of) {
        auto over_all = [&](double x) { return capped_total(cap_of(x), s_of(x)); };
        auto go_on = [](bool) { return true; };
        if (!std::isfinite(br.total_good) || !std::isfinite(br.total_bad))
            return narrow(br, available, over_all, go_on);
        struct Mover {  // what a moving school's deduction is computed from
            double cappable, change, pp0, nor, limit;
        };
        std::vector<Mover> open;
        for (const Eigen::Index i : moving)
            open.push_back({cappable[i], r.mfg.change[i], r.mfg.pp0[i], c.nor[i], r.capping.limit[i]});
        std::vector<double> at_good, at_bad, at_x;  // each open school's pennies at the ends, at x
        long long base = fixed_pence;
        auto pennies_at = [&](double x, std::vector<double>& p) {
            const double cap = cap_of(x), s = s_of(x);
            p.resize(open.size());
            bool exact = open.size() < 90000;  // a sum of pennies under 10^11 each stays exact
            for (std::size_t j = 0; j < open.size(); ++j) {
                const Mover& m = open[j];
                const double d =
                    capping_deduction(capping_excess(m.cappable, m.change, cap, m.pp0, m.nor), s, m.limit);
                const double micro = round_half_away(d * 1e6);  // as deduction_pence
                p[j] = round_half_away(micro / 1e4);
                exact &= std::fabs(micro) < 1e15 && p[j] >= 0;
            }
            return exact;
        };
        auto fold = [&]() {  // moves the schools with the same pennies at both ends into base
            std::size_t k = 0;
            for (std::size_t j = 0; j < open.size(); ++j) {
                if (at_good[j] == at_bad[j]) {
                    if (!take(base, static_cast<long long>(at_good[j]))) return false;
                } else {
                    open[k] = open[j];
                    at_good[k] = at_good[j];
                    at_bad[k] = at_bad[j];
                    ++k;
                }
            }
            open.resize(k);
            at_good.resize(k);
            at_bad.resize(k);
            return true;
        };
        bool exact = pennies_at(br.good, at_good) && pennies_at(br.bad, at_bad) && fold();
        if (exact) {
            br = narrow(
                br, available,
                [&](double x) {
                    long long pence = base;
                    double sum = 0;
                    exact = pennies_at(x, at_x);
                    for (const double p : at_x) sum += p;
                    // Every penny is ≥ 0, so the running total only falls: its last value is the one to
                    // check.
                    exact = exact && take(pence, static_cast<long long>(sum));
                    return exact ? static_cast<double>(pence) / 100.0 : over_all(x);
                },
                [&](bool good_side) {
                    if (!exact) return false;
                    (good_side ? at_good : at_bad).swap(at_x);
                    return exact = fold();
                });
            if (exact) return br;
        }
        return narrow(br, available, over_all, go_on);
    };

    switch (b.solve_for) {
        case Lever::none:
            break;
        case Lever::scaling: {
            auto total_at = [&](double s) { return capped_total(cap0, s); };
            const double at0 = total_at(0.0), at1 = total_at(1.0);
            if (at0 <= available) {
                // Affordable with no scaling at all: the money left over cannot be spent by this lever.
                out.lever_value = 0.0;
                out.lever_at_limit = true;
            } else if (!(at1 <= available)) {
                unaffordable(r, "scaling", "scaling 1, a hard cap at " + std::to_string(cap0), at1,
                             available);
            } else {
                const Bracket br = solve(
                    Bracket{1.0, 0.0, at1, at0}, [&](double) { return cap0; }, [](double x) { return x; });
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
            const double lo = cap_lo;
            double hi = lo;
            for (Eigen::Index i = 0; i < n; ++i)
                if (cappable[i] > 0) hi = std::max(hi, r.mfg.change[i]);
            hi += 1e-9;
            auto total_at = [&](double cap) { return capped_total(cap, s0); };
            const double at_lo = total_at(lo), at_hi = total_at(hi);
            if (!(at_lo <= available)) {
                char lim[64];
                std::snprintf(lim, sizeof lim, "a cap of %.6f, the MFG percent", lo);
                unaffordable(r, "the cap", lim, at_lo, available);
            }
            if (at_hi <= available) {
                out.lever_value = hi;
                out.lever_at_limit = true;
            } else {
                const Bracket br = solve(
                    Bracket{lo, hi, at_lo, at_hi}, [](double x) { return x; }, [&](double) { return s0; });
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
