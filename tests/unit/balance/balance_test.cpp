// Balancing (docs/funding-model.md §5) on the reference's five-school LA (§3.6): uncapped total £13,112,500,
// available £13,052,500; exact break-even hard cap 4.247573%.
#include <catch2/catch.hpp>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace balance_balance_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {
using test::kFiveSchools;  // S1..S5 of the reference

std::string five_formula(const std::string& capping, const std::string& solve) {
    return R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},"premises":{"kind":"actual","column":"premises"}},
      "mfg":{"percent":0.0,"excludes":["premises"]},"capping":)" +
           capping + R"(,"budget":{"schools_block":13052500,"solve_for":)" + solve + "}}";
}
}  // namespace

TEST_CASE("five-school LA: uncapped total and MFG", "[balance]") {
    Census c;
    Result r =
        test::run_text(c, kFiveSchools, test::formula_from(five_formula(R"({"cap":0,"scaling":0})", "null")));
    CHECK(r.budget->total == 13112500.0);
    CHECK(r.mfg.topup[0] == 21000.0);
    CHECK(r.mfg.topup[2] == 15750.0);
    CHECK(r.budget->headroom == -60000.0);
}

TEST_CASE("five-school LA: hard cap at 4.24% leaves headroom £561.60", "[balance]") {
    Census c;
    Result r = test::run_text(c, kFiveSchools,
                              test::formula_from(five_formula(R"({"cap":0.0424,"scaling":1})", "null")));
    CHECK(r.capping.deduction[1] == 19521.60);
    CHECK(r.capping.deduction[3] == 41040.00);
    CHECK(r.budget_share.amount[1] == 2136478.40);
    CHECK(r.budget_share.amount[3] == 5748960.00);
    CHECK(r.budget->total == 13051938.40);
    CHECK(r.budget->headroom == 561.60);
}

TEST_CASE("five-school LA: 50% scaling at a 3.43% cap leaves headroom £315.60", "[balance]") {
    Census c;
    Result r = test::run_text(c, kFiveSchools,
                              test::formula_from(five_formula(R"({"cap":0.0343,"scaling":0.5})", "null")));
    CHECK(r.capping.deduction[1] == 17925.60);
    CHECK(r.capping.deduction[3] == 42390.00);
    CHECK(r.budget->headroom == 315.60);
}

TEST_CASE("five-school LA: solving for the cap finds the break-even 4.247573%", "[balance]") {
    Census c;
    Result r = test::run_text(c, kFiveSchools,
                              test::formula_from(five_formula(R"({"cap":0,"scaling":1})", R"("cap")")));
    REQUIRE(r.budget->lever == Lever::cap);
    CHECK(r.budget->lever_value == Approx(0.04247573).margin(5e-9));
    CHECK(r.budget->headroom >= 0.0);
    CHECK(r.budget->headroom < 1.0);
    CHECK(check_invariants(r).empty());
}

TEST_CASE("five-school LA: solving for scaling and for a factor multiplier", "[balance]") {
    Census c;
    Result r = test::run_text(c, kFiveSchools,
                              test::formula_from(five_formula(R"({"cap":0,"scaling":0})", R"("scaling")")));
    CHECK(r.budget->headroom >= 0.0);
    CHECK(r.budget->headroom < 1.0);
    // Excess at cap 0: S2 250 x 420 = 105,000, S4 300 x 900 = 270,000, S5 150 x 630 = 94,500 -> 469,500;
    // scaling must remove 60,000: s = 60,000 / 469,500 = 0.1277955
    CHECK(r.budget->lever_value == Approx(60000.0 / 469500.0).epsilon(1e-6));
    CHECK(check_invariants(r).empty());

    Census c2;
    Formula fm = test::formula_from(
        R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},"premises":{"kind":"actual","column":"premises"},
      "uplift":{"kind":"per_pupil","rate":{"primary":100,"ks3":100,"ks4":100}}},
      "mfg":{"percent":0.0,"excludes":["premises"]},"capping":{"cap":0,"scaling":0},
      "budget":{"schools_block":13300000,"solve_for":"factor_multiplier","factors":["uplift"]}})");
    Result m = test::run_text(c2, kFiveSchools, fm);
    CHECK(m.budget->headroom >= 0.0);
    CHECK(m.budget->headroom < 1.0);
    CHECK(m.multiplier > 0.0);
    CHECK(check_invariants(m).empty());
}

TEST_CASE("an unaffordable budget is an error stating the shortfall", "[balance]") {
    Census c;
    Formula f = test::formula_from(
        R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},"premises":{"kind":"actual","column":"premises"}},
      "mfg":{"percent":0.0,"excludes":["premises"]},"capping":{"cap":0,"scaling":0},
      "budget":{"schools_block":12000000,"solve_for":"scaling"}})");
    try {
        test::run_text(c, kFiveSchools, f);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::unaffordable);
        const std::string m = e.what();
        CHECK(m.find("cannot be balanced by scaling") != std::string::npos);
        // At full scaling with a cap at 0 every gain goes: total = Σ max(baseline, formula) = 12,643,000
        CHECK(m.find("£12643000.00") != std::string::npos);
        CHECK(m.find("by £643000.00") != std::string::npos);
    }
}

}  // namespace balance_balance_test
