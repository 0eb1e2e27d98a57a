// How much of the financial year a placement is on roll (docs/high-needs.md §2): whole months counted by
// the 1st-of-the-month rule, or days with both ends included.
#pragma once

#include <cstdint>

#include "engine/high_needs/financial_year.hpp"

namespace fundsim::hn {

enum class Proration { months, days };

// The time on roll within the year: `units` months of 12, or days of the year's 365 or 366.
struct OnRoll {
    int units = 0;
    int per_year = 12;
    double share() const { return static_cast<double>(units) / static_cast<double>(per_year); }
};

// `end` 0 means beyond the year (a blank end date). Dates are yyyymmdd; `start` <= `end` when end is given.
OnRoll time_on_roll(Proration p, const FinancialYear& fy, std::int32_t start, std::int32_t end);

}  // namespace fundsim::hn
