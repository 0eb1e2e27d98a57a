// Calendar dates as they appear in input files: ISO "YYYY-MM-DD" read into the integer yyyymmdd, so that
// dates compare as integers. Inline because ingest reads one date for every pupil.
#pragma once

#include <cstdint>
#include <string_view>

#include "engine/core/number.hpp"

namespace fundsim {

// Days in month `m` (1-12) of year `y` in the Gregorian calendar (February 29 in leap years).
unsigned days_in_month(unsigned y, unsigned m);

// An ISO date "YYYY-MM-DD" (spaces around it allowed) as the integer yyyymmdd; false if the text is not
// a real calendar date from 1900 on (2023-02-29 is refused, 2024-02-29 accepted).
inline bool parse_iso_date(std::string_view t, std::int32_t& yyyymmdd) {
    if (t.size() != 10) t = trim(t);
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    unsigned v[8];
    const std::size_t pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        v[i] = static_cast<unsigned>(t[pos[i]] - '0');
        if (v[i] > 9) return false;
    }
    const unsigned y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5],
                   d = v[6] * 10 + v[7];
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    if (d > 28 && d > days_in_month(y, m)) return false;  // every month has 28 days: look only past them
    yyyymmdd = static_cast<std::int32_t>(y * 10000 + m * 100 + d);
    return true;
}

}  // namespace fundsim
