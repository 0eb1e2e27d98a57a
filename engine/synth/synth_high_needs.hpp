// A realistic synthetic high needs setting for a synthetic LA (docs/high-needs.md §1): special schools and
// AP, units and resourced provision in the census's mainstream schools, FE, independent and out-of-LA
// providers, and placements across bands with joiners and leavers; the same seed gives the same files.
#pragma once

#include <cstdint>
#include <string>

namespace fundsim {

struct SynthHighNeedsOptions {
    std::size_t schools = 550;  // the census's schools: the setting is scaled to them
    std::uint64_t seed = 1;
    std::int64_t first_urn = 100001;  // the census's first URN (its schools are first_urn + k)
    int la_code = 881;
    int year = 2025;             // the financial year starting 1 April of this year
    std::size_t placements = 0;  // 0: about 4,000 per 550 schools
};

struct SynthHighNeedsFiles {
    std::string providers_csv, placements_csv;
    std::size_t providers = 0, placements = 0;
};

// For 550 schools: about 20 special schools and AP, 30 units and resourced provisions in the census's
// mainstream schools, about 140 mainstream schools paid top-ups, 2 FE colleges, a few independent and
// out-of-LA providers, and about 4,000 placements.
SynthHighNeedsFiles synth_high_needs(const SynthHighNeedsOptions& opt);

}  // namespace fundsim
