// The pass-through test (docs/early-years.md §2).
#include "engine/early_years/pass_through.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

EyPassThrough pass_through_test(std::int64_t passed, std::int64_t allocation, double minimum) {
    EyPassThrough t;
    t.passed = passed;
    t.allocation = allocation;
    t.minimum = minimum;
    t.needed = whole_pennies(minimum * static_cast<double>(allocation) / 100.0);
    t.share = allocation > 0 ? static_cast<double>(passed) / static_cast<double>(allocation) : 0.0;
    t.pass = passed >= t.needed;
    t.shortfall = t.pass ? 0 : t.needed - passed;
    return t;
}

}  // namespace fundsim
