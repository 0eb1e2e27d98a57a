// The base rate solver (docs/early-years.md §2): bisection over whole tenths of a penny. The balance's
// spend never falls as the rate rises (each line is a non-negative number of hours × the rate, rounded),
// so the highest rate that fits is found exactly.
#include "engine/early_years/solve_base_rate.hpp"

#include <cstdio>

#include "engine/core/error.hpp"
#include "engine/early_years/payments.hpp"

namespace fundsim {

namespace {

// A rate above £1,000,000 an hour is no rate: the search stops there.
constexpr std::int64_t kMaxTenths = 1'000'000'000;

std::string pounds_text(std::int64_t pennies) {
    char b[64];
    std::snprintf(b, sizeof b, "£%.2f", static_cast<double>(pennies) / 100.0);
    return b;
}

}  // namespace

std::int64_t balance_spend(const std::vector<double>& hours_three_four, std::int64_t fixed,
                           std::int64_t rate_tenths) {
    // The rate from its integer count of tenths of a penny, afresh at every step: never accumulated.
    const double rate = static_cast<double>(rate_tenths) / 1000.0;
    std::int64_t s = fixed;
    // A rate far too high for the allocation may sum past 64 bits: such a spend only has to compare above
    // any allocation, so it saturates.
    for (double h : hours_three_four)
        if (__builtin_add_overflow(s, base_line(rate, h), &s)) return INT64_MAX;
    return s;
}

std::int64_t solve_three_four_rate(const std::vector<double>& hours_three_four, std::int64_t fixed,
                                   std::int64_t allocation, const std::string& file) {
    double total_hours = 0;
    for (double h : hours_three_four) total_hours += h;
    if (!(total_hours > 0))
        fail(file + ": budget/solve_for: there are no three_four hours to solve the base rate on");
    if (fixed > allocation)
        throw Error(
            Where{.file = file, .json_path = "/budget/allocation"},
            "the early years block cannot balance: even at a three_four base rate of £0.000 the other "
            "provider lines and the central lines (" +
                pounds_text(fixed) + ") exceed the allocation (" + pounds_text(allocation) + ") by " +
                pounds_text(fixed - allocation) + " (docs/early-years.md §2)",
            ErrorKind::unaffordable);
    auto fits = [&](std::int64_t t) { return balance_spend(hours_three_four, fixed, t) <= allocation; };
    std::int64_t lo = 0, hi = 1000;  // fits(lo); look for a hi that does not
    while (fits(hi)) {
        lo = hi;
        if (hi >= kMaxTenths)
            fail(file +
                 ": budget/allocation: the allocation would pay over £1,000,000 an hour for three_four "
                 "hours: check the allocation and the hours");
        hi *= 2;
    }
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

}  // namespace fundsim
