// Each factor kind of docs/funding-model.md §3 against numbers worked by hand.
#include <catch2/catch.hpp>

#include "tests/support.hpp"

namespace factors_factors_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {
const char* kCensus =
    "urn,name,phase,status,area,nor_primary,nor_ks3,nor_ks4,primary_year_groups,ks3_year_groups,ks4_year_"
    "groups,"
    "fsm_primary,fsm_secondary,idaci_a_primary,idaci_a_secondary,idaci_b_primary,idaci_b_secondary,"
    "mobility_primary,mobility_secondary,rates,split_sites_basic,split_sites_distance,london_fringe,"
    "reception_uplift\n"
    "1,Alpha,primary,maintained,North,200,0,0,,,,30,0,10,0,5,0,20,0,12000,0,0,0,3\n"
    "2,Beta,secondary,academy,North,0,600,400,,,,0,150,0,40,0,20,0,50,80000,1,1,1,0\n"
    "3,Gamma,middle,academy,South,120,120,0,2,2,0,10,10,0,0,0,0,5,5,9000,0,0,0,0\n"
    "4,Delta,all_through,maintained,South,420,300,200,,,,40,30,0,0,0,0,0,0,50000,0,0,1,0\n";
}  // namespace

TEST_CASE("per_pupil: rate by key stage, reception uplift in per-pupil factors only", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","reception_uplift":true,"factors":{
      "basic":{"kind":"per_pupil","rate":{"primary":3847,"ks3":5422,"ks4":6113}}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[0][0] == 3847.0 * 203);  // 200 + 3 January Reception starters = 780,941
    CHECK(r.factors.amount[0][1] == 5422.0 * 600 + 6113.0 * 400);  // 3,253,200 + 2,445,200 = 5,698,400
    CHECK(r.factors.amount[0][3] == 3847.0 * 420 + 5422.0 * 300 + 6113.0 * 400 / 2);
    CHECK(c.nor[0] == 200);  // nor keeps the October count
}

TEST_CASE("per_unit and banded: characteristic counts by group", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":495}},
      "idaci":{"kind":"banded","measure":"idaci","rate":{"a":{"primary":680,"secondary":945},"b":{"primary":515,"secondary":740}}}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[0][0] == 495.0 * 30);               // 14,850
    CHECK(r.factors.amount[0][2] == 495.0 * 20);               // 9,900
    CHECK(r.factors.amount[1][0] == 680.0 * 10 + 515.0 * 5);   // 6,800 + 2,575 = 9,375
    CHECK(r.factors.amount[1][1] == 945.0 * 40 + 740.0 * 20);  // 37,800 + 14,800 = 52,600
}

TEST_CASE("per_unit_above_threshold: mobility above 6% of each group (docs/worked-examples.md vector 4)",
          "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "mobility":{"kind":"per_unit_above_threshold","measure":"mobility","threshold":0.06,"rate":{"primary":960,"secondary":1380}}}})");
    Result r = test::run_text(c, kCensus, f);
    // NOR 200, 20 mobile: funded pupils max(0, 20 - 0.06 x 200) = 8 -> 8 x 960 = 7,680
    CHECK(r.factors.amount[0][0] == 7680.0);
    // secondary 1,000 pupils, 50 mobile: 50 - 60 < 0 -> nothing
    CHECK(r.factors.amount[0][1] == 0.0);
    // middle: primary 5 - 7.2 < 0; secondary 5 - 7.2 < 0
    CHECK(r.factors.amount[0][2] == 0.0);
}

TEST_CASE("lump_sum: middle and all-through rules as the APT", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "lump_sum":{"kind":"lump_sum","rate":{"primary":110000,"secondary":170000}}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[0][0] == 110000.0);
    CHECK(r.factors.amount[0][1] == 170000.0);
    CHECK(r.factors.amount[0][2] == 140000.0);  // 2+2 middle: (2 x 110k + 2 x 170k) / 4
    CHECK(r.factors.amount[0][3] == 170000.0);  // all-through without its own rate: secondary
    Formula g = test::formula_from(R"({"name":"t","factors":{
      "lump_sum":{"kind":"lump_sum","rate":{"primary":110000,"secondary":170000,"middle":150000,"all_through":160000}}}})");
    Census c2;
    Result r2 = test::run_text(c2, kCensus, g);
    CHECK(r2.factors.amount[0][2] == 150000.0);
    CHECK(r2.factors.amount[0][3] == 160000.0);
}

TEST_CASE("actual, per_column, london_fringe and filters", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "basic":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4000,"ks4":5000}},
      "lump":{"kind":"lump_sum","rate":{"primary":100000,"secondary":100000}, "status":["maintained"]},
      "rates":{"kind":"actual","column":"rates"},
      "split_sites":{"kind":"per_column","rate":{"split_sites_basic":53700,"split_sites_distance":26800}},
      "fringe":{"kind":"london_fringe","multiplier":1.0347,"factors":["basic","lump"]},
      "primary_only":{"kind":"per_pupil","rate":{"primary":10,"ks3":10,"ks4":10},"phases":["primary","middle"]}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[2][1] == 80000.0);
    CHECK(r.factors.amount[3][1] == 80500.0);  // 53,700 + 26,800
    CHECK(r.factors.amount[3][0] == 0.0);
    CHECK(r.factors.amount[1][1] == 0.0);  // academy: lump filtered to maintained schools
    CHECK(r.factors.amount[1][0] == 100000.0);
    // Beta is a fringe school: 0.0347 x basic (4000 x 600 + 5000 x 400 = 4,400,000) = 152,680
    CHECK(r.factors.amount[4][1] == 152680.0);
    // Delta is fringe and maintained: 0.0347 x (3000 x 420 + 4000 x 300 + 5000 x 200 + 100000) = 0.0347 x
    // 3,560,000 = 123,532
    CHECK(r.factors.amount[4][3] == 123532.0);
    CHECK(r.factors.amount[4][0] == 0.0);
    CHECK(r.factors.amount[5][0] == 2000.0);
    CHECK(r.factors.amount[5][1] == 0.0);
    CHECK(r.factors.amount[5][2] == 2400.0);
}

TEST_CASE("allocation: a pot shared by basis among filtered schools, adding up to the penny", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "cluster":{"kind":"allocation","pot":100000,"basis":"nor","areas":["South"]},
      "named":{"kind":"allocation","pot":1000,"basis":"school","urns":[1,2,4]}}})");
    Result r = test::run_text(c, kCensus, f);
    // South: Gamma 240 pupils, Delta 920 pupils; 100,000 x 240/1,160 = 20,689.655... -> pennies add to the
    // pot
    CHECK(r.factors.amount[0][0] == 0.0);
    CHECK(r.factors.amount[0][2] + r.factors.amount[0][3] == 100000.0);
    CHECK(r.factors.amount[0][2] == Approx(20689.66).margin(0.011));
    // Equal shares of 1,000 among 3 schools: 333.34 + 333.33 + 333.33
    CHECK(r.factors.amount[1][0] + r.factors.amount[1][1] + r.factors.amount[1][3] ==
          Approx(1000.0).margin(1e-9));
    CHECK(r.factors.amount[1][2] == 0.0);
}

}  // namespace factors_factors_test
