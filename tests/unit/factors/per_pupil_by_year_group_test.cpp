// per_pupil_by_year_group (docs/funding-model.md §3) against numbers worked by hand: its amounts, the
// reception uplift on its Reception rate, its breakdown (words, census columns, rate paths, provisional
// marks), its rates for the Forum report, and the refusal of a bad year group or rate with its path.
#include <catch2/catch.hpp>
#include <string>

#include "engine/core/error.hpp"
#include "engine/factors/breakdown.hpp"
#include "engine/factors/rates.hpp"
#include "tests/support.hpp"

namespace factors_per_pupil_by_year_group_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Year-group columns only: the key-stage totals are their sums (Alpha 30 + 28 = 58 primary; Beta 180 + 170 =
// 350 KS3; Gamma 20 + 30 = 50 primary, 25 KS3). Alpha has 4 January Reception starters.
const char* kCensus =
    "urn,name,phase,status,nor_r,nor_y1,nor_y2,nor_y3,nor_y4,nor_y5,nor_y6,nor_y7,nor_y8,nor_y9,nor_y10,"
    "nor_y11,reception_uplift\n"
    "1,Alpha,primary,maintained,30,28,0,0,0,0,0,0,0,0,0,0,4\n"
    "2,Beta,secondary,academy,0,0,0,0,0,0,0,180,170,0,0,0,0\n"
    "3,Gamma,all_through,maintained,20,30,0,0,0,0,0,25,0,0,0,0,0\n";

// The message of the error parsing `json` raises ("" when it is accepted).
std::string formula_error(const std::string& json) {
    try {
        test::formula_from(json);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("per_pupil_by_year_group: a rate per pupil of the named year groups", "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "starters":{"kind":"per_pupil_by_year_group","rate":{"r":250,"y7":300}},
      "reception":{"kind":"per_pupil_by_year_group","rate":{"r":100},"phases":["primary"]}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[0][0] ==
          7500);  // Alpha: 250 × 30 Reception = 7,500 (Year 1 is not named; no uplift asked)
    CHECK(r.factors.amount[0][1] == 54000);  // Beta: 300 × 180 Year 7 = 54,000 (Year 8 is not named)
    CHECK(r.factors.amount[0][2] == 12500);  // Gamma: 250 × 20 + 300 × 25 = 5,000 + 7,500 = 12,500
    CHECK(r.factors.amount[1][0] == 3000);   // Alpha: 100 × 30 = 3,000
    CHECK(r.factors.amount[1][2] == 0);      // Gamma is all-through: the factor is limited to primary schools
}

TEST_CASE("per_pupil_by_year_group: the reception uplift counts with Reception pupils, as in per_pupil",
          "[factors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","reception_uplift":true,"factors":{
      "starters":{"kind":"per_pupil_by_year_group","rate":{"r":250,"y7":300}},
      "year1":{"kind":"per_pupil_by_year_group","rate":{"y1":10}}},
      "grants":{"g":{"kind":"per_pupil_by_year_group","rate":{"r":1}}}})");
    Result r = test::run_text(c, kCensus, f);
    CHECK(r.factors.amount[0][0] == 8500);   // Alpha: 250 × (30 + 4 January starters) = 8,500
    CHECK(r.factors.amount[0][2] == 12500);  // Gamma has no starters: 250 × 20 + 300 × 25 = 12,500
    CHECK(r.factors.amount[1][0] == 280);  // Year 1 only: 10 × 28 = 280 (the starters are Reception pupils)

    BreakdownOptions o;
    o.formula = &f;
    o.reception_uplift = true;
    const FactorBreakdown b = breakdown(f.factors[0], c, 0, o);  // Alpha
    REQUIRE(b.components.size() == 2);
    CHECK(b.components[0].label == "Reception pupils, with 4 reception uplift");
    CHECK(b.components[0].count == 34);
    CHECK(b.components[0].amount == 8500);
    REQUIRE(b.notes.size() == 1);
    CHECK(std::get<note::ReceptionUplift>(b.notes[0]).pupils == 4);
    // A grant is evaluated without the uplift, as per_pupil's grants are: 1 × 30.
    o.reception_uplift = false;
    CHECK(breakdown(f.grants[0].parts[0], c, 0, o).amount() == 30);
}

TEST_CASE("per_pupil_by_year_group: its breakdown names each year group, column and rate path",
          "[factors][breakdown]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "starters":{"kind":"per_pupil_by_year_group","rate":{"r":250,"y7":300}}},
      "provisional":[{"path":"/factors/starters/rate/y7","mark":"⚠"}]})");
    Result r = test::run_text(c, kCensus, f);
    BreakdownOptions o;
    o.formula = &f;
    o.k = 1.5;  // the factor multiplier scales the rates: 375 and 450
    const FactorBreakdown b = breakdown(f.factors[0], c, 2, o);  // Gamma
    REQUIRE(b.components.size() == 2);
    CHECK(b.components[0].label == "Reception pupils");
    CHECK(b.components[0].column == "nor_r");
    CHECK(b.components[0].count == 20);
    CHECK(b.components[0].rate.value == 375);
    CHECK(b.components[0].rate.given == 250);
    CHECK(b.components[0].rate.source.path == "/factors/starters/rate/r");
    CHECK_FALSE(b.components[0].rate.source.provisional);
    CHECK(b.components[1].label == "Year 7 pupils");
    CHECK(b.components[1].column == "nor_y7");
    CHECK(b.components[1].count == 25);
    CHECK(b.components[1].rate.source.path == "/factors/starters/rate/y7");
    CHECK(b.components[1].rate.source.provisional);
    CHECK(b.components[1].rate.source.mark == "⚠");
    CHECK(b.amount() == 18750);  // 375 × 20 + 450 × 25 = 7,500 + 11,250 = 18,750 = 1.5 × 12,500
    CHECK(b.notes.empty());
}

TEST_CASE("per_pupil_by_year_group: its rates for the Forum report, in file order", "[factors]") {
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "starters":{"kind":"per_pupil_by_year_group","rate":{"y7":300,"r":250}}}})");
    const std::vector<FactorRate> rates = rates_of(f.factors[0]);
    REQUIRE(rates.size() == 2);
    CHECK(rates[0].key == "y7");
    CHECK(rates[0].words == "Year 7");
    CHECK(rates[0].value == 300);
    CHECK(rates[0].unit == RateUnit::money);
    CHECK(rates[0].path == "/factors/starters/rate/y7");
    CHECK(rates[1].key == "r");
    CHECK(rates[1].words == "Reception");
    CHECK(rates[1].path == "/factors/starters/rate/r");
}

TEST_CASE("per_pupil_by_year_group: a bad year group or rate is refused with its path", "[factors][errors]") {
    const std::string head = R"({"name":"t","factors":{"starters":{"kind":"per_pupil_by_year_group",)";
    std::string m = formula_error(head + R"("rate":{"r":250,"y12":300}}}})");
    CHECK(m.find("/factors/starters/rate/y12") != std::string::npos);
    CHECK(m.find("\"y12\" is not a year group: expected r, y1 ... y11") != std::string::npos);
    m = formula_error(head + R"("rate":{"r":-250}}}})");
    CHECK(m.find("/factors/starters/rate/r: must not be negative") != std::string::npos);
    m = formula_error(head + R"("rates":{"r":250}}}})");
    CHECK(m.find("/factors/starters/rate: is missing") != std::string::npos);
    m = formula_error(head + R"("rate":{}}}})");
    CHECK(m.find("/factors/starters/rate: names no year group") != std::string::npos);
    m = formula_error(head + R"("rate":{"y7":"300"}}}})");
    CHECK(m.find("/factors/starters/rate/y7") != std::string::npos);
    CHECK(formula_error(head + R"("rate":{"r":0,"y11":1}}}})").empty());
}

TEST_CASE("per_pupil_by_year_group: a census without the year-group columns names the missing column",
          "[factors][errors]") {
    Census c;
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "starters":{"kind":"per_pupil_by_year_group","rate":{"y7":300}}}})");
    try {
        test::run_text(
            c, "urn,name,phase,status,nor_primary,nor_ks3,nor_ks4\n1,A,secondary,academy,0,180,170\n", f);
        FAIL("a census without nor_y7 was accepted");
    } catch (const InputError& e) {
        const std::string m = e.what();
        CHECK(m.find("nor_y7") != std::string::npos);
        CHECK(m.find("used by factor starters") != std::string::npos);
    }
}

}  // namespace factors_per_pupil_by_year_group_test
