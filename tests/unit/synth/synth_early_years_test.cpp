// The synthetic early years market (engine/synth/synth_early_years.hpp): the counts of docs/early-years.md
// §7, and a market the engine's own readers accept and pay under the example formula.
#include "engine/synth/synth_early_years.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/early_years/early_years.hpp"
#include "engine/early_years/parse_ey_formula.hpp"

namespace synth_synth_early_years_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("synthetic early years market: counts scale with the LA", "[synth][early_years]") {
    const SynthEarlyYearsCounts n = synth_early_years_counts(550);
    CHECK(n.nursery_school == 4);
    CHECK(n.school == 180);
    CHECK(n.pvi == 600);
    CHECK(n.childminder == 600);
    const SynthEarlyYearsCounts small = synth_early_years_counts(5);
    CHECK(small.nursery_school == 1);  // at least one of each
    CHECK(small.school == 2);
    CHECK(synth_early_years_counts(1100).pvi == 1200);
}

TEST_CASE("synthetic early years market: read back and paid under the example formula",
          "[synth][early_years]") {
    const SynthEarlyYearsFiles files = synth_early_years({550, 2025});
    CHECK(files.providers == 1384);
    CHECK(synth_early_years({550, 2025}).hours_csv == files.hours_csv);  // deterministic per seed
    CHECK(synth_early_years({550, 2026}).hours_csv != files.hours_csv);
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "fundsim_synth_ey_test";
    std::filesystem::create_directories(dir);
    std::ofstream((dir / "p.csv").string(), std::ios::binary) << files.providers_csv;
    std::ofstream((dir / "h.csv").string(), std::ios::binary) << files.hours_csv;
    const EyFormula f = load_ey_formula(std::string(FUNDSIM_SOURCE_DIR) + "/formulas/ey-2026-27.json");
    const EyProviders p = load_ey_providers((dir / "p.csv").string(), f);
    const EyHours h = load_ey_hours((dir / "h.csv").string(), f, p);  // every row within its limits
    std::filesystem::remove_all(dir);
    CHECK(h.rows.size() == files.rows);
    const EyResult r = calculate_early_years(f, p, h);
    // The example formula's allocation was derived from this market (seed 2025): the solved rate is near
    // Devon's £5.66 and the pass-through passes.
    REQUIRE(r.solved_tenths);
    CHECK(*r.solved_tenths > 5400);
    CHECK(*r.solved_tenths < 5900);
    CHECK(r.pass_through.pass);
    CHECK(r.supplement_share.within());
    CHECK(r.totals.eypp > 0);
    CHECK(r.totals.daf > 0);
    CHECK(r.totals.nursery_school_supp > 0);
}

}  // namespace synth_synth_early_years_test
