// Financial years and day numbers for high needs (docs/high-needs.md §2).
#include "engine/high_needs/financial_year.hpp"

#include <cstdio>

namespace fundsim::hn {

std::optional<FinancialYear> financial_year_of(std::string_view year) {
    if (year.size() != 7 || year[4] != '-') return std::nullopt;
    int d[6];
    const std::size_t pos[6] = {0, 1, 2, 3, 5, 6};
    for (int i = 0; i < 6; ++i) {
        d[i] = year[pos[i]] - '0';
        if (d[i] < 0 || d[i] > 9) return std::nullopt;
    }
    const int first = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
    if (first < 1900 || first > 9998 || (first + 1) % 100 != d[4] * 10 + d[5]) return std::nullopt;
    FinancialYear fy;
    fy.first = first;
    fy.start = first * 10000 + 401;
    fy.end = (first + 1) * 10000 + 331;
    fy.days = static_cast<int>(day_number(fy.end) - day_number(fy.start) + 1);
    return fy;
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
std::int64_t day_number(std::int32_t yyyymmdd) {
    std::int64_t y = yyyymmdd / 10000;
    const std::int64_t m = (yyyymmdd / 100) % 100, d = yyyymmdd % 100;
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string iso_date(std::int32_t d) {
    if (d == 0) return "";
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", d / 10000, (d / 100) % 100, d % 100);
    return b;
}

}  // namespace fundsim::hn
