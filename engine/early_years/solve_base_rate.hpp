// Balancing the early years block (docs/early-years.md §2): the three_four base rate, in steps of £0.001,
// as the highest at which the provider lines and the central lines fit in the allocation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fundsim {

// The rate in tenths of a penny (£0.001 steps; integers, so no step drifts) such that
//   fixed + Σ_i base_line(rate, hours_three_four[i]) ≤ allocation   and the next step breaks it.
// `fixed`: every other line of the balance (pennies): other groups' base, supplements, nursery school
// supplement, central lines. Unaffordable (an Error of that kind naming `file`) when even a rate of 0 does
// not fit; an input error when there are no three_four hours to pay.
std::int64_t solve_three_four_rate(const std::vector<double>& hours_three_four, std::int64_t fixed,
                                   std::int64_t allocation, const std::string& file);

// The left side of the balance at `rate_tenths` (what the solver tests; the tests read it too).
std::int64_t balance_spend(const std::vector<double>& hours_three_four, std::int64_t fixed,
                           std::int64_t rate_tenths);

}  // namespace fundsim
