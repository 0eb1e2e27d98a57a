// The breakdown of a factor for one school against numbers worked by hand: its pieces, their formula
// paths and provisional marks, and the notes on the non-linear rules.
#include "engine/factors/breakdown.hpp"

#include <catch2/catch.hpp>

#include "engine/core/money.hpp"
#include "tests/support.hpp"

namespace factors_breakdown_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// The four schools of factors_test.cpp, and a middle school with 4 primary and 2 secondary year groups.
const char* kCensus =
    "urn,name,phase,status,area,nor_primary,nor_ks3,nor_ks4,primary_year_groups,ks3_year_groups,ks4_year_"
    "groups,"
    "fsm_primary,fsm_secondary,idaci_a_primary,idaci_a_secondary,idaci_b_primary,idaci_b_secondary,"
    "mobility_primary,mobility_secondary,rates,split_sites_basic,split_sites_distance,london_fringe,"
    "reception_uplift\n"
    "1,Alpha,primary,maintained,North,200,0,0,,,,30,0,10,0,5,0,20,0,12000,0,0,0,3\n"
    "2,Beta,secondary,academy,North,0,600,400,,,,0,150,0,40,0,20,0,50,80000,1,1,1,0\n"
    "3,Gamma,middle,academy,South,120,120,0,2,2,0,10,10,0,0,0,0,5,5,9000,0,0,0,0\n"
    "4,Delta,all_through,maintained,South,420,300,200,,,,40,30,0,0,0,0,0,0,50000,0,0,1,0\n"
    "5,Epsilon,middle,maintained,South,120,60,0,4,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n";

const char* kFormula = R"({"name":"t","reception_uplift":true,"factors":{
  "basic":{"kind":"per_pupil","rate":{"primary":3847,"ks3":5422,"ks4":6113}},
  "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":495}},
  "idaci":{"kind":"banded","measure":"idaci","rate":{"a":{"primary":680,"secondary":945},"b":{"primary":515,"secondary":740}}},
  "mobility":{"kind":"per_unit_above_threshold","measure":"mobility","threshold":0.06,"rate":{"primary":960,"secondary":1380}},
  "lump":{"kind":"lump_sum","rate":{"primary":110000,"secondary":170000}},
  "lump_maintained":{"kind":"lump_sum","rate":{"primary":1000,"secondary":2000},"status":["maintained"]},
  "rates":{"kind":"actual","column":"rates"},
  "split_sites":{"kind":"per_column","rate":{"split_sites_basic":53700,"split_sites_distance":26800}},
  "cluster":{"kind":"allocation","pot":100000,"basis":"nor","areas":["South"]},
  "fringe":{"kind":"london_fringe","multiplier":1.0347,"factors":["basic","lump"]}},
  "provisional":[{"path":"/factors/basic/rate/primary","mark":"⚠"},
                 {"path":"/factors/idaci/rate/a","mark":"◐"},
                 "/factors/lump_maintained"]})";

struct Fixture {
    Census c;
    Formula f = test::formula_from(kFormula);
    Result r = test::run_text(c, kCensus, f);

    FactorBreakdown of(const std::string& id, std::size_t school, double k = 1) const {
        BreakdownOptions o;
        o.formula = &f;
        o.reception_uplift = f.reception_uplift;
        o.k = k;
        o.earlier = &r.factors.raw;
        return breakdown(f.factors[static_cast<std::size_t>(f.factor_index(id))], c, school, o);
    }
    double engine(const std::string& id, std::size_t school) const {
        return r.factors.raw[static_cast<std::size_t>(f.factor_index(id))][static_cast<Eigen::Index>(school)];
    }
};

template <class N>
const N* find_note(const FactorBreakdown& b) {
    for (const auto& n : b.notes)
        if (const N* p = std::get_if<N>(&n)) return p;
    return nullptr;
}

}  // namespace

TEST_CASE("breakdown: per_pupil pieces with their paths, marks and the reception uplift",
          "[factors][breakdown]") {
    Fixture x;
    const FactorBreakdown b = x.of("basic", 0);  // Alpha: 200 primary + 3 reception uplift
    REQUIRE(b.applies);
    REQUIRE(b.components.size() == 3);
    const Component& p = b.components[0];
    CHECK(p.label == "Primary pupils (R–Y6)");
    CHECK(p.column == "nor_primary");
    CHECK(p.rate.value == 3847);
    CHECK(p.rate.source.path == "/factors/basic/rate/primary");
    CHECK(p.rate.source.provisional);
    CHECK(p.rate.source.mark == "⚠");
    CHECK(p.count == 203);
    CHECK(p.amount == 780941);  // 3,847 × 203
    CHECK(b.components[1].rate.source.path == "/factors/basic/rate/ks3");
    CHECK_FALSE(b.components[1].rate.source.provisional);
    CHECK(b.components[2].label == "KS4 pupils (Y10–Y11)");
    const auto* up = find_note<note::ReceptionUplift>(b);
    REQUIRE(up);
    CHECK(up->pupils == 3);
    CHECK(b.amount() == x.engine("basic", 0));
}

TEST_CASE("breakdown: per_unit, banded and above-threshold counts", "[factors][breakdown]") {
    Fixture x;
    const FactorBreakdown fsm = x.of("fsm", 1);  // Beta: 150 secondary FSM × 495 = 74,250
    CHECK(fsm.components[1].label == "Secondary (fsm_secondary)");
    CHECK(fsm.components[1].count == 150);
    CHECK(fsm.amount() == 74250);

    const FactorBreakdown idaci = x.of("idaci", 1);  // Beta: 40 × 945 + 20 × 740 = 52,600
    REQUIRE(idaci.components.size() == 4);
    CHECK(idaci.components[1].label == "Band A, secondary");
    CHECK(idaci.components[1].column == "idaci_a_secondary");
    CHECK(idaci.components[1].rate.source.path == "/factors/idaci/rate/a/secondary");
    CHECK(idaci.components[1].rate.source.mark == "◐");  // marked through its parent /factors/idaci/rate/a
    CHECK(idaci.components[3].rate.source.path == "/factors/idaci/rate/b/secondary");
    CHECK_FALSE(idaci.components[3].rate.source.provisional);
    CHECK(idaci.amount() == 52600);

    // Alpha: 20 mobile of 200 pupils, above 6%: max(0, 20 − 12) = 8 funded units × 960 = 7,680.
    const FactorBreakdown mob = x.of("mobility", 0);
    CHECK(mob.components[0].label == "Primary funded units");
    CHECK(mob.components[0].count == 8);
    CHECK(mob.amount() == 7680);
    const auto* t = find_note<note::AboveThreshold>(mob);
    REQUIRE(t);
    CHECK(t->group == "primary");
    CHECK(t->units == 20);
    CHECK(t->pupils == 200);
    CHECK(t->funded == 8);
    CHECK(t->threshold.value == 0.06);
    CHECK(t->threshold.source.path == "/factors/mobility/threshold");
}

TEST_CASE("breakdown: the lump-sum rules of a middle and an all-through school", "[factors][breakdown]") {
    Fixture x;
    // Epsilon, 4 primary and 2 secondary year groups: (4 × 110,000 + 2 × 170,000) / 6 = 130,000.
    const FactorBreakdown mid = x.of("lump", 4);
    REQUIRE(mid.components.size() == 1);
    CHECK(mid.components[0].label == "Lump sum, Middle rate");
    CHECK(mid.components[0].rate.value == 130000);
    CHECK(mid.components[0].rate.source.path == "/factors/lump/rate");
    CHECK(mid.amount() == 130000);
    CHECK(x.engine("lump", 4) == 130000);
    const auto* m = find_note<note::MiddleLumpSum>(mid);
    REQUIRE(m);
    CHECK(m->primary_year_groups == 4);
    CHECK(m->secondary_year_groups == 2);
    CHECK(m->year_groups == 6);
    CHECK(m->primary.value == 110000);
    CHECK(m->secondary.source.path == "/factors/lump/rate/secondary");
    // Delta, all-through without its own rate: the secondary rate.
    const FactorBreakdown all = x.of("lump", 3);
    CHECK(all.components[0].label == "Lump sum, All-through rate");
    CHECK(all.components[0].rate.source.path == "/factors/lump/rate/secondary");
    CHECK(find_note<note::AllThroughLumpSum>(all));
    CHECK(all.amount() == 170000);
}

TEST_CASE("breakdown: a filtered-out school, and marks by parent path on whole segments",
          "[factors][breakdown]") {
    Fixture x;
    const FactorBreakdown beta = x.of("lump_maintained", 1);  // Beta is an academy
    CHECK_FALSE(beta.applies);
    CHECK(beta.components.empty());
    CHECK(beta.amount() == 0);
    CHECK(x.engine("lump_maintained", 1) == 0);
    // "/factors/lump_maintained" marks its own rates, not those of "/factors/lump" beside it.
    CHECK(x.of("lump_maintained", 0).components[0].rate.source.provisional);
    CHECK(x.of("lump_maintained", 0).components[0].rate.source.mark.empty());
    CHECK_FALSE(x.of("lump", 0).components[0].rate.source.provisional);
    CHECK_FALSE(provenance_of(&x.f, "/factors/lump_maintainedx").provisional);
}

TEST_CASE("breakdown: actual, per_column, allocation and London fringe", "[factors][breakdown]") {
    Fixture x;
    const FactorBreakdown rates = x.of("rates", 1);
    REQUIRE(rates.components.size() == 1);
    CHECK(rates.components[0].label == "Census rates");
    CHECK(rates.components[0].rate_unit == Unit::none);
    CHECK(rates.components[0].count_unit == Unit::money);
    CHECK(rates.amount() == 80000);

    const FactorBreakdown split = x.of("split_sites", 1);  // 53,700 + 26,800
    CHECK(split.components[1].label == "split_sites_distance");
    CHECK(split.components[1].rate.source.path == "/factors/split_sites/rate/split_sites_distance");
    CHECK(split.amount() == 80500);

    // South: Gamma 240 pupils and Delta 920 of 1,160; Gamma's share 100,000 × 240/1,160 = 20,689.655...
    const FactorBreakdown share = x.of("cluster", 2);
    const auto* a = find_note<note::Allocation>(share);
    REQUIRE(a);
    CHECK(a->eligible);
    CHECK(a->schools == 3);  // Gamma, Delta and Epsilon are in the South
    CHECK(a->school_basis == 240);
    CHECK(a->total_basis == 1340);  // 240 + 920 + 180
    CHECK(a->pot.source.path == "/factors/cluster/pot");
    CHECK(share.components[0].count == Approx(240.0 / 1340));
    CHECK(share.amount() == x.engine("cluster", 2));
    CHECK(std::fabs(share.amount() - 100000.0 * 240 / 1340) < 0.01);
    CHECK_FALSE(find_note<note::Allocation>(x.of("cluster", 0))->eligible);  // Alpha is in the North
    CHECK(x.of("cluster", 0).amount() == 0);

    // Beta is a fringe school: 0.0347 × (basic 5,698,400 + lump 170,000) = 0.0347 × 5,868,400 = 203,633.48.
    const FactorBreakdown fringe = x.of("fringe", 1);
    REQUIRE(fringe.components.size() == 1);
    CHECK(fringe.components[0].rate.value == Approx(0.0347));
    CHECK(fringe.components[0].rate.source.path == "/factors/fringe/multiplier");
    CHECK(fringe.components[0].rate.given == 1.0347);  // the number at that path
    CHECK(fringe.components[0].count == 5868400);
    CHECK(round_penny(fringe.amount()) == 203633.48);
    CHECK(fringe.amount() == x.engine("fringe", 1));
    const auto* fr = find_note<note::LondonFringe>(fringe);
    REQUIRE(fr);
    REQUIRE(fr->listed.size() == 2);
    CHECK(fr->listed[0].first == "basic");
    CHECK(fr->listed[0].second == 5698400);
    // Alpha is not: a note, and no piece.
    CHECK(x.of("fringe", 0).components.empty());
    CHECK(find_note<note::LondonFringe>(x.of("fringe", 0))->fringe == 0);
}

TEST_CASE("breakdown: money scaled by the factor multiplier k, the formula's value kept",
          "[factors][breakdown]") {
    Fixture x;
    const FactorBreakdown b = x.of("basic", 1, 0.5);  // Beta: KS3 600 × 5,422 × 0.5 = 1,626,600
    CHECK(b.k == 0.5);
    CHECK(b.components[1].rate.value == 2711);
    CHECK(b.components[1].rate.given == 5422);
    CHECK(b.components[1].amount == 1626600);
    CHECK(b.amount() == (5422.0 * 600 + 6113.0 * 400) * 0.5);
    // The fringe follows the (already scaled) amounts it lists and is not scaled again.
    CHECK(x.of("fringe", 1, 0.5).amount() == x.engine("fringe", 1));
}

TEST_CASE("breakdown: sparsity weights (docs/worked-examples.md vector 1)", "[factors][breakdown]") {
    Census c;
    Formula f = test::formula_from(
        R"({"name":"t","factors":{"sparsity":{"kind":"sparsity","year_group_taper":"nff","distance_taper":true,
      "maximum":{"primary":57400,"secondary":83400,"middle":52000,"all_through":83400},
      "distance_threshold":{"primary":2,"secondary":3,"middle":2,"all_through":2},
      "year_group_threshold":{"primary":21.4,"secondary":120,"middle":69.2,"all_through":62.5}}},
      "provisional":["/factors/sparsity/year_group_taper"]})");
    Result r = test::run_text(c,
                              "urn,phase,status,nor_primary,nor_ks3,nor_ks4,sparsity_distance\n"
                              "1,primary,maintained,84,0,0,1.8\n"
                              "2,primary,maintained,300,0,0,9\n",
                              f);
    BreakdownOptions o;
    o.formula = &f;
    // 84 pupils over 7 year groups: A = 12, year weight (21.4 − 12)/10.7; D = 1.8: distance weight 0.5.
    const FactorBreakdown b = breakdown(f.factors[0], c, 0, o);
    REQUIRE(b.components.size() == 1);
    CHECK(b.components[0].label == "Sparsity, Primary maximum × weights");
    CHECK(b.components[0].rate.source.path == "/factors/sparsity/maximum/primary");
    CHECK(b.components[0].count == Approx(0.8785047 * 0.5).epsilon(1e-7));
    CHECK(b.components[0].count_unit == Unit::weight);
    CHECK(b.amount() == r.factors.raw[0][0]);
    CHECK(round_penny(b.amount()) == 25213.08);
    const auto* n = find_note<note::Sparsity>(b);
    REQUIRE(n);
    CHECK(n->terms.average_year_group == 12);
    CHECK(n->distance == 1.8);
    CHECK(n->distance_threshold.source.path == "/factors/sparsity/distance_threshold/primary");
    CHECK(n->year_group_taper_source.provisional);
    // A = 300/7 is above the threshold 21.4: a note, and no piece.
    const FactorBreakdown big = breakdown(f.factors[0], c, 1, o);
    CHECK(big.components.empty());
    CHECK_FALSE(find_note<note::Sparsity>(big)->terms.eligible);
}

}  // namespace factors_breakdown_test
