// The financial year a high needs formula is for ("2025-26": 1 April 2025 to 31 March 2026) and the
// day arithmetic the proration of top-ups needs (docs/high-needs.md §2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fundsim::hn {

struct FinancialYear {
    int first = 0;           // the calendar year it starts in (2025 for "2025-26")
    std::int32_t start = 0;  // 1 April, as yyyymmdd
    std::int32_t end = 0;    // 31 March of the next calendar year, as yyyymmdd
    int days = 0;            // 365, or 366 when the year holds a 29 February
};

// "2025-26" (four digits, a hyphen, the next year's last two digits), or nothing.
std::optional<FinancialYear> financial_year_of(std::string_view year);

// Days since 1 January 1970 of a date held as yyyymmdd (the proleptic Gregorian calendar).
std::int64_t day_number(std::int32_t yyyymmdd);

// A yyyymmdd date as ISO text, YYYY-MM-DD; 0 (no date) as "".
std::string iso_date(std::int32_t yyyymmdd);

}  // namespace fundsim::hn
