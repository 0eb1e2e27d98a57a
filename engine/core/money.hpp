// Money rules of docs/funding-model.md §7: amounts are carried unrounded in double precision and every
// reported line is rounded half away from zero to the penny.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace fundsim {

// std::round (half away from zero), the same value bit for bit, without the library call: the solver
// rounds a deduction per school per step, and the call was a quarter of a sweep's time. The step away
// from zero is chosen by arithmetic, not a branch: whether a fraction is past a half is a coin toss to
// the processor, and its wrong guesses were most of a sweep's rounding time.
inline double round_half_away(double x) {
    if (!(std::fabs(x) < 0x1p52)) return x;  // every double this large is whole; NaN and infinities stay
    const double t = static_cast<double>(static_cast<long long>(x));  // toward zero, never -0
    const double frac = x - t;                                        // exact
    const double up = frac >= 0.5 ? 1.0 : 0.0, down = frac <= -0.5 ? 1.0 : 0.0;
    return std::copysign(t + up - down, x);  // whole numbers: exact; -0.3 rounds to -0, as std::round does
}

// Half away from zero to the penny. The value is first cleared of binary noise at a millionth of a
// pound, so that a decimal half-penny such as 1.005 (held as 1.00499999...) rounds up as on paper.
inline double round_penny(double x) {
    double micro = round_half_away(x * 1e6);  // exact for |x| < 9e9
    return round_half_away(micro / 1e4) / 100.0;
}

inline Eigen::ArrayXd round_penny(const Eigen::ArrayXd& a) {
    return a.unaryExpr([](double v) { return round_penny(v); });
}

// Adds `pounds`, rounded half away from zero to whole pennies, to an exact running total of pennies.
// False (total unchanged) if the amount is not finite or the total would pass 2^62 pennies (£46 million
// billion): no budget is that large, and the caller reports it instead of overflowing (docs/funding-model.md
// §7).
inline bool add_pennies(long long& pence, double pounds) {
    const double p = round_half_away(pounds * 100.0);
    if (!(std::fabs(p) < 0x1p62)) return false;
    long long sum = 0;
    if (__builtin_add_overflow(pence, static_cast<long long>(p), &sum) || sum >= (1LL << 62) ||
        sum <= -(1LL << 62))
        return false;
    pence = sum;
    return true;
}

// Σ of amounts that are whole pennies, summed exactly as integers (a double sum of 20,000 budget shares
// can drift by a fraction of a penny, and the balance is judged to the penny).
inline double sum_pennies(const Eigen::ArrayXd& a) {
    long long pence = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        // An amount beyond exact pennies (or not a number) makes the total infinite: no budget can meet it,
        // so the solver moves away from it and calculate() refuses a final result that holds one.
        if (!add_pennies(pence, a[i])) return std::isnan(a[i]) ? a[i] : std::copysign(HUGE_VAL, a[i]);
    return static_cast<double>(pence) / 100.0;
}

// The most one school may hold or receive on one line, in pounds: a census money column above it is
// implausible (census.cpp), and a calculated line above it is refused (check_amounts). It keeps every
// exact penny sum of docs/funding-model.md §7 far inside the 2^62 pennies add_pennies allows.
constexpr double kMaxMoney = 1e10;

// Fractions reported to 6 decimal places (gain, MFG change).
inline double round6(double x) { return std::round(x * 1e6) / 1e6; }

// An amount as the whole pennies it is reported as (round_penny).
inline long long whole_pennies(double pounds) { return std::llround(round_penny(pounds) * 100.0); }

// Splits `target` (whole pennies) over parts whose exact values sum to it before rounding: each part
// is rounded to the penny and the odd pennies go to the largest remainders, so the parts shown add up
// to the line shown (docs/funding-model.md §7: every reported total is the sum of its rounded lines).
inline std::vector<double> apportion(const std::vector<double>& exact, double target) {
    const std::size_t n = exact.size();
    std::vector<long long> p(n);
    long long sum = 0;
    for (std::size_t k = 0; k < n; ++k) sum += (p[k] = whole_pennies(exact[k]));
    long long diff = whole_pennies(target) - sum;
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

}  // namespace fundsim
