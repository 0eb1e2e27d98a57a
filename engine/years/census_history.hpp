// Cohort survival ratios from a file of past censuses (docs/multi-year.md §1, projection.ratio.history):
// per school and step, the mean over the last k years of count(g + 1, t + 1) / count(g, t).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "engine/years/cohort.hpp"

namespace fundsim {

struct CohortRatios {
    std::map<std::int64_t, StepRatios> by_school;  // a step the school has no history for is NaN
    StepRatios la{};                               // the LA's mean ratio of each step; 1 where none
    // The school's ratios, each step without history taking the LA's.
    StepRatios for_school(std::int64_t urn) const;
};

// The same ratio for every school and step.
CohortRatios uniform_ratios(double ratio);

// Reads `year, urn, nor_r … nor_y11` (year "2023-24" or 2023; one row per school and year) and averages
// the last `mean_of` year-to-year steps of the file. Errors name file, line, column and value.
CohortRatios load_census_history(const std::string& path, int mean_of);

}  // namespace fundsim
