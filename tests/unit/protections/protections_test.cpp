// MPPL, MFG and capping (docs/funding-model.md §4) against the spec's checks and the reference's vectors.
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/support.hpp"

namespace protections_protections_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("MPPL: level by year groups and top-up (docs/worked-examples.md vector 2)", "[mppl]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{"funding":{"kind":"actual","column":"funding"},
      "rates":{"kind":"actual","column":"rates"}},
      "mppl":{"level":{"primary":4955,"secondary":6465},"excludes":["rates"]}})");
    Result r = test::run_text(c,
                              "urn,phase,status,nor_primary,nor_ks3,nor_ks4,funding,rates\n"
                              "1,primary,maintained,200,0,0,960000,5000\n"
                              "2,all_through,academy,700,300,200,7000000,0\n",
                              f);
    // Primary: counted 960,000 = 4,800/pupil; level 4,955 -> top-up (4,955 - 4,800) x 200 = 31,000 (rates
    // excluded)
    CHECK(r.mppl.level[0] == 4955.0);
    CHECK(r.mppl.topup[0] == 31000.0);
    // All-through 7 + 5 year groups: (7 x 4,955 + 5 x 6,465) / 12 = 5,584.17
    CHECK(std::round(r.mppl.level[1] * 100) / 100 == 5584.17);
    // 7,000,000 / 1,200 = 5,833.33 per pupil, above the level: no top-up
    CHECK(r.mppl.topup[1] == 0.0);
}

namespace {
Result mfg_school(Census& c, double percent) {
    Formula f = test::formula_from(
        std::string(R"({"name":"t","factors":{"funding":{"kind":"actual","column":"funding"}},
      "mfg":{"percent":)") +
        std::to_string(percent) + R"(,"excludes":[]}})");
    // B0 = 1,000,000 for N0 = 200 (pp0 5,000); C1 = 970,000 for N1 = 195 (pp1 4,974.36)
    return test::run_text(
        c,
        "urn,phase,status,nor_primary,nor_ks3,nor_ks4,funding,mfg_baseline_pupils,mfg_baseline_funding\n"
        "1,primary,maintained,195,0,0,970000,200,1000000\n",
        f);
}
}  // namespace

TEST_CASE("MFG: the reference's constructed vector at -0.5%, 0% and +0.5% (9.2 vector 3)", "[mfg]") {
    Census c1, c2, c3;
    // guarantee 4,975.00 x 195 = 970,125 -> 125.00
    CHECK(mfg_school(c1, -0.005).mfg.topup[0] == 125.00);
    // 5,000 x 195 = 975,000 -> 5,000.00
    CHECK(mfg_school(c2, 0.0).mfg.topup[0] == 5000.00);
    // 5,025 x 195 = 979,875 -> 9,875.00
    Result r = mfg_school(c3, 0.005);
    CHECK(r.mfg.topup[0] == 9875.00);
    CHECK(r.budget_share.amount[0] == 979875.00);
    CHECK(r.flags(0) == "mfg");
}

TEST_CASE("MFG: excluded factors come off the current total; new schools get none", "[mfg]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{"funding":{"kind":"actual","column":"funding"},
      "lump_sum":{"kind":"lump_sum","rate":{"primary":100000,"secondary":100000}}},
      "mfg":{"percent":0.0,"excludes":["lump_sum"]}})");
    Result r = test::run_text(
        c,
        "urn,phase,status,nor_primary,nor_ks3,nor_ks4,funding,mfg_baseline_pupils,mfg_baseline_funding\n"
        "1,primary,maintained,100,0,0,480000,100,500000\n"
        "2,primary,maintained,100,0,0,480000,,\n",
        f);
    // pp0 = 5,000; pp1 = (480,000 + 100,000 - 100,000)/100 = 4,800 -> top-up 200 x 100 = 20,000
    CHECK(r.mfg.topup[0] == 20000.0);
    CHECK(r.mfg.topup[1] == 0.0);
    CHECK(r.flags(1) == "new");
}

TEST_CASE("capping: the spec's real-LA check (2015-16)", "[capping]") {
    // cap 0, scaling 0.01474, pp0 4,869.02, gain 0.0923325 (the published pp1 5,318.58 is rounded),
    // nor 729: deduction 0.01474 x 0.0923325 x 4,869.02 x 729 = 4,830.82
    Census c;
    const double pp0 = 4869.02, nor = 729, gain = 0.0923325;
    char csv[512];
    std::snprintf(
        csv, sizeof csv,
        "urn,phase,status,nor_primary,nor_ks3,nor_ks4,funding,mfg_baseline_pupils,mfg_baseline_funding\n"
        "1,primary,maintained,729,0,0,%.10f,729,%.2f\n",
        pp0 * (1 + gain) * nor, pp0 * nor);
    Formula f = test::formula_from(R"({"name":"t","factors":{"funding":{"kind":"actual","column":"funding"}},
      "mfg":{"percent":-0.015,"excludes":[]},"capping":{"cap":0.0,"scaling":0.01474}})");
    Result r = test::run_text(c, csv, f);
    CHECK(std::round(r.mfg.change[0] * 1e7) / 1e7 == 0.0923325);
    CHECK(r.capping.deduction[0] == 4830.82);
    CHECK(r.flags(0) == "capped");
}

TEST_CASE("capping: never below the MPPL, growing schools exempt", "[capping]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{"funding":{"kind":"actual","column":"funding"}},
      "mppl":{"level":{"primary":5000,"secondary":6000},"excludes":[]},
      "mfg":{"percent":0.0,"excludes":[]},"capping":{"cap":0.0,"scaling":1.0}})");
    Result r = test::run_text(c,
                              "urn,phase,status,nor_primary,nor_ks3,nor_ks4,funding,mfg_baseline_pupils,mfg_"
                              "baseline_funding,growing\n"
                              "1,primary,maintained,100,0,0,510000,100,400000,0\n"
                              "2,primary,maintained,100,0,0,510000,100,400000,1\n",
                              f);
    // gain (5,100 - 4,000)/4,000 = 27.5%; a hard cap at 0 would take 110,000, but the MPPL level is
    // 5,000 x 100 = 500,000, so only 10,000 can go.
    CHECK(r.capping.gain_excess[0] == Approx(110000.0));
    CHECK(r.capping.deduction[0] == 10000.0);
    CHECK(r.budget_share.amount[0] == 500000.0);
    CHECK(r.capping.deduction[1] == 0.0);
    CHECK(check_invariants(r).empty());
}

}  // namespace protections_protections_test
