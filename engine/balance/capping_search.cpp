// The scaling and cap levers' search (capping_search.hpp): the fixed part of the total, the schools whose
// deduction moves, and a bracketing search that narrows over the schools whose pennies still differ.
#include "engine/balance/capping_search.hpp"

#include <cmath>

#include "engine/core/money.hpp"
#include "engine/protections/capping.hpp"

namespace fundsim {

namespace {

// Narrows a bracket towards the boundary where ok(x) = total_at(x) ≤ available switches, until the two
// ends are neighbouring doubles. The total is a monotone staircase in the lever, so the pair of
// neighbouring doubles where ok switches is unique and any bracketing search finds the same pair (the
// bisection engine/balance/solve.cpp runs for the multiplier would too, in more steps). While the totals at
// the ends are more than a few pennies apart, the next point is interpolated between them (the total is
// close to linear in the lever) at half a penny above the money available (the switch lies between a
// total at most the money and one above it, so an end whose total is the money exactly still leaves room
// to move), the Illinois way: an end that two interpolated steps in a row leave in place counts half as
// far from that aim as it did, so that the search does not creep up on the boundary from one side. Three
// interpolated steps in a row that fail to halve the bracket are followed by a halving, and within a few
// pennies, where the total is flat either side of a jump, the bracket is halved. After each step
// `moved(good_side)` is told which end moved; it returns false to stop the search there (the bracket is
// still a bracket).
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

// pence − p within add_pennies' bounds.
bool take(long long& pence, long long p) {
    long long d = 0;
    if (__builtin_sub_overflow(pence, p, &d) || d >= (1LL << 62) || d <= -(1LL << 62)) return false;
    pence = d;
    return true;
}

// The exact total: `base` less the pennies `p` of its movers; false where it leaves exact pennies.
// Every penny is ≥ 0, so the running total only falls: its last value is the one to check.
bool exact_total(long long base, const std::vector<double>& p, double& total) {
    long long pence = base;
    double sum = 0;
    for (const double v : p) sum += v;
    if (!take(pence, static_cast<long long>(sum))) return false;
    total = static_cast<double>(pence) / 100.0;
    return true;
}

}  // namespace

CappingSearch::CappingSearch(const Result& r) {
    const Formula& f = *r.formula;
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    lever_ = f.budget && f.budget->solve_for == Lever::cap ? Lever::cap : Lever::scaling;
    cap0_ = f.capping.cap;
    s0_ = f.capping.scaling;
    // Everything before capping is fixed: the total at a lever value is Σ (lines before capping) −
    // Σ round(min(s × excess, limit)), with the same rounding as apply_capping. Schools whose deduction
    // cannot move with the lever (no gain above the cap, or not cappable) are added once; the search covers
    // only the others. (An amount beyond exact pennies makes a total infinite, as in sum_pennies.)
    for (Eigen::Index i = 0; i < n && fixed_ok_; ++i)
        fixed_ok_ = add_pennies(fixed_pence_, r.factors.formula_total[i] + r.mppl.topup[i] + r.mfg.topup[i]);
    // The deduction as apply_capping computes it, by the same functions (protections/capping.hpp): the
    // solved lever sits where one school's deduction crosses a half penny, so a last-bit difference
    // would move that penny.
    const Eigen::ArrayXd cappable = cappable_schools(c);
    // The lowest cap the cap lever tries; the scaling lever keeps the formula's cap.
    const double cap_lo = lever_ == Lever::cap ? (f.mfg ? f.mfg->percent : 0.0) : cap0_;
    for (Eigen::Index i = 0; i < n && fixed_ok_; ++i) {
        const Mover m{cappable[i], r.mfg.change[i], r.mfg.pp0[i], c.nor[i], r.capping.limit[i]};
        const bool constant = lever_ == Lever::scaling
                                  ? capping_excess(m.cappable, m.change, cap0_, m.pp0, m.nor) == 0.0
                                  : m.cappable == 0.0 || !(m.change > cap_lo);
        if (constant)
            fixed_ok_ = add_pennies(
                fixed_pence_, -round_penny(capping_deduction(
                                  capping_excess(m.cappable, m.change, cap_lo, m.pp0, m.nor), s0_, m.limit)));
        else
            moving_.push_back(m);
    }
    if (lever_ == Lever::scaling) {
        limits_ = {1.0, 0.0, total_at(1.0), total_at(0.0)};
    } else {
        double hi = cap_lo;
        for (Eigen::Index i = 0; i < n; ++i)
            if (cappable[i] > 0) hi = std::max(hi, r.mfg.change[i]);
        hi += 1e-9;
        limits_ = {cap_lo, hi, total_at(cap_lo), total_at(hi)};
    }
    if (std::isfinite(limits_.total_good) && std::isfinite(limits_.total_bad)) {
        Open& o = at_limits_;
        o.movers = moving_;
        o.base = fixed_pence_;
        o.exact = pennies_at(o.movers, limits_.good, o.at_good) &&
                  pennies_at(o.movers, limits_.bad, o.at_bad) && fold(o);
    }
}

double CappingSearch::total_at(double x) const {
    if (!fixed_ok_) return HUGE_VAL;
    const double cap = cap_at(x), s = scaling_at(x);
    long long pence = fixed_pence_;
    for (const Mover& m : moving_) {
        // The deduction in pennies: round_penny as apply_capping applies it, then whole pennies as
        // add_pennies takes them (one rounding fewer where the amount allows it).
        const double d =
            capping_deduction(capping_excess(m.cappable, m.change, cap, m.pp0, m.nor), s, m.limit);
        const double micro = round_half_away(d * 1e6);
        long long p = 0;
        if (std::fabs(micro) < 1e15) {
            p = static_cast<long long>(round_half_away(micro / 1e4));
        } else {
            const double q = round_half_away(round_penny(d) * 100.0);
            if (!(std::fabs(q) < 0x1p62)) return HUGE_VAL;
            p = static_cast<long long>(q);
        }
        if (!take(pence, p)) return HUGE_VAL;
    }
    return static_cast<double>(pence) / 100.0;
}

// Each mover's pennies at x, as total_at counts them, side by side; true while every deduction is from 0 to
// under £1bn (then a double sums them exactly), false otherwise.
bool CappingSearch::pennies_at(const std::vector<Mover>& movers, double x, std::vector<double>& p) const {
    const double cap = cap_at(x), s = scaling_at(x);
    p.resize(movers.size());
    bool exact = movers.size() < 90000;  // a sum of pennies under 10^11 each stays exact
    for (std::size_t j = 0; j < movers.size(); ++j) {
        const Mover& m = movers[j];
        const double d =
            capping_deduction(capping_excess(m.cappable, m.change, cap, m.pp0, m.nor), s, m.limit);
        const double micro = round_half_away(d * 1e6);
        p[j] = round_half_away(micro / 1e4);
        exact &= std::fabs(micro) < 1e15 && p[j] >= 0;
    }
    return exact;
}

// Moves the schools with the same pennies at both ends into the fixed part: each deduction is monotone in
// the lever, so they keep them in between.
bool CappingSearch::fold(Open& o) {
    std::size_t k = 0;
    for (std::size_t j = 0; j < o.movers.size(); ++j) {
        if (o.at_good[j] == o.at_bad[j]) {
            if (!take(o.base, static_cast<long long>(o.at_good[j]))) return false;
        } else {
            o.movers[k] = o.movers[j];
            o.at_good[k] = o.at_good[j];
            o.at_bad[k] = o.at_bad[j];
            ++k;
        }
    }
    o.movers.resize(k);
    o.at_good.resize(k);
    o.at_bad.resize(k);
    return true;
}

double CappingSearch::unrounded_total(double x) const {
    const double cap = cap_at(x), s = scaling_at(x);
    double d = 0;
    for (const Mover& m : moving_)
        d += capping_deduction(capping_excess(m.cappable, m.change, cap, m.pp0, m.nor), s, m.limit);
    return static_cast<double>(fixed_pence_) / 100.0 - d;
}

// The unrounded total is cheap (no rounding, no division) and within `slack` of the total: each school's
// pennies are within half a penny and a millionth of its deduction, and the sum's own error is far below a
// penny. So while it is further than that from the money, it tells which side of the boundary x is on:
// a secant from both ends, aiming one and a half times the slack either side of the money, brings the
// bracket's totals within four times the slack of each other.
Bracket CappingSearch::near(double available) const {
    const double slack = 0.00501 * static_cast<double>(moving_.size()) + 0.01;
    // The limits' exact totals weight the first secant (any weights would do: only where a point lands
    // depends on them, and its side is read from its own unrounded total).
    double g = limits_.good, b = limits_.bad, tg = limits_.total_good, tb = limits_.total_bad;
    for (int i = 0; i < 8 && tb - tg > 4 * slack; ++i) {
        bool moved = false;
        for (const double aim : {available - 1.5 * slack, available + 1.5 * slack}) {
            const double x = g + (b - g) * ((aim - tg) / (tb - tg));
            if (!((x > g && x < b) || (x < g && x > b))) continue;
            const double t = unrounded_total(x);
            if (t <= available - slack) {
                g = x;
                tg = t;
                moved = true;
            } else if (t > available + slack) {
                b = x;
                tb = t;
                moved = true;
            }
        }
        if (!moved) break;
    }
    return {g, b, tg, tb};
}

// Narrowed over the schools whose pennies still differ between the bracket's two ends: the set shrinks
// with the bracket, so most steps add up a few schools. The search starts from the bracket near() finds
// once its ends' exact totals confirm it, else from the limits. The totals are the exact totals, so the
// search ends on the pair any bracketing search finds. Should the pennies leave what a double sums
// exactly, the search goes on over every moving school as total_at counts them.
Bracket CappingSearch::boundary(double available) const {
    auto over_all = [&](double x) { return total_at(x); };
    auto go_on = [](bool) { return true; };
    if (!std::isfinite(limits_.total_good) || !std::isfinite(limits_.total_bad) || !at_limits_.exact)
        return narrow(limits_, available, over_all, go_on);
    Open o;
    Bracket start = near(available);
    bool closer = false;
    if (start.good != limits_.good || start.bad != limits_.bad) {
        o.movers = moving_;
        o.base = fixed_pence_;
        closer = pennies_at(o.movers, start.good, o.at_good) && pennies_at(o.movers, start.bad, o.at_bad) &&
                 exact_total(o.base, o.at_good, start.total_good) &&
                 exact_total(o.base, o.at_bad, start.total_bad) && start.total_good <= available &&
                 start.total_bad > available && fold(o);
    }
    if (!closer) {
        o = at_limits_;
        start = limits_;
    }
    std::vector<double> at_x;
    bool exact = true;
    const Bracket br = narrow(
        start, available,
        [&](double x) {
            double t = 0;
            exact = pennies_at(o.movers, x, at_x) && exact_total(o.base, at_x, t);
            return exact ? t : over_all(x);
        },
        [&](bool good_side) {
            if (!exact) return false;
            (good_side ? o.at_good : o.at_bad).swap(at_x);
            return exact = fold(o);
        });
    return exact ? br : narrow(br, available, over_all, go_on);
}

}  // namespace fundsim
