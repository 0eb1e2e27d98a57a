// A realistic synthetic local authority (phases, sizes, deprivation, premises, baselines), for demos,
// tests and benchmarks: the same seed gives the same census, byte for byte, on every machine.
#pragma once

#include <cstdint>
#include <string>

#include "engine/formula/formula.hpp"

namespace fundsim {

struct SynthOptions {
    std::size_t schools = 550;
    std::uint64_t seed = 1;
    std::int64_t first_urn = 100001;
    int la_code = 881;
    // With a formula, MFG baselines and prior-year budgets are drawn near the formula's own per-pupil
    // values for each school; without one, near a typical English per-pupil level.
    const Formula* formula = nullptr;
};

// Returns the census as CSV text (docs/interfaces.md §1).
std::string synth_census_csv(const SynthOptions& opt);

}  // namespace fundsim
