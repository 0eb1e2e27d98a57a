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

// Returns the census as CSV text (interfaces §1).
std::string synth_census_csv(const SynthOptions& opt);

// A small deterministic random source (SplitMix64), identical on every platform and library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    double normal();  // Box-Muller
    bool chance(double p) { return uniform() < p; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }

private:
    std::uint64_t s_;
};

}  // namespace fundsim
