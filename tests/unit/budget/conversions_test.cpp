// Conversions and recoupment (docs/la-budget.md §4): the spec's hand-worked checks to the penny.
#include "engine/budget/conversions.hpp"

#include <catch2/catch.hpp>

#include "engine/budget/recoupment.hpp"
#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace budget_conversions_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Budget shares straight from a column (an `actual` factor), and a de-delegation of £10 per pupil.
const char* kCensus =
    "urn,name,phase,status,nor_primary,nor_ks3,nor_ks4,share\n"
    "1,One,primary,maintained,300,0,0,1200000\n"
    "2,Two,primary,maintained,100,0,0,1200000\n"
    "3,Three,primary,academy,200,0,0,900000\n";
const char* kFormula =
    R"({"name":"t","factors":{"share":{"kind":"actual","column":"share"}},
        "de_delegation":{"licences":{"kind":"per_pupil","rate":{"primary":10,"ks3":10,"ks4":10}}}})";

std::vector<Conversion> split(Result& r, std::int32_t date, bool days, Route route = Route::converter,
                              double balance = 0, bool has_balance = false) {
    ConversionRow row;
    row.school = 0;
    row.date = date;
    row.route = route;
    row.balance = balance;
    row.has_balance = has_balance;
    return split_conversions({row}, r, 2025, days);
}

}  // namespace

TEST_CASE("a 1 September conversion by months: LA 5/12, recouped 7/12", "[budget][conversions]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    const auto cv = split(r, 20250901, false);
    REQUIRE(cv.size() == 1);
    CHECK(cv[0].units_open == 7);
    CHECK(cv[0].units_year == 12);
    CHECK(cv[0].la_part == 500000.00);
    CHECK(cv[0].academy_part == 700000.00);
    // De-delegation £3,000 (300 pupils × £10) on the LA's 5/12 only: £1,250.00.
    CHECK(cv[0].de_delegation_total == 1250.00);
}

TEST_CASE("a 1 September conversion by days: 153 of 365 days with the LA", "[budget][conversions]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    const auto cv = split(r, 20250901, true);
    CHECK(cv[0].units_open == 212);
    CHECK(cv[0].units_year == 365);
    // 1,200,000 × 153 / 365 = 503,013.6986... → £503,013.70; the rest recouped.
    CHECK(cv[0].la_part == 503013.70);
    CHECK(cv[0].academy_part == 696986.30);
    // £3,000 × 153/365 = 1,257.534... → £1,257.53
    CHECK(cv[0].de_delegation_total == 1257.53);
}

TEST_CASE("a 1 April conversion: nothing to the LA, everything recouped", "[budget][conversions]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    for (bool days : {false, true}) {
        const auto cv = split(r, 20250401, days);
        CHECK(cv[0].la_part == 0.0);
        CHECK(cv[0].academy_part == 1200000.00);
        CHECK(cv[0].de_delegation_total == 0.0);
    }
    // A leap year's days: 2027-28 holds 29 February 2028.
    int open = 0, year = 0;
    open_units(20280301, 2027, true, open, year);
    CHECK(year == 366);
    CHECK(open == 31);
    open_units(20260331, 2025, true, open, year);
    CHECK(open == 1);
    open_units(20260301, 2025, false, open, year);
    CHECK(open == 1);
}

TEST_CASE("recoupment: academies all year plus academy parts", "[budget][conversions]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    const auto cv = split(r, 20250901, false);
    const Recoupment rc = recoupment_of(r, cv);
    CHECK(rc.academy_count == 1);
    CHECK(rc.academies == 900000.00);
    CHECK(rc.converting == 700000.00);
    CHECK(rc.total == 1600000.00);
}

TEST_CASE("a balance's destination by route (§4)", "[budget][conversions]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    CHECK(split(r, 20250901, false, Route::converter, 85000, true)[0].balance_goes == BalanceGoes::trust);
    CHECK(split(r, 20250901, false, Route::sponsored, 85000, true)[0].balance_goes == BalanceGoes::la);
    CHECK(split(r, 20250901, false, Route::converter, -5000, true)[0].balance_goes ==
          BalanceGoes::dfe_recovers);
    CHECK(split(r, 20250901, false, Route::sponsored, -5000, true)[0].balance_goes == BalanceGoes::la);
    CHECK(split(r, 20250901, false)[0].balance_goes == BalanceGoes::none);
}

TEST_CASE("conversions.csv errors name file, line, column and value", "[budget][conversions]") {
    Census c = census_from_csv_text(kCensus, "census.csv");
    test::TempDir dir("budget-conversions");
    auto fails = [&](const std::string& rows, bool days, const std::string& fragment) {
        const std::string p = dir.write("conversions.csv", "urn,conversion_date,route\n" + rows);
        try {
            load_conversions(p, c, 2025, days);
            FAIL("no error for " << rows);
        } catch (const Error& e) {
            CHECK_THAT(e.what(), Catch::Contains(fragment));
        }
    };
    fails("3,2025-09-01,converter\n", false, "conversions.csv:2: column urn: \"3\" is already an academy");
    fails("9,2025-09-01,converter\n", false, "column urn: \"9\" is not a school of the census");
    fails("1,2026-04-01,converter\n", false,
          "column conversion_date: \"2026-04-01\" is outside the financial year 2025-26");
    fails("1,2025-03-31,converter\n", true, "is outside the financial year");
    fails("1,2025-09-15,converter\n", false, "is not the first of a month");
    fails("1,2025-09-01,voluntary\n", false, "column route: \"voluntary\" is not a route");
    fails("1,2025-09-01,converter\n1,2025-10-01,converter\n", false,
          "conversions.csv:3: column urn: \"1\" is a duplicate");
    const std::string ok =
        dir.write("conversions.csv", "urn,conversion_date,route\n1,2025-09-15,converter\n");
    CHECK(load_conversions(ok, c, 2025, true).size() == 1);
}

}  // namespace budget_conversions_test
