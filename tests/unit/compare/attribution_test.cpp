// Attribution (engine/compare/compare.cpp, attribute()) when an option drops a factor the baseline has
// and adds one it lacks: the dropped factor's part is minus its baseline line, the new factor's part is
// its whole line, and the parts still add up to the change to the penny. Numbers worked by hand below.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/compare/compare.hpp"
#include "tests/support.hpp"

namespace compare_attribution_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Ashby (primary, MFG in both), Brook (secondary, capped in both), Castle (primary, new: no baseline).
// Counts with three decimals give amounts with a part of a penny, so the rounding of each line shows.
const char* kCensus =
    "urn,name,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary,eal3_primary,eal3_secondary,"
    "mfg_baseline_pupils,mfg_baseline_funding\n"
    "100001,Ashby Primary,primary,maintained,200,0,0,40.373,0,30.211,0,195,604500\n"
    "100002,Brook High,secondary,academy,0,300,200,0,80.5,0,45.25,500,2100000\n"
    "100003,Castle Primary,primary,maintained,100,0,0,10,0,5,0,,\n";

// Both formulas: basic entitlement, a lump sum, MPPL (never reached here), MFG 0% without the lump sum,
// gains above 2% scaled back by half. The baseline pays FSM; the option drops it and pays EAL instead.
std::string formula(bool option) {
    const std::string targeted =
        option ? R"("eal":{"kind":"per_unit","measure":"eal3","rate":{"primary":595,"secondary":1400}},)"
               : R"("fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":700}},)";
    return std::string(R"({"name":")") + (option ? "EAL instead of FSM" : "Baseline") + R"(","factors":{
      "basic_entitlement":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4000,"ks4":4500}},)" +
           targeted + R"(
      "lump_sum":{"kind":"lump_sum","rate":{"primary":100000,"secondary":120000}}},
      "mppl":{"level":{"primary":3000,"ks3":4200,"ks4":4400}},
      "mfg":{"percent":0.0,"excludes":["lump_sum"]},"capping":{"cap":0.02,"scaling":0.5}})";
}

double part(const ScenarioResult& s, const std::string& label, Eigen::Index i) {
    for (std::size_t p = 0; p < s.attribution.labels.size(); ++p)
        if (s.attribution.labels[p] == label) return s.attribution.parts[p][i];
    FAIL("no attribution part " << label);
    return 0;
}

}  // namespace

TEST_CASE("attribution: an option that drops a factor and adds another still adds up to the change",
          "[compare]") {
    Census census = census_from_csv_text(kCensus, "census.csv");
    const Comparison cmp = compare(census, test::formula_from(formula(false)), "Baseline",
                                   {{"option.json", test::formula_from(formula(true))}});
    REQUIRE(cmp.scenarios.size() == 1);
    const ScenarioResult& s = cmp.scenarios[0];

    // The option's factors in its order, then the baseline's factor it dropped, then the protections.
    CHECK(s.attribution.labels ==
          std::vector<std::string>{"basic_entitlement", "eal", "lump_sum", "fsm", "mppl", "mfg", "capping"});

    // Ashby, 200 pupils, pp0 = 604,500 / 195 = 3,100.
    //   Baseline: basic 600,000; FSM 40.373 x 495 = 19,984.635 -> 19,984.64; lump sum 100,000.
    //     pp1 = (600,000 + 19,984.635) / 200 = 3,099.923175 (lump sum excluded, unrounded lines);
    //     MFG (3,100 - 3,099.923175) x 200 = 15.365 -> 15.37; budget share 720,000.01.
    //   Option: EAL 30.211 x 595 = 17,975.545 -> 17,975.55; pp1 = 617,975.545 / 200 = 3,089.877725;
    //     MFG (3,100 - 3,089.877725) x 200 = 2,024.455 -> 2,024.46; budget share 720,000.01.
    //   Change 0.00 = EAL +17,975.55, FSM -19,984.64, MFG +2,009.09.
    CHECK(s.result.budget_share.amount[0] == Approx(720000.01).margin(1e-6));
    CHECK(cmp.baseline[0] == Approx(720000.01).margin(1e-6));
    CHECK(s.change[0] == 0.0);
    CHECK(part(s, "eal", 0) == 17975.55);
    CHECK(part(s, "fsm", 0) == -19984.64);
    CHECK(part(s, "mfg", 0) == 2009.09);
    CHECK(part(s, "basic_entitlement", 0) == 0.0);
    CHECK(part(s, "lump_sum", 0) == 0.0);
    CHECK(part(s, "capping", 0) == 0.0);

    // Brook, 500 pupils, pp0 = 2,100,000 / 500 = 4,200; level (3 x 4,200 + 2 x 4,400) / 5 = 4,280.
    //   Baseline: basic 300 x 4,000 + 200 x 4,500 = 2,100,000; FSM 80.5 x 700 = 56,350; lump sum 120,000.
    //     pp1 = 2,156,350 / 500 = 4,312.70, gain 2.6833%; excess (0.026833 - 0.02) x 4,200 x 500 = 14,350;
    //     deduction 0.5 x 14,350 = 7,175; budget share 2,276,350 - 7,175 = 2,269,175.
    //   Option: EAL 45.25 x 1,400 = 63,350; pp1 = 2,163,350 / 500 = 4,326.70, gain 3.0167%; excess
    //     21,350, deduction 10,675; budget share 2,283,350 - 10,675 = 2,272,675.
    //   Change +3,500 = EAL +63,350, FSM -56,350, capping -3,500 (3,500 more deducted).
    CHECK(s.change[1] == 3500.0);
    CHECK(part(s, "eal", 1) == 63350.0);
    CHECK(part(s, "fsm", 1) == -56350.0);
    CHECK(part(s, "capping", 1) == -3500.0);
    CHECK(part(s, "mfg", 1) == 0.0);

    // Castle, new (no MFG, no capping): 404,950 -> 402,975; change -1,975 = EAL +5 x 595 = +2,975, FSM
    // -10 x 495 = -4,950.
    CHECK(s.change[2] == -1975.0);
    CHECK(part(s, "eal", 2) == 2975.0);
    CHECK(part(s, "fsm", 2) == -4950.0);

    // For every school the parts add up to the change, to the penny (as whole pennies, exactly).
    for (Eigen::Index i = 0; i < 3; ++i) {
        long long sum = 0;
        for (const auto& p : s.attribution.parts) sum += std::llround(p[i] * 100);
        INFO("school " << i);
        CHECK(sum == std::llround(s.change[i] * 100));
        CHECK(part(s, "mppl", i) == 0.0);
    }
}

}  // namespace compare_attribution_test
