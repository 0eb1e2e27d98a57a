// The placements file of high needs (docs/high-needs.md §1, hn-placements.csv): one row per pupil placement
// the LA commissions, without names or pupil numbers, read strictly (file, line, column, value).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fundsim::hn {

struct Placement {
    std::string id;             // the placement's id (never a pupil identifier: a UPN-like id is refused)
    std::int64_t provider = 0;  // the provider's URN
    std::string band;           // may be blank when `rate` is given
    std::int32_t start = 0;     // yyyymmdd
    std::int32_t end = 0;       // yyyymmdd; 0 = beyond the year (blank)
    double fte = 1;
    std::optional<double> rate;  // an agreed annual top-up, overriding the band
    std::int64_t line = 0;       // its line in the file, for messages
};

struct Placements {
    std::string file;
    std::vector<Placement> rows;  // file order
};

// Reads hn-placements.csv. Columns placement, provider, band, start, end and the optional fte and rate,
// in any order (others are ignored). Which provider and band a row names is checked against the
// providers and the formula by calculate_high_needs, which also names this file and line.
Placements load_placements(const std::string& path);
// The same over a table in memory (one synth has made), named `name` in messages.
Placements placements_from_text(std::string_view text, const std::string& name);

}  // namespace fundsim::hn
