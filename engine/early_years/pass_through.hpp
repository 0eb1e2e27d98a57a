// The pass-through test of docs/early-years.md §2: the share of the entitlement allocation passed to
// providers, against the formula's minimum; a failure is reported with its shortfall, never an error.
#pragma once

#include <cstdint>

namespace fundsim {

struct EyPassThrough {
    std::int64_t passed = 0;      // pennies: base + supplements + nursery school supplement + central lines
                                  // that count as passed
    std::int64_t allocation = 0;  // pennies: Σ allocation over the entitlement groups
    std::int64_t needed = 0;      // minimum × allocation, rounded to the penny
    double minimum = 0;
    double share = 0;  // passed ÷ allocation (0 when there is no allocation)
    bool pass = true;
    std::int64_t shortfall = 0;  // needed − passed when it fails, else 0
};

EyPassThrough pass_through_test(std::int64_t passed, std::int64_t allocation, double minimum);

}  // namespace fundsim
