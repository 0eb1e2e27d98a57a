// Early years options against a baseline (docs/early-years.md §8): an option equal to the baseline changes
// nothing; a rate change with each term's line rounded to the penny and a provider on one side only; paying
// on places with the base rate solved on each side; worked by hand to the penny; an option that breaks the
// formula reported in the scenario at /changes/...
#include "engine/compare/ey_compare.hpp"

#include <catch2/catch.hpp>

#include "tests/support.hpp"
#include "tests/unit/ey_compare/loaded_option.hpp"

namespace ey_compare_ey_compare_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test;

namespace {

// The golden case's base (tests/cases/compare_early_years): the three_four rate solved to an allocation of
// £150,000 less £4,000 kept centrally, a deprivation supplement of £0.13 an hour.
const char* kBase = R"({"name": "base", "base_rate": {"u2": 10.24, "two": 7.62, "three_four": 5.66},
  "supplements": {"deprivation": {"kind": "per_hour", "column": "deprivation_hours", "rate": 0.13,
                                  "groups": ["three_four"]}},
  "supplement_cap": 0.12, "term_weeks": {"summer": 13, "autumn": 14, "spring": 11},
  "pass_through": {"minimum": 0.97},
  "budget": {"allocation": {"u2": 0, "two": 0, "three_four": 150000},
             "central": {"sufficiency_and_admin": 4000}, "solve_for": "base_rate"}})";

const char* kProviders =
    "provider,name,type,area\nACORN,Acorn,school,North\nBEECH,Beech,pvi,South\nCEDAR,Cedar,childminder,"
    "North\n";

// 22, 20 and 2 children each taking 15 hours a week (570 h a year); the places file pays 26, 20 and 3.
std::string hours_csv(int acorn, int cedar) {
    std::string out = "provider,term,entitlement,children,hours,deprivation_hours\n";
    const int weeks[] = {13, 14, 11};
    const char* terms[] = {"summer", "autumn", "spring"};
    const int dep_acorn[] = {1170, 1260, 990}, dep_cedar[] = {195, 210, 165};
    for (int t = 0; t < 3; ++t) {
        const std::string term = terms[t];
        out += "ACORN," + term + ",three_four_universal," + std::to_string(acorn) + "," +
               std::to_string(acorn * 15 * weeks[t]) + "," + std::to_string(dep_acorn[t]) + "\n";
        out += "BEECH," + term + ",three_four_universal,20," + std::to_string(20 * 15 * weeks[t]) + ",0\n";
        out += "CEDAR," + term + ",three_four_universal," + std::to_string(cedar) + "," +
               std::to_string(cedar * 15 * weeks[t]) + "," + std::to_string(dep_cedar[t]) + "\n";
    }
    return out;
}

struct Files {
    TempDir dir{"ey-compare-test"};
    std::string base = dir.write("ey-base.json", kBase);
    std::string providers = dir.write("ey-providers.csv", kProviders);
    std::string hours = dir.write("ey-hours.csv", hours_csv(22, 2));
    std::string scenario(const std::string& name, const std::string& body) const {
        return dir.write(name, R"({"name": ")" + name + R"(", "base": "ey-base.json", )" + body + "}");
    }
};

const EyProviderChange& row(const EyOptionResult& o, const std::string& id) {
    for (const auto& r : o.providers)
        if (r.provider == id) return r;
    FAIL("no row for " << id);
    return o.providers.front();
}

}  // namespace

TEST_CASE("ey compare: an option equal to the baseline changes nothing", "[ey_compare]") {
    const Files f;
    const LoadedOption base(f.base, f.providers, f.hours);
    const LoadedOption same(f.scenario("same.json", R"("changes": {})"), f.providers, f.hours);
    REQUIRE(same.source.is_scenario);
    const EyComparison c = compare_early_years(base.as_case("base"), {same.as_case("same")});
    REQUIRE(c.options.size() == 1);
    const EyOptionResult& o = c.options[0];
    REQUIRE(o.providers.size() == 3);
    for (const auto& r : o.providers) {
        CHECK(r.in_baseline);
        CHECK(r.in_option);
        CHECK(r.change == 0);
        CHECK(r.option == r.baseline);
        CHECK(*r.change_pct == 0);
    }
    CHECK(o.tally.unchanged == 3);
    CHECK(o.tally.gaining + o.tally.losing == 0);
    CHECK(!o.tally.largest_gain_row);
    CHECK(!o.tally.largest_loss_row);
    CHECK(o.tally.total_change() == 0);
    CHECK(o.payments_change == 0);
    CHECK(o.headroom_change == 0);
    CHECK(o.three_four_rate_change == 0);
}

TEST_CASE("ey compare: a rate of £5.665 against £5.66, each term's line to the penny, providers on one side",
          "[ey_compare]") {
    const Files f;
    const std::string fixed = f.dir.write("fixed.json", R"({"name": "fixed",
      "base_rate": {"u2": 10.24, "two": 7.62, "three_four": 5.66}, "supplement_cap": null,
      "term_weeks": {"summer": 13, "autumn": 14, "spring": 11}, "pass_through": {"minimum": 0.97},
      "budget": {"allocation": {"u2": 0, "two": 0, "three_four": 100000}}})");
    const std::string p1 = f.dir.write("p1.csv", "provider,name,type,area\nP1,One,pvi,N\nP2,Two,school,N\n");
    const std::string h1 = f.dir.write("h1.csv",
                                       "provider,term,entitlement,children,hours\n"
                                       "P1,summer,three_four_universal,3,100.5\n"
                                       "P1,autumn,three_four_universal,3,200.5\n"
                                       "P2,summer,three_four_universal,1,10\n");
    f.dir.write("p2.csv", "provider,name,type,area\nP1,One,pvi,N\nP3,Three,childminder,S\n");
    f.dir.write("h2.csv",
                "provider,term,entitlement,children,hours\n"
                "P1,summer,three_four_universal,3,100.5\n"
                "P1,autumn,three_four_universal,3,200.5\n"
                "P3,summer,three_four_universal,1,7.5\n");
    const LoadedOption base(fixed, p1, h1);
    const LoadedOption opt(f.dir.write("rate.json", R"({"name": "rate", "base": "fixed.json",
      "providers": "p2.csv", "hours": "h2.csv", "changes": {"base_rate": {"three_four": 5.665}}})"),
                           p1, h1);
    CHECK(opt.source.file("providers") == f.dir / "p2.csv");
    CHECK(opt.source.file("hours") == f.dir / "h2.csv");
    const EyComparison c = compare_early_years(base.as_case("base"), {opt.as_case("rate")});
    const EyOptionResult& o = c.options[0];
    REQUIRE(o.providers.size() == 3);  // the baseline's two in file order, then the new one
    CHECK(o.providers[2].provider == "P3");
    // P1: 5.66 × 100.5 = 568.83 and 5.66 × 200.5 = 1,134.83 → 1,703.66; at 5.665: 569.3325 → 569.33 and
    // 1,135.8325 → 1,135.83 → 1,705.16 (the year's 301 h × 5.665 = 1,705.165 would round to 1,705.17).
    CHECK(row(o, "P1").baseline == 1'703.66);
    CHECK(row(o, "P1").option == 1'705.16);
    CHECK(row(o, "P1").change == 1.50);
    CHECK(*row(o, "P1").change_pct == Approx(1.50 / 1'703.66));
    // P2 is not in the option: 5.66 × 10 = 56.60 → 0.
    CHECK(!row(o, "P2").in_option);
    CHECK(row(o, "P2").change == -56.60);
    CHECK(*row(o, "P2").change_pct == -1);
    // P3 is new: 5.665 × 7.5 = 42.4875 → 42.49; no percentage on a baseline of 0.
    CHECK(!row(o, "P3").in_baseline);
    CHECK(row(o, "P3").change == 42.49);
    CHECK(!row(o, "P3").change_pct);
    CHECK(o.tally.gaining == 2);
    CHECK(o.tally.losing == 1);
    CHECK(o.providers[*o.tally.largest_gain_row].provider == "P3");
    CHECK(o.tally.largest_gain == 42.49);
    CHECK(o.providers[*o.tally.largest_loss_row].provider == "P2");
    CHECK(o.tally.largest_loss == -56.60);
    // 1.50 − 56.60 + 42.49 = −12.61: payments 1,747.65 against 1,760.26.
    CHECK(o.tally.total_change() == -12.61);
    CHECK(o.payments_change == -1261);
    CHECK(o.three_four_rate_change == 0.005);
}

TEST_CASE("ey compare: paying on places (seed 002), the base rate solved on each side, by hand",
          "[ey_compare]") {
    const Files f;
    f.dir.write("ey-hours-places.csv", hours_csv(26, 3));
    const LoadedOption base(f.base, f.providers, f.hours);
    const LoadedOption places(f.scenario("places.json", R"("hours": "ey-hours-places.csv", "changes": {})"),
                              f.providers, f.hours);
    const EyComparison c = compare_early_years(base.as_case("base"), {places.as_case("places")});
    // Hours 12,540 + 11,400 + 1,140 = 25,080; deprivation (3,420 + 570) × 0.13 = 518.70; the rate that fits
    // 150,000 − 4,000 − 518.70 = 145,481.30: 25,080 × 5.800 = 145,464.00 (5.801: 145,489.08).
    CHECK(c.baseline.three_four_rate == 5.800);
    CHECK(c.baseline.headroom == 1730);
    const EyOptionResult& o = c.options[0];
    // Places: 14,820 + 11,400 + 1,710 = 27,930 h; 27,930 × 5.208 = 145,459.44 (5.209: 145,487.37).
    CHECK(o.result.three_four_rate == 5.208);
    CHECK(o.result.headroom == 2186);
    CHECK(o.three_four_rate_change == -0.592);
    // ACORN: 12,540 × 5.80 + 444.60 = 73,176.60 → 14,820 × 5.208 + 444.60 = 77,627.16.
    CHECK(row(o, "ACORN").baseline == 73'176.60);
    CHECK(row(o, "ACORN").option == 77'627.16);
    CHECK(row(o, "ACORN").change == 4'450.56);
    // BEECH (full): 11,400 × 5.80 = 66,120.00 → 11,400 × 5.208 = 59,371.20.
    CHECK(row(o, "BEECH").change == -6'748.80);
    // CEDAR: 1,140 × 5.80 + 74.10 = 6,686.10 → 1,710 × 5.208 + 74.10 = 8,979.78.
    CHECK(row(o, "CEDAR").change == 2'293.68);
    CHECK(o.tally.gaining == 2);
    CHECK(o.tally.losing == 1);
    CHECK(o.tally.largest_gain == 4'450.56);
    CHECK(o.tally.largest_loss == -6'748.80);
    // −4.56 in all: the headroom rises from 17.30 to 21.86.
    CHECK(o.tally.total_change() == -4.56);
    CHECK(o.headroom_change == 456);
    CHECK(o.result.pass_through.pass);
}

TEST_CASE("ey compare: more kept centrally fails the pass-through, reported with its shortfall",
          "[ey_compare]") {
    const Files f;
    const LoadedOption base(f.base, f.providers, f.hours);
    const LoadedOption central(
        f.scenario("central.json", R"("changes": {"budget": {"central": {"sufficiency_and_admin": 5000}}})"),
        f.providers, f.hours);
    const EyComparison c = compare_early_years(base.as_case("base"), {central.as_case("central")});
    CHECK(c.baseline.pass_through.pass);
    const EyOptionResult& o = c.options[0];
    // 25,080 × 5.760 = 144,460.80 fits 144,481.30; passed 144,979.50 against 97% of 150,000 = 145,500.00.
    CHECK(o.result.three_four_rate == 5.760);
    CHECK(!o.result.pass_through.pass);
    CHECK(o.result.pass_through.shortfall == 52050);
    CHECK(o.passed_change == -100320);
    CHECK(o.tally.losing == 3);
    CHECK(!o.tally.largest_gain_row);
    CHECK(row(o, "ACORN").change == -501.60);  // 12,540 × 0.04
    CHECK(o.tally.largest_loss == -501.60);
}

TEST_CASE("ey compare: an option that breaks the formula is reported in the scenario at /changes/...",
          "[ey_compare]") {
    const Files f;
    CHECK_THROWS_WITH(
        load_ey_option(
            f.scenario("neg.json", R"("changes": {"supplements": {"deprivation": {"rate": -1}}})")),
        Catch::Contains("neg.json: at /changes/supplements/deprivation/rate: must not be negative"));
    CHECK_THROWS_WITH(load_ey_option(f.scenario("key.json", R"("changes": {"base_rates": {"u2": 1}})")),
                      Catch::Contains("key.json: at /changes/base_rates"));
    CHECK_THROWS_WITH(load_ey_option(f.scenario("hours.json", R"("hours": "", "changes": {})")),
                      Catch::Contains("hours.json: at /hours: expected the path of a CSV file"));
    // The option's supplement cap, breached by its changes, names the option being calculated.
    const LoadedOption base(f.base, f.providers, f.hours);
    const LoadedOption cap(f.scenario("cap.json", R"("changes": {"supplement_cap": 0.001})"), f.providers,
                           f.hours);
    CHECK_THROWS_WITH(compare_early_years(base.as_case("base"), {cap.as_case("cap")}),
                      Catch::Contains("while calculating the option") && Catch::Contains("cap.json"));
}

}  // namespace ey_compare_ey_compare_test
