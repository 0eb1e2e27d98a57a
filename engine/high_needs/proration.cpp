// The share of the year a placement's top-up is paid for (docs/high-needs.md §2).
#include "engine/high_needs/proration.hpp"

#include <algorithm>

namespace fundsim::hn {

namespace {

// docs/high-needs.md §2 `months`: a month of the year counts when the pupil is on roll on its 1st, and so
// does the month they start in if they start on or before its 15th.
int months_on_roll(const FinancialYear& fy, std::int32_t start, std::int32_t end) {
    int n = 0;
    for (int k = 0; k < 12; ++k) {
        const int month = (3 + k) % 12 + 1;  // April .. March
        const int year = fy.first + (k >= 9 ? 1 : 0);
        const std::int32_t first = year * 10000 + month * 100 + 1;
        const bool on_first = start <= first && (end == 0 || end >= first);
        const bool early_start = start / 100 == first / 100 && start % 100 <= 15;
        if (on_first || early_start) ++n;
    }
    return n;
}

// docs/high-needs.md §2 `days`: days on roll within the year, both ends included.
int days_on_roll(const FinancialYear& fy, std::int32_t start, std::int32_t end) {
    const std::int32_t from = std::max(start, fy.start);
    const std::int32_t to = end == 0 ? fy.end : std::min(end, fy.end);
    if (to < from) return 0;
    return static_cast<int>(day_number(to) - day_number(from) + 1);
}

}  // namespace

OnRoll time_on_roll(Proration p, const FinancialYear& fy, std::int32_t start, std::int32_t end) {
    if (p == Proration::months) return {months_on_roll(fy, start, end), 12};
    return {days_on_roll(fy, start, end), fy.days};
}

}  // namespace fundsim::hn
