// A synthetic early years market for the synthetic LA (docs/early-years.md §1 file formats): providers of
// every type and their termly hours for each entitlement, deterministic per seed.
#pragma once

#include <cstdint>
#include <string>

namespace fundsim {

struct SynthEarlyYearsOptions {
    std::size_t schools = 550;  // the census's size: the market is scaled to it
    std::uint64_t seed = 1;
};

// How many providers of each type an LA of `schools` schools has (docs/early-years.md §7 gives the
// reasoning): per 550 schools, 4 maintained nursery schools, 180 school nursery classes, 600 PVI
// settings and 600 childminders offering funded places; at least one of each.
struct SynthEarlyYearsCounts {
    std::size_t nursery_school = 0, school = 0, pvi = 0, childminder = 0;
};
SynthEarlyYearsCounts synth_early_years_counts(std::size_t schools);

struct SynthEarlyYearsFiles {
    std::string providers_csv, hours_csv;
    std::size_t providers = 0, rows = 0;
};

// ey-providers.csv (provider, name, type, area, quality_lump) and ey-hours.csv (provider, term,
// entitlement, children, hours, deprivation_hours, eypp_children, eypp_hours, daf_children).
SynthEarlyYearsFiles synth_early_years(const SynthEarlyYearsOptions& opt);

}  // namespace fundsim
