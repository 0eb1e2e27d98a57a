// A synthetic pupil-level census (docs/interfaces.md §4) with its school file and LSOA lookup, for demos,
// tests and benchmarks of `fundsim ingest`: deterministic per seed, streamed so national sizes fit in memory.
#pragma once

#include <cstdint>
#include <ostream>

#include "engine/ingest/ingest.hpp"
#include "engine/synth/synth.hpp"

namespace fundsim {

struct SynthPupilOptions {
    SynthOptions schools;  // the school-level draws, exactly as synth_census_csv makes them
    IdaciBands bands;      // each pupil's LSOA is drawn from the band the school-level census gives
    std::int32_t census_date = 20241003;  // yyyymmdd; an October (autumn) census day
    std::size_t lsoas = 32844;  // LSOAs in the lookup: England's count in IDACI 2019 (docs/funding-model.md
                                // §2 and docs/interfaces.md §4)
};

struct SynthPupilStats {
    std::size_t rows = 0;     // pupil rows written
    std::size_t counted = 0;  // of which Reception to Year 11 on a C or M enrolment
    std::size_t schools = 0;
    std::size_t mobility_short = 0;  // mobile pupils that could not be placed (see below); 0 normally
};

// Writes the three files. Ingested with the same bands and census date they give back the pupil numbers
// and every characteristic count of synth_census_csv(opt.schools), school by school, plus year groups.
// The extract also holds rows that do not count (N1/N2, Years 12-14, subsidiary S rows whose pupils are
// main-registered (M) at another school, guest G rows) and pupils with no LSOA. UPNs have the real
// 13-character shape (a letter and 12 digits) but are synthetic: the digits are a scrambled serial
// number and the letter is not a check letter. If the census date leaves a year group no possible mobile
// entry date (a census day in September, for a school's first year), fewer pupils are made mobile than
// the school-level census says, and `mobility_short` counts them.
SynthPupilStats synth_pupil_files(const SynthPupilOptions& opt, std::ostream& pupils, std::ostream& schools,
                                  std::ostream& lsoa_lookup);

}  // namespace fundsim
