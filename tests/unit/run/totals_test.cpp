// Totals of a result (engine/run/totals.cpp): sums and counts over a group of schools, and changes
// against a baseline counted by the half-penny rule, on four schools worked by hand.
#include "engine/run/totals.hpp"

#include <catch2/catch.hpp>

#include "tests/support.hpp"

namespace run_totals_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Budget share = base (one `actual` factor, no protections). Against prior_year_budget: school 1 gains
// 10.00, school 2 loses 0.01, school 3 is unchanged, school 4 has no prior-year budget.
const char* kCensus =
    "urn,phase,status,area,nor_primary,nor_ks3,nor_ks4,base,prior_year_budget\n"
    "1,primary,maintained,North,100,0,0,500000,499990\n"
    "2,primary,academy,North,200,0,0,800000.00,800000.01\n"
    "3,secondary,maintained,South,0,300,200,2000000,2000000\n"
    "4,secondary,academy,South,0,100,100,900000,\n";

const char* kFormula = R"({"name": "totals", "factors": {"base": {"kind": "actual", "column": "base"}},
    "grants": {"g": {"kind": "per_pupil", "rate": {"primary": 1, "ks3": 2, "ks4": 3}}}})";

}  // namespace

TEST_CASE("a change under half a penny is no change", "[totals]") {
    CHECK(is_gain(0.005));
    CHECK_FALSE(is_gain(0.0049));
    CHECK(is_loss(-0.005));
    CHECK_FALSE(is_loss(-0.0049));
    CHECK_FALSE(is_gain(0.0));
    CHECK_FALSE(is_loss(0.0));
}

TEST_CASE("result totals: all schools, a group, and changes against a baseline", "[totals]") {
    Census census;
    const Result r = test::run_text(census, kCensus, test::formula_from(kFormula));
    const ResultTotals all = result_totals(r);
    CHECK(all.schools == 4);
    CHECK(all.pupils == 100 + 200 + 500 + 200);
    CHECK(all.budget_share == 4200000.0);
    CHECK(all.on_mfg == 0);
    CHECK(all.capped == 0);
    // Grant g: 100 + 200 primary at 1, 400 KS3 at 2, 300 KS4 at 3 = 300 + 800 + 900 = 2,000.
    REQUIRE(all.grants.size() == 1);
    CHECK(all.grants[0] == 2000.0);
    CHECK(all.gaining + all.losing + all.unchanged + all.no_baseline == 0);  // no baseline given

    const ResultTotals north = result_totals(r, [&](std::size_t k) { return census.area[k] == "North"; });
    CHECK(north.schools == 2);
    CHECK(north.budget_share == 1300000.0);

    const ResultTotals changes = result_totals(r, {}, &census.prior_year_budget);
    CHECK(changes.gaining == 1);
    CHECK(changes.losing == 1);
    CHECK(changes.unchanged == 1);
    CHECK(changes.no_baseline == 1);
    CHECK(changes.baseline_total == Approx(499990.0 + 800000.01 + 2000000.0).margin(1e-6));
    CHECK(changes.change_total == Approx(10.0 - 0.01).margin(1e-9));
}

}  // namespace run_totals_test
