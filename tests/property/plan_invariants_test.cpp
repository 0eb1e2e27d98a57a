// Multi-year plans on random LAs (docs/multi-year.md §4): each year's census projected and run through the
// engine's self-check (§8 of the funding model), over 3 to 5 years, with the cohorts held steady (ratio 1,
// each intake the year group that leaves) so that invariant 2 can be checked school by school: pupils stay
// the same, and at an MFG of 0% every school's MFG-counted funding per pupil, with its top-up, is at least
// last year's budget share less the excluded lines, per pupil. Invariant 3, the chain, to the penny.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/number.hpp"
#include "engine/formula/parse.hpp"
#include "engine/run/calculate_checked.hpp"
#include "engine/years/census_history.hpp"
#include "engine/years/cohort.hpp"
#include "engine/years/plan_file.hpp"
#include "engine/years/project_census.hpp"
#include "tests/property/random_inputs.hpp"
#include "tests/support.hpp"

namespace property_plan_invariants_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Each school's intake next year: the pupils of the year group that leaves this year.
IntakeFile steady_intakes(const Census& c, const std::string& year) {
    IntakeFile in;
    in.file = "steady intakes";
    std::size_t col[12];
    for (std::size_t g = 0; g < 12; ++g)
        for (std::size_t j = 0; j < c.columns.size(); ++j)
            if (c.columns[j] == kYearColumns[g]) col[g] = j;
    for (std::size_t i = 0; i < c.size; ++i) {
        const auto e = static_cast<Eigen::Index>(i);
        YearCounts now{};
        for (std::size_t g = 0; g < 12; ++g) parse_number(c.cells[col[g]][i], now[g]);
        const CohortSpan span = cohort_span_of(now, c.yg_primary[e], c.yg_ks3[e], c.yg_ks4[e]);
        IntakeRow row;
        row.intake = now[static_cast<std::size_t>(span.last)];
        in.by_year[year][c.urn[i]] = row;
    }
    return in;
}

}  // namespace

TEST_CASE("plan: invariants 2, 3 and 6 on random LAs over 3 to 5 years", "[property][years]") {
    std::size_t schools_checked = 0, years_run = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        Rng rng(seed * 9091 + 17);
        proptest::CensusInfo info;
        info.schools = 1 + rng.below(120);
        info.year_groups = true;
        const std::string csv = proptest::random_census_csv(rng, info);
        Json doc = Json::parse(proptest::random_formula_json(rng, info, Lever::none));
        // The MFG at 0% with whatever the random formula excludes.
        Json excludes =
            doc.contains("mfg") && doc["mfg"].contains("excludes") ? doc["mfg"]["excludes"] : Json::array();
        doc["mfg"] = {{"percent", 0.0}, {"excludes", excludes}};
        const Formula f = parse_formula(doc, "random.json");
        Result r = calculate_checked(census_from_csv_text(csv, "random.csv"), f);
        const CohortRatios ratios = uniform_ratios(1.0);
        std::string year = "2025-26";
        const int years = 3 + static_cast<int>(rng.below(3));
        for (int t = 1; t < years; ++t) {
            std::string next;
            REQUIRE(next_financial_year(year, next));
            const IntakeFile intakes = steady_intakes(*r.census, next);
            ProjectionRule rule;
            rule.ratios = &ratios;
            rule.intakes = &intakes;
            const Projection p = project_pupils(*r.census, rule, next);
            BaselineRule b;
            b.excludes = f.mfg->excludes;
            const std::string text = projected_census_csv(r, p, b);
            INFO("seed " << seed << ", " << next << ", " << info.schools << " schools");
            // Invariant 6: each year passes the engine's self-check (it throws if not).
            Result r2 = calculate_checked(census_from_csv_text(text, next + "/census.csv"), f);
            ++years_run;
            REQUIRE(r2.size() == r.size());
            for (std::size_t i = 0; i < r.size(); ++i) {
                const auto e = static_cast<Eigen::Index>(i);
                const long j = r2.census->index_of(r.census->urn[i]);
                REQUIRE(j >= 0);
                const double nor = r2.census->nor[j];
                INFO("URN " << r.census->urn[i]);
                CHECK(std::fabs(nor - r.census->nor[e]) <= 1e-9 * std::max(1.0, nor));
                // Invariant 3: the baseline is last year's budget share less the excluded lines.
                CHECK(r2.census->mfg_baseline_funding[j] == chained_baseline_funding(r, i, b));
                CHECK(r2.census->mfg_baseline_pupils[j] == r.census->nor[e]);
                // Invariant 2: with the top-up (rounded to the penny), at least the baseline per pupil.
                CHECK(r2.mfg.pp1[j] + r2.mfg.topup[j] / nor >= r2.mfg.pp0[j] - 0.005 / nor - 1e-9);
                // The baseline per pupil is last year's budget share less the excluded lines, per pupil.
                CHECK(std::fabs(r2.mfg.pp0[j] - chained_baseline_funding(r, i, b) / r.census->nor[e]) <=
                      1e-9);
                ++schools_checked;
            }
            r = std::move(r2);
            year = next;
        }
    }
    CHECK(years_run >= 24);
    CHECK(schools_checked > 500);
}

}  // namespace property_plan_invariants_test
