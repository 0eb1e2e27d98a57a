// libFuzzer target: any bytes as a pupil-level extract (docs/interfaces.md §4), ingested against a fixed
// school file, LSOA lookup and the shipped IDACI bands (fuzz/fixtures/), once stopping at the first bad row
// and once setting bad rows aside with a duplicate check small enough to spill to its temporary file; the
// school-level census it makes must then load and run. Only a clear InputError may stop it.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "engine/ingest/ingest.hpp"
#include "engine/ingest/ingest_summary.hpp"
#include "fuzz/fuzz_common.hpp"

namespace {

struct Fixture {
    std::string dir, pupils;
    fundsim::IdaciBands bands;
};

// The private folder's name, in plain storage: the exit handler runs after static objects are destroyed.
char g_dir[] = "/tmp/fundsim-fuzz-pupils-XXXXXX";
char g_pupils[sizeof g_dir + 16] = {};

// One private folder per process (the ingest reads files): the extract is rewritten for every input.
const Fixture& fixture() {
    static const Fixture f = [] {
        if (!mkdtemp(g_dir)) fundsim::fuzz::bug("cannot make a temporary folder");
        std::snprintf(g_pupils, sizeof g_pupils, "%s/pupils.csv", g_dir);
        std::atexit([] {
            std::remove(g_pupils);
            ::rmdir(g_dir);
        });
        Fixture x;
        x.dir = g_dir;
        x.pupils = g_pupils;
        x.bands = fundsim::load_idaci_bands(FUNDSIM_SOURCE_DIR "/data/lookups/idaci-bands-2025-26.json");
        return x;
    }();
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fundsim;
    const Fixture& fx = fixture();
    {
        std::ofstream out(fx.pupils, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!out) fuzz::bug("cannot write " + fx.pupils);
    }
    IngestOptions opt;
    opt.pupils = fx.pupils;
    opt.schools = FUNDSIM_SOURCE_DIR "/fuzz/fixtures/pupils_schools.csv";
    opt.idaci = FUNDSIM_SOURCE_DIR "/fuzz/fixtures/pupils_lsoa.csv";
    opt.bands = fx.bands;
    opt.census_date = 20241003;
    opt.temp_dir = fx.dir;
    // The first byte's low bits choose the mode (one ingest per input keeps the rate up): stop at the
    // first bad row or set bad rows aside, and hold the duplicate check in memory or spill it to its
    // temporary file after 4 pupils.
    const unsigned mode = size > 0 ? data[0] : 0;
    opt.set_aside = (mode & 1) != 0;
    opt.dedupe_memory_entries = (mode & 2) != 0 ? 4 : std::size_t{1} << 20;
    try {
        IngestResult r = ingest_pupil_census(opt);
        if (set_aside_csv(r.summary).empty() || ingest_summary_text(r.summary).empty())
            fuzz::bug("an empty report");
        Census census = census_from_csv_text(r.census_csv, "ingested.csv");
        fuzz::checked_run(census, fuzz::plain_formula());
    } catch (const InputError&) {
    }
    return 0;
}
