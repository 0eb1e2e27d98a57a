// High needs options against a baseline (docs/high-needs.md §6): an option equal to the baseline changes
// nothing; a band-rate change and more places worked by hand to the penny; a provider on one side only; an
// option that breaks the formula reported in the scenario at /changes/...
#include "engine/compare/hn_compare.hpp"

#include <catch2/catch.hpp>

#include "engine/high_needs/hn_scenario.hpp"
#include "tests/unit/high_needs/hn_fixture.hpp"

namespace hn_compare_hn_compare_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test;

namespace {

const char* kProviders =
    "urn,name,setting,la,places_before,places_after,funded_by\n"
    "1001,Oak Special,special,881,100,110,la\n"
    "1002,Birch Academy,special,881,20,20,dfe\n"
    "1003,Ash RP,resourced_provision,881,12,14,la\n";
// 1001: band 3 all year (14,000) and band 3 from 1 January (3/12: 3,500); 1002: band 3 at FTE 0.5 (7,000);
// 1003: band 2 of RP all year (8,000).
const char* kPlacements =
    "placement,provider,band,start,end,fte,rate\n"
    "A,1001,3,2024-09-01,,,\n"
    "B,1001,3,2026-01-01,,,\n"
    "C,1002,3,2024-09-01,,0.5,\n"
    "D,1003,2,2024-09-01,,,\n";

struct Files {
    TempDir dir{"hn-compare-test"};
    std::string base = dir.write("hn-base.json", hn_formula_text());
    std::string providers = dir.write("hn-providers.csv", kProviders);
    std::string placements = dir.write("hn-placements.csv", kPlacements);
    std::string scenario(const std::string& name, const std::string& body) const {
        return dir.write(name, R"({"name": ")" + name + R"(", "base": "hn-base.json", )" + body + "}");
    }
};

const hn::HnProviderChange& row(const hn::HnOptionResult& o, std::int64_t urn) {
    for (const auto& r : o.providers)
        if (r.urn == urn) return r;
    FAIL("no row for " << urn);
    return o.providers.front();
}

}  // namespace

TEST_CASE("hn compare: an option equal to the baseline changes nothing", "[hn_compare]") {
    const Files f;
    const hn::Providers ps = hn::load_providers(f.providers);
    const hn::Placements pl = hn::load_placements(f.placements);
    const hn::HnOptionSource base = hn::load_hn_option(f.base);
    const hn::HnOptionSource same = hn::load_hn_option(f.scenario("same.json", R"("changes": {})"));
    REQUIRE(same.is_scenario);
    const hn::HnComparison c = hn::compare_high_needs(
        {"base", f.base, &base.formula, &ps, &pl}, {{"same", "same.json", &same.formula, &ps, &pl}},
        hn::PositionInputs{.allocation = 5'000'000, .transfers_in = 0});
    REQUIRE(c.options.size() == 1);
    const hn::HnOptionResult& o = c.options[0];
    REQUIRE(o.providers.size() == 3);
    for (const auto& r : o.providers) {
        CHECK(r.in_baseline);
        CHECK(r.in_option);
        CHECK(r.change == 0);
        CHECK(r.option == r.baseline);
    }
    CHECK(o.unchanged == 3);
    CHECK(o.gaining == 0);
    CHECK(o.losing == 0);
    CHECK(o.largest_gain_urn == 0);
    CHECK(o.largest_loss_urn == 0);
    CHECK(o.total_change == 0);
    CHECK(o.position.spend_change == 0);
    CHECK(*o.position.available_change == 0);
    CHECK(*o.position.in_year_change == 0);
    CHECK(*o.position.in_year == *c.baseline.position.in_year);
}

TEST_CASE("hn compare: special band 3 from 14,000 to 15,000 and RP band 2 from 8,000 to 7,500, by hand",
          "[hn_compare]") {
    const Files f;
    const hn::Providers ps = hn::load_providers(f.providers);
    const hn::Placements pl = hn::load_placements(f.placements);
    const hn::HnOptionSource base = hn::load_hn_option(f.base);
    const hn::HnOptionSource opt = hn::load_hn_option(
        f.scenario("bands.json",
                   R"("changes": {"bands": {"special": {"3": 15000}, "resourced_provision": {"2": 7500}}})"));
    const hn::HnComparison c = hn::compare_high_needs({"base", f.base, &base.formula, &ps, &pl},
                                                      {{"bands", "bands.json", &opt.formula, &ps, &pl}});
    const hn::HnOptionResult& o = c.options[0];
    // 1001: place funding 10,000 × (100 × 5 + 110 × 7) / 12 = 1,058,333.33, top-ups 14,000 + 3,500 →
    // 15,000 + 3,750: +1,250.00.
    CHECK(row(o, 1001).baseline == 1'075'833.33);
    CHECK(row(o, 1001).option == 1'077'083.33);
    CHECK(row(o, 1001).change == 1'250.00);
    CHECK(*row(o, 1001).change_pct == Approx(1250.0 / 1'075'833.33));
    // 1002 (place funding paid by the DfE, not from the LA): 7,000 → 7,500: +500.00.
    CHECK(row(o, 1002).baseline == 7'000.00);
    CHECK(row(o, 1002).change == 500.00);
    // 1003: 6,000 × (12 × 5 + 14 × 7) / 12 = 79,000 + 8,000 → 79,000 + 7,500: −500.00.
    CHECK(row(o, 1003).baseline == 87'000.00);
    CHECK(row(o, 1003).change == -500.00);
    CHECK(o.gaining == 2);
    CHECK(o.losing == 1);
    CHECK(o.unchanged == 0);
    CHECK(o.largest_gain_urn == 1001);
    CHECK(o.largest_gain == 1'250.00);
    CHECK(o.largest_loss_urn == 1003);
    CHECK(o.largest_loss == -500.00);
    CHECK(o.total_change == 1'250.00);
    CHECK(o.position.spend_change == 1'250.00);
    // No allocation: the available money and the in-year position are not known, nor their change.
    CHECK(!o.position.available_change);
    CHECK(!o.position.in_year_change);
}

TEST_CASE("hn compare: more places in an option's own providers file, and a provider on one side only",
          "[hn_compare]") {
    const Files f;
    f.dir.write("more.csv",
                "urn,name,setting,la,places_before,places_after,funded_by\n"
                "1001,Oak Special,special,881,100,130,la\n"
                "1002,Birch Academy,special,881,20,20,dfe\n"
                "1004,Willow Free School,special,881,0,12,dfe\n");
    const hn::Providers ps = hn::load_providers(f.providers);
    // The option has no Ash RP: its placement D goes too.
    const hn::Placements pl = hn::load_placements(f.placements);
    const hn::Placements pl2 =
        hn::load_placements(f.dir.write("more-placements.csv",
                                        "placement,provider,band,start,end,fte,rate\nA,1001,3,2024-09-01,,,\n"
                                        "B,1001,3,2026-01-01,,,\nC,1002,3,2024-09-01,,0.5,\n"));
    const hn::HnOptionSource base = hn::load_hn_option(f.base);
    const hn::HnOptionSource opt = hn::load_hn_option(f.scenario(
        "more.json", R"("providers": "more.csv", "placements": "more-placements.csv", "changes": {})"));
    CHECK(opt.providers_path == f.dir / "more.csv");
    CHECK(opt.placements_path == f.dir / "more-placements.csv");
    const hn::Providers ps2 = hn::load_providers(opt.providers_path);
    const hn::HnComparison c = hn::compare_high_needs(
        {"base", f.base, &base.formula, &ps, &pl}, {{"more", "more.json", &opt.formula, &ps2, &pl2}},
        hn::PositionInputs{.allocation = 5'000'000, .transfers_in = 0});
    const hn::HnOptionResult& o = c.options[0];
    REQUIRE(o.providers.size() == 4);  // the baseline's three in file order, then the new one
    CHECK(o.providers[3].urn == 1004);
    // 1001: 10,000 × (100 × 5 + 130 × 7) / 12 = 1,175,000.00 against 1,058,333.33: +116,666.67.
    CHECK(row(o, 1001).change == 116'666.67);
    // 1003 is not in the option: 87,000.00 → 0.
    CHECK(!row(o, 1003).in_option);
    CHECK(row(o, 1003).option == 0);
    CHECK(row(o, 1003).change == -87'000.00);
    // 1004 is new, funded by the DfE and without placements: 0 from the LA on both sides; its 10,000 × 12 ×
    // 7 / 12 = 70,000.00 is deducted from the allocation, so available falls by that.
    CHECK(!row(o, 1004).in_baseline);
    CHECK(row(o, 1004).change == 0);
    CHECK(!row(o, 1004).change_pct);
    CHECK(*o.position.available_change == -70'000.00);
    // spend: +116,666.67 − 87,000.00 = +29,666.67; in-year: −70,000.00 − 29,666.67 = −99,666.67.
    CHECK(o.position.spend_change == 29'666.67);
    CHECK(*o.position.in_year_change == -99'666.67);
    CHECK(o.gaining == 1);
    CHECK(o.losing == 1);
    CHECK(o.unchanged == 2);
}

TEST_CASE("hn compare: an option that breaks the formula is reported in the scenario at /changes/...",
          "[hn_compare]") {
    const Files f;
    CHECK_THROWS_WITH(
        hn::load_hn_option(f.scenario("neg.json", R"("changes": {"bands": {"special": {"3": -15000}}})")),
        Catch::Contains("neg.json: at /changes/bands/special/3: must not be negative"));
    CHECK_THROWS_WITH(hn::load_hn_option(f.scenario("key.json", R"("changes": {"place_rate": {"fe": 1}})")),
                      Catch::Contains("key.json: at /changes/place_rate"));
    CHECK_THROWS_WITH(hn::load_hn_option(f.scenario("prov.json", R"("providers": 3, "changes": {})")),
                      Catch::Contains("prov.json: at /providers: expected the path of a CSV file"));
    // An error at a path the changes did not write is the base's (here: the base itself is untouched).
    CHECK_NOTHROW(hn::load_hn_option(f.scenario("ok.json", R"("changes": {"proration": "days"})")));
}

}  // namespace hn_compare_hn_compare_test
