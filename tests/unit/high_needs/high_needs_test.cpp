// The high needs block (docs/high-needs.md): the hand-worked checks of §5 to the penny, the months and
// days rules at their edges, the position, and the errors of §4 with file, line, column and value.
#include <catch2/catch.hpp>
#include <map>

#include "engine/core/money.hpp"
#include "engine/high_needs/s251.hpp"
#include "engine/synth/synth_high_needs.hpp"
#include "tests/unit/high_needs/hn_fixture.hpp"

namespace high_needs_high_needs_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test;

namespace {

const char* kProvHeader =
    "urn,name,setting,la,places_before,places_after,funded_by,topup_baseline_per_pupil\n";
const char* kPlaceHeader = "placement,provider,band,start,end,fte,rate\n";

// The message of the Error that f throws ("" if none).
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("high needs check 1: place funding 5/12 : 7/12", "[high_needs]") {
    // 10,000 × (100 × 5 + 110 × 7) / 12 = 12,700,000 / 12 = 1,058,333.333 → £1,058,333.33.
    // 6,000 × (12 × 5 + 14 × 7) / 12 = 6,000 × 158 / 12 = £79,000.00.
    HnRun run(hn_formula_text(),
              std::string(kProvHeader) +
                  "1,Special,special,881,100,110,la,\n2,RP,resourced_provision,881,12,14,la,\n",
              std::string(kPlaceHeader) + "P1,1,3,2025-04-01,,1,\n");
    CHECK(run.result.provider_lines[0].place_funding == 1058333.33);
    CHECK(run.result.provider_lines[1].place_funding == 79000.00);
    CHECK(run.result.place_funding_la_total == 1137333.33);
}

TEST_CASE("high needs check 2: top-ups pro rata by months and by days", "[high_needs]") {
    const std::string prov = std::string(kProvHeader) + "1,Special,special,881,10,10,la,\n";
    const std::string pl = std::string(kPlaceHeader) +
                           "A,1,3,2026-01-01,2026-03-31,,\n"  // band 3 = £14,000
                           "B,1,x,2025-11-04,2026-03-31,,8000\n";
    HnRun months(hn_formula_text("months"), prov, pl);
    // Months: January to March, 3/12 × 14,000 = £3,500.00; 4 November counts (on or before the 15th):
    // November to March, 5/12 × 8,000 = 3,333.333 → £3,333.33.
    CHECK(months.result.placement_lines[0].on_roll.units == 3);
    CHECK(months.result.placement_lines[0].top_up == 3500.00);
    CHECK(months.result.placement_lines[1].on_roll.units == 5);
    CHECK(months.result.placement_lines[1].top_up == 3333.33);
    HnRun days(hn_formula_text("days"), prov, pl);
    // Days: 1 January to 31 March 2026 = 31 + 28 + 31 = 90 of 365; 14,000 × 90 / 365 = 3,452.0548 →
    // £3,452.05. 4 November 2025 to 31 March 2026 = 27 + 31 + 31 + 28 + 31 = 148; 8,000 × 148 / 365 =
    // 3,243.8356 → £3,243.84.
    CHECK(days.result.placement_lines[0].on_roll.units == 90);
    CHECK(days.result.placement_lines[0].on_roll.per_year == 365);
    CHECK(days.result.placement_lines[0].top_up == 3452.05);
    CHECK(days.result.placement_lines[1].on_roll.units == 148);
    CHECK(days.result.placement_lines[1].top_up == 3243.84);
    CHECK(days.result.top_ups_total == 6695.89);
}

TEST_CASE("high needs months rule: the 1st of the month, and the start month up to the 15th",
          "[high_needs]") {
    const auto fy = *hn::financial_year_of("2025-26");
    CHECK(fy.start == 20250401);
    CHECK(fy.end == 20260331);
    CHECK(fy.days == 365);
    CHECK(hn::financial_year_of("2027-28")->days == 366);  // 29 February 2028
    CHECK(!hn::financial_year_of("2025-27"));
    CHECK(!hn::financial_year_of("2025/26"));
    using hn::Proration;
    auto months = [&](std::int32_t s, std::int32_t e) {
        return hn::time_on_roll(Proration::months, fy, s, e).units;
    };
    auto days = [&](std::int32_t s, std::int32_t e) {
        return hn::time_on_roll(Proration::days, fy, s, e).units;
    };
    CHECK(months(20250415, 0) == 12);        // starts on the 15th: April counts
    CHECK(months(20250416, 0) == 11);        // the 16th: from May
    CHECK(months(20240901, 0) == 12);        // started before the year
    CHECK(months(20240901, 20250331) == 0);  // left before it
    CHECK(days(20240901, 20250331) == 0);
    CHECK(months(20240901, 20250401) == 1);  // on roll on 1 April only
    CHECK(days(20240901, 20250401) == 1);    // both ends included
    CHECK(months(20250601, 20250731) == 2);  // June and July
    CHECK(days(20250601, 20250731) == 61);
    CHECK(months(20260320, 0) == 0);  // after the 15th of the last month
    CHECK(days(20260320, 0) == 12);
    CHECK(months(20260401, 0) == 0);  // after the year
    CHECK(days(20260401, 0) == 0);
    CHECK(months(20251110, 20251120) == 1);  // the start month counts by the rule, however short the stay
}

TEST_CASE("high needs check 3: import/export, and the position", "[high_needs]") {
    // 6,000 × (130 − 95) = +£210,000.00.
    HnRun run(hn_formula_text(),
              std::string(kProvHeader) +
                  "1,Special,special,881,100,110,la,\n2,Academy,special,881,60,60,dfe,\n"
                  "3,Out,independent,999,,,la,\n",
              std::string(kPlaceHeader) + "A,1,3,2026-01-01,2026-03-31,,\nB,3,,2025-04-01,,0.5,60000\n",
              {40000000, 2000000});
    const auto& pos = run.result.position;
    CHECK(pos.import_export == 210000.00);
    CHECK(pos.dfe_place_deductions == 600000.00);  // 10,000 × 60
    // available = 40,000,000 + 210,000 + 2,000,000 − 600,000 = 41,610,000.
    REQUIRE(pos.available);
    CHECK(*pos.available == 41610000.00);
    // spend = 1,058,333.33 + (3,500 + 30,000) + 0 + 2,450,000 = 3,541,833.33; in year 38,068,166.67.
    CHECK(pos.spend == 3541833.33);
    REQUIRE(pos.in_year);
    CHECK(*pos.in_year == 38068166.67);
    CHECK(*run.result.top_ups_inside == 3500.00);
    CHECK(*run.result.top_ups_outside == 30000.00);
    // The s251 lines add up to the spend.
    double sum = 0;
    for (const auto& l : hn::s251_lines(run.result)) sum += l.amount;
    CHECK(round_penny(sum) == pos.spend);
    // Without an allocation, what is available is not known.
    HnRun none(hn_formula_text(), std::string(kProvHeader) + "1,Special,special,881,1,1,la,\n",
               std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\n");
    CHECK(!none.result.position.available);
    CHECK(!none.result.position.in_year);
}

TEST_CASE("high needs check 4: the special schools MFG at 0% and -1.5%", "[high_needs]") {
    // 100 pupils at a £11,800 agreed top-up for the whole year: top-ups £1,180,000; baseline £12,000.
    // 0%: 12,000 × 100 − 1,180,000 = £20,000.00. −1.5%: 11,820 × 100 − 1,180,000 = £2,000.00.
    std::string pl = kPlaceHeader;
    for (int i = 0; i < 100; ++i) pl += "P" + std::to_string(i) + ",1,,2025-04-01,,,11800\n";
    const std::string prov = std::string(kProvHeader) + "1,Special,special,881,100,100,la,12000\n";
    HnRun zero(hn_formula_text("months", 0.0), prov, pl);
    CHECK(zero.result.provider_lines[0].top_ups == 1180000.00);
    CHECK(zero.result.provider_lines[0].pupils_fte == 100);
    CHECK(zero.result.provider_lines[0].special_mfg == 20000.00);
    CHECK(zero.result.provider_lines[0].total_from_la == 1000000.00 + 1180000.00 + 20000.00);
    HnRun minus(hn_formula_text("months", -0.015), prov, pl);
    CHECK(minus.result.provider_lines[0].special_mfg == 2000.00);
    CHECK(minus.result.special_mfg_total == 2000.00);
    // Top-ups above the guarantee: no MFG.
    HnRun none(hn_formula_text("months", -0.05), prov, pl);
    CHECK(none.result.provider_lines[0].special_mfg == 0.0);
}

TEST_CASE("high needs check 5: place funding ignores the placements", "[high_needs]") {
    const std::string prov = std::string(kProvHeader) +
                             "1,Special,special,881,100,110,la,\n2,RP,resourced_provision,881,12,14,dfe,\n";
    HnRun empty(hn_formula_text(), prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,2025-04-01,,\n");
    std::string many = kPlaceHeader;
    for (int i = 0; i < 50; ++i)
        many += "P" + std::to_string(i) + "," + std::to_string(1 + i % 2) + ",2,2025-09-01,,,\n";
    HnRun full(hn_formula_text(), prov, many);
    for (std::size_t k = 0; k < 2; ++k)
        CHECK(empty.result.provider_lines[k].place_funding == full.result.provider_lines[k].place_funding);
    CHECK(empty.result.position.dfe_place_deductions == full.result.position.dfe_place_deductions);
}

TEST_CASE("high needs: band tables by setting, a name meaning that setting's table", "[high_needs]") {
    HnRun run(
        hn_formula_text(),
        std::string(kProvHeader) +
            "1,AP,ap,881,10,10,la,\n2,Unit,sen_unit,881,5,5,la,\n3,Main,mainstream,881,,,la,\n",
        std::string(kPlaceHeader) + "A,1,5,2025-04-01,,,\nB,2,2,2025-04-01,,,\nC,3,4,2025-04-01,,0.5,\n");
    CHECK(run.result.placement_lines[0].annual == 26000);  // ap uses special's table
    CHECK(run.result.placement_lines[1].annual == 8000);   // sen_unit uses resourced_provision's
    CHECK(run.result.placement_lines[2].top_up == 4500);   // 9,000 × 0.5
    CHECK(run.result.provider_lines[2].place_funding == 0);
    const auto& bands = run.result.provider_lines[0].bands;
    REQUIRE(bands.size() == 1);
    CHECK(bands[0].band == "5");
    CHECK(bands[0].fte_units == 12);
}

TEST_CASE("high needs errors: file, line, column and value (spec §4)", "[high_needs]") {
    const std::string f = hn_formula_text();
    const std::string prov = std::string(kProvHeader) + "1,Special,special,881,100,110,la,\n";
    auto run_msg = [&](const std::string& provs, const std::string& pls) {
        return error_of([&] { HnRun r(f, provs, pls); });
    };
    CHECK_THAT(
        run_msg(prov, std::string(kPlaceHeader) + "A,1,9,2025-04-01,,,\n"),
        Catch::Contains("hn-placements.csv:2: column band: \"9\" is not a band of special in the formula "
                        "(/bands/special: 1, 2, 3, 4, 5)"));
    CHECK_THAT(run_msg(prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\nB,7,1,2025-04-01,,,\n"),
               Catch::Contains("hn-placements.csv:3: column provider: \"7\" is not a provider in"));
    CHECK_THAT(
        run_msg(prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,2025-03-01,,\n"),
        Catch::Contains("hn-placements.csv:2: column end: \"2025-03-01\" is before the start (2025-04-01)"));
    CHECK_THAT(run_msg(std::string(kProvHeader) + "1,Special,special,881,-3,110,la,\n",
                       std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\n"),
               Catch::Contains("hn-providers.csv:2: column places_before: \"-3\" is negative"));
    CHECK_THAT(run_msg(std::string(kProvHeader) + "1,Special,special,881,ten,110,la,\n",
                       std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\n"),
               Catch::Contains("hn-providers.csv:2: column places_before: \"ten\" is not a number"));
    CHECK_THAT(run_msg(prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,,-0.5,\n"),
               Catch::Contains("hn-placements.csv:2: column fte: \"-0.5\" is negative"));
    CHECK_THAT(run_msg(prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,,half,\n"),
               Catch::Contains("hn-placements.csv:2: column fte: \"half\" is not a number"));
    CHECK_THAT(run_msg(std::string(kProvHeader) + "1,Special,hospital,881,100,110,la,\n",
                       std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\n"),
               Catch::Contains("hn-providers.csv:2: column setting: \"hospital\" is not a setting"));
    CHECK_THAT(run_msg(prov, std::string(kPlaceHeader) + "A123456789012,1,1,2025-04-01,,,\n"),
               Catch::Contains("looks like a unique pupil number (value withheld)"));
    CHECK_THAT(run_msg(prov, std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\nA,1,1,2025-04-01,,,\n"),
               Catch::Contains("hn-placements.csv:3: column placement: \"A\" is a duplicate"));
    // An independent provider has no band table: its placements need an agreed rate.
    CHECK_THAT(run_msg(std::string(kProvHeader) + "1,Ind,independent,999,,,la,\n",
                       std::string(kPlaceHeader) + "A,1,1,2025-04-01,,,\n"),
               Catch::Contains(
                   "hn-placements.csv:2: column band: \"1\" cannot be priced: provider 1 is independent"));
}

TEST_CASE("high needs formula errors: JSON paths", "[high_needs]") {
    auto msg = [](const std::string& text) { return error_of([&] { hn_formula_from(text); }); };
    std::string f = hn_formula_text();
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = f;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    CHECK_THAT(msg(with("\"ap\": \"special\"", "\"ap\": \"fe\"")),
               Catch::Contains("hn-formula.json: at /bands/ap: \"fe\" has no table of its own"));
    CHECK_THAT(msg(with("\"proration\": \"months\"", "\"proration\": \"weeks\"")),
               Catch::Contains("/proration: \"weeks\" is not a proration"));
    CHECK_THAT(msg(with("\"fe\": 6000}", "\"fe\": 6000, \"mainstream\": 1}")),
               Catch::Contains("/place_rates/mainstream: a mainstream provider has no place funding"));
    CHECK_THAT(msg(with("\"year\": \"2025-26\"", "\"year\": \"2025\"")),
               Catch::Contains("/year: \"2025\" is not a financial year"));
    CHECK_THAT(msg(with("\"special\": 10000", "\"special\": -1")),
               Catch::Contains("/place_rates/special: must not be negative"));
    CHECK_THAT(msg(with("\"name\"", "\"nmae\"")), Catch::Contains("/name: is missing"));
    CHECK_THAT(msg(with("{\"name\"", "{\"colour\": \"red\", \"name\"")),
               Catch::Contains("/colour: is not a known key here"));
    CHECK_THAT(msg(with("\"hospital_education\": 650000", "\"hospital_education\": \"lots\"")),
               Catch::Contains("/central/hospital_education: expected a number"));
}

TEST_CASE("high needs synth: a 550-school LA's setting, deterministic, valid for the example formula",
          "[high_needs][synth]") {
    SynthHighNeedsOptions opt;  // 550 schools, URNs 100001..100550
    const SynthHighNeedsFiles a = synth_high_needs(opt), b = synth_high_needs(opt);
    CHECK(a.providers_csv == b.providers_csv);
    CHECK(a.placements_csv == b.placements_csv);
    opt.seed = 2;
    CHECK(synth_high_needs(opt).placements_csv != a.placements_csv);
    CHECK(a.placements == 4000);
    TempDir dir("hn-synth");
    const hn::HnFormula f = hn::load_hn_formula(source_dir() + "/formulas/hn-2025-26.json");
    const hn::Providers ps = hn::load_providers(dir.write("p.csv", a.providers_csv));
    const hn::Placements pl = hn::load_placements(dir.write("t.csv", a.placements_csv));
    const hn::HnResult r = hn::calculate_high_needs(f, ps, pl);
    std::map<hn::Setting, std::size_t> own, from_census;
    std::size_t outside = 0;
    for (const auto& p : ps.rows) {
        if (p.la != "881")
            ++outside;
        else
            ++own[p.setting];
        if (p.urn >= 100001 && p.urn <= 100550) ++from_census[p.setting];
    }
    CHECK(own[hn::Setting::special] + own[hn::Setting::ap] == 20);  // 16 special schools and 4 AP
    CHECK(from_census[hn::Setting::sen_unit] + from_census[hn::Setting::resourced_provision] == 30);
    CHECK(from_census[hn::Setting::mainstream] == 140);
    CHECK(outside >= 8);  // other LAs' special schools and some independent schools
    // Joiners and leavers: some placements are part of the year, and every setting is funded.
    std::size_t part = 0;
    for (const auto& l : r.placement_lines) part += l.on_roll.units > 0 && l.on_roll.units < 12;
    CHECK(part > 300);
    CHECK(r.top_ups[hn::index_of(hn::Setting::special)] > 0);
    CHECK(r.top_ups[hn::index_of(hn::Setting::mainstream)] > 0);
    CHECK(r.top_ups[hn::index_of(hn::Setting::independent)] > 0);
    CHECK(r.position.dfe_place_deductions > 0);
}

}  // namespace high_needs_high_needs_test
