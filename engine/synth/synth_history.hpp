// A synthetic LA's pupils by year group and its past censuses (docs/multi-year.md §1), for the demo's and
// the tests' multi-year plans: what a plan's cohort projection reads.
#pragma once

#include <cstdint>
#include <string>

namespace fundsim {

struct SynthHistory {
    std::string census_csv;   // the census with nor_r … nor_y11 added (they sum to its key-stage counts)
    std::string history_csv;  // year, urn, nor_r … nor_y11: the census's year and the `years` before it
};

// Splits each school's key-stage pupils of `census_csv` into year groups (whole pupils, a little uneven
// from year group to year group) and walks each cohort back `years` years with survival ratios near 1.
// `census_year` is the academic year the census counts (2024 for October 2024: "2024-25").
SynthHistory synth_year_groups(const std::string& census_csv, std::uint64_t seed, int years, int census_year);

}  // namespace fundsim
