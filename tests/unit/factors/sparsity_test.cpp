// Sparsity (docs/funding-model.md §3.1) against hand-worked numbers.
#include "engine/factors/sparsity.hpp"

#include <catch2/catch.hpp>

#include "engine/core/money.hpp"
#include "tests/support.hpp"

namespace factors_sparsity_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {
Factor sparsity_factor(const std::string& taper, bool distance_taper) {
    Formula f =
        test::formula_from(R"({"name":"t","factors":{"sparsity":{"kind":"sparsity","year_group_taper":")" +
                           taper + R"(","distance_taper":)" + (distance_taper ? "true" : "false") + R"(,
      "maximum":{"primary":57400,"secondary":83400,"middle":52000,"all_through":83400},
      "distance_threshold":{"primary":2,"secondary":3,"middle":2,"all_through":2},
      "year_group_threshold":{"primary":21.4,"secondary":120,"middle":69.2,"all_through":62.5}}}})");
    return f.factors[0];
}
}  // namespace

TEST_CASE("sparsity: the spec's middle school check, linear taper", "[sparsity]") {
    // A = 49, B = 69.2, D = 6.33 >= T = 2: 52,000 x (1 - 49/69.2) = 52,000 x 0.2919075 = 15,179.19
    Factor f = sparsity_factor("linear", false);
    SparsityTerms t = sparsity_for(f, Phase::middle, 196, 4, 6.33);
    CHECK(t.eligible);
    CHECK(t.average_year_group == 49);
    CHECK(round_penny(t.amount) == 15179.19);
}

TEST_CASE("sparsity: primary NFF taper with the distance taper (docs/worked-examples.md vector 1)",
          "[sparsity]") {
    // NOR 84 over 7 year groups: A = 12 >= B/2 = 10.7 -> year weight (21.4 - 12)/10.7 = 0.8785047;
    // D = 1.8 between 0.8T = 1.6 and T = 2 -> distance weight (1.8 - 1.6)/0.4 = 0.5;
    // 57,400 x 0.8785047 x 0.5 = 25,213.08
    Factor f = sparsity_factor("nff", true);
    SparsityTerms t = sparsity_for(f, Phase::primary, 84, 7, 1.8);
    CHECK(t.eligible);
    CHECK(t.year_weight == Approx(0.8785047).epsilon(1e-7));
    CHECK(t.distance_weight == Approx(0.5));
    CHECK(round_penny(t.amount) == 25213.08);
    // The older linear taper: 57,400 x (1 - 12/21.4) x 0.5 = 12,606.54
    Factor lin = sparsity_factor("linear", true);
    CHECK(round_penny(sparsity_for(lin, Phase::primary, 84, 7, 1.8).amount) == 12606.54);
}

TEST_CASE("sparsity: eligibility edges", "[sparsity]") {
    Factor tapered = sparsity_factor("nff", true);
    Factor plain = sparsity_factor("nff", false);
    // Small primary, A = 5 < B/2: full year weight.
    CHECK(sparsity_for(tapered, Phase::primary, 35, 7, 2.0).amount == 57400);
    // Exactly 0.8T is not enough with the taper (needs D > 0.8T).
    CHECK_FALSE(sparsity_for(tapered, Phase::primary, 35, 7, 1.6).eligible);
    // Without the distance taper D must reach T.
    CHECK_FALSE(sparsity_for(plain, Phase::primary, 35, 7, 1.99).eligible);
    CHECK(sparsity_for(plain, Phase::primary, 35, 7, 2.0).eligible);
    // A school at the year-group threshold gets nothing (A < B needed).
    CHECK_FALSE(sparsity_for(tapered, Phase::primary, 21.4 * 7, 7, 5).eligible);
    // Secondary NFF taper is 1 - A/B: A = 60, B = 120 -> 83,400 x 0.5 = 41,700
    CHECK(sparsity_for(tapered, Phase::secondary, 300, 5, 4).amount == Approx(41700));
}

TEST_CASE("sparsity: the vectorised evaluation matches the per-school terms", "[sparsity]") {
    Census c;
    Formula f = test::formula_from(
        R"({"name":"t","factors":{"sparsity":{"kind":"sparsity","year_group_taper":"nff","distance_taper":true,
      "maximum":{"primary":57400,"secondary":83400,"middle":52000,"all_through":83400},
      "distance_threshold":{"primary":2,"secondary":3,"middle":2,"all_through":2},
      "year_group_threshold":{"primary":21.4,"secondary":120,"middle":69.2,"all_through":62.5}}}})");
    Result r = test::run_text(c,
                              "urn,phase,status,nor_primary,nor_ks3,nor_ks4,primary_year_groups,ks3_year_"
                              "groups,ks4_year_groups,sparsity_distance\n"
                              "1,primary,maintained,84,0,0,,,,1.8\n"
                              "2,middle,academy,98,98,0,2,2,0,6.33\n"
                              "3,secondary,academy,0,180,120,,,,2.7\n"
                              "4,primary,academy,300,0,0,,,,9\n",
                              f);
    CHECK(r.factors.amount[0][0] == 25213.08);
    // middle: A = 49, NFF taper for non-primary = linear: 52,000 x (1 - 49/69.2) = 15,179.19
    CHECK(r.factors.amount[0][1] == 15179.19);
    // secondary: A = 60, D = 2.7 -> distance weight (2.7 - 2.4)/0.6 = 0.5, year weight 0.5: 83,400 x 0.25 =
    // 20,850
    CHECK(r.factors.amount[0][2] == 20850.00);
    CHECK(r.factors.amount[0][3] == 0.0);
}

}  // namespace factors_sparsity_test
