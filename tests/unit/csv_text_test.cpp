// CSV injection (reports/csv/csv_text.cpp): a text cell a spreadsheet would run as a formula (= + - @, tab,
// carriage return first) is written with a single quote before it, in every CSV output, while numbers,
// negative ones included, are written as they are.
#include "reports/csv/csv_text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "engine/compare/compare.hpp"
#include "engine/compare/sweep.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/writers.hpp"
#include "tests/support.hpp"

namespace csv_text_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Each name is what an attacker (or an unlucky data entry) could put in a census: Excel would run the
// first three as formulas, and "-1+2" as the formula =-1+2; "-12.50" is a number and stays one.
const char* kCensus =
    "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4,prior_year_budget\n"
    "101,8812001,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",North,primary,maintained,100,0,0,"
    "290000\n"
    "102,8812002,@SUM(1+1)*cmd|' /C calc'!A0,-South,primary,maintained,100,0,0,310000\n"
    "103,8812003,+1+2 Primary,North,primary,maintained,100,0,0,300000\n"
    "104,8812004,-1+2,North,primary,maintained,100,0,0,300000\n"
    "105,8812005,-12.50,North,primary,maintained,100,0,0,300000\n";

// One factor whose id is hostile too: it heads a column of allocations.csv and names a part of
// attribution.csv. 100 pupils × 3,000 = 300,000 per school.
std::string formula(const std::string& name) {
    return R"({"name":")" + name +
           R"(","factors":{"@evil":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4000,"ks4":5000}}}})";
}

// The CSV's lines, in order.
std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream in(csv);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("csv_text: a formula-like cell gets a single quote; numbers and plain text do not", "[csv]") {
    CHECK(csv_text("=1+2") == "'=1+2");
    CHECK(csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text("+1+2") == "'+1+2");
    CHECK(csv_text("-1+2") == "'-1+2");
    CHECK(csv_text("-") == "'-");
    CHECK(csv_text("\t=1") == "'\t=1");
    // A carriage return needs the cell quoted as well (RFC 4180).
    CHECK(csv_text("\r=1") == "\"'\r=1\"");
    // Quoted as CSV requires: the doubled quotes of the cell, and the quotes around it.
    CHECK(csv_text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    // Numbers, negative ones included, are not formulas.
    for (const char* n : {"-12.50", "+3", "-0", "-.5", "-1e-05", "+2.5E+3", "12"}) CHECK(csv_text(n) == n);
    CHECK(csv_text("-1e") == "'-1e");
    CHECK(csv_text("-12.50.1") == "'-12.50.1");
    // Plain text: quoted only where CSV needs it; a formula character later in the cell is harmless.
    CHECK(csv_text("") == "");
    CHECK(csv_text("St Mary's") == "St Mary's");
    CHECK(csv_text("Ash, Oak = 1") == "\"Ash, Oak = 1\"");
    CHECK(csv_text("'=1") == "'=1");  // already neutral
}

TEST_CASE("allocations.csv: hostile school names, area and factor id are written as text", "[csv]") {
    Census census;
    const Result r = test::run_text(census, kCensus, test::formula_from(formula("Run")));
    const auto l = lines(allocations_csv(r));
    REQUIRE(l.size() == 6);
    CHECK(l[0].rfind("urn,laestab,name,phase,status,area,nor,'@evil,formula_total,", 0) == 0);
    CHECK(l[1].rfind(
              "101,8812001,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",primary,maintained,"
              "North,100,300000.00,300000.00,",
              0) == 0);
    CHECK(l[2].rfind("102,8812002,'@SUM(1+1)*cmd|' /C calc'!A0,primary,maintained,'-South,100,300000.00,",
                     0) == 0);
    CHECK(l[3].rfind("103,8812003,'+1+2 Primary,primary,", 0) == 0);
    CHECK(l[4].rfind("104,8812004,'-1+2,primary,", 0) == 0);
    CHECK(l[5].rfind("105,8812005,-12.50,primary,", 0) == 0);  // a number: as it was
}

TEST_CASE("comparison.csv and attribution.csv: hostile names, option name and part are written as text",
          "[csv]") {
    Census census = census_from_csv_text(kCensus, "census.csv");
    // Against last year's budgets: 101 gains 10,000 (10,000 / 290,000 = 3.4483%), 102 loses 10,000
    // (-3.2258%), the rest are unchanged; no school has an MFG baseline, so each is flagged new.
    const Comparison c =
        compare(census, std::nullopt, "last year", {{"o.json", test::formula_from(formula("=1+1"))}});
    const auto cmp = lines(comparison_csv(c));
    REQUIRE(cmp.size() == 6);
    CHECK(
        cmp[1] ==
        "'=1+1,101,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",primary,maintained,North,100,"
        "290000.00,300000.00,10000.00,0.034483,100.00,0.00,0.00,0.00,2900.00,3000.00,new");
    CHECK(
        cmp[2] ==
        "'=1+1,102,'@SUM(1+1)*cmd|' /C calc'!A0,primary,maintained,'-South,100,310000.00,300000.00,-10000.00,"
        "-0.032258,-100.00,0.00,0.00,0.00,3100.00,3000.00,new");
    CHECK(cmp[3].rfind("'=1+1,103,'+1+2 Primary,", 0) == 0);
    CHECK(cmp[4].rfind("'=1+1,104,'-1+2,", 0) == 0);
    CHECK(cmp[5].rfind("'=1+1,105,-12.50,", 0) == 0);
    const auto att = lines(attribution_csv(c));
    REQUIRE(att.size() >= 3);
    CHECK(att[0] == "scenario,urn,part,amount");
    CHECK(att[1] == "'=1+1,101,formula_vs_prior_year,10000.00");
    CHECK(att[2] == "'=1+1,102,formula_vs_prior_year,-10000.00");
}

TEST_CASE("attribution.csv against a formula: a hostile factor id is written as text", "[csv]") {
    Census census = census_from_csv_text(kCensus, "census.csv");
    // The option pays 3,100 a pupil: every school gains 10,000 from the factor "@evil".
    const std::string option = R"({"name":"B","factors":{"@evil":{"kind":"per_pupil","rate":{"primary":3100,)"
                               R"("ks3":4000,"ks4":5000}}}})";
    const Comparison c =
        compare(census, test::formula_from(formula("A")), "A", {{"b.json", test::formula_from(option)}});
    const auto att = lines(attribution_csv(c));
    REQUIRE(att.size() == 6);
    CHECK(att[1] == "B,101,'@evil,10000.00");
    CHECK(att[5] == "B,105,'@evil,10000.00");
}

TEST_CASE("sweep.csv: a reason quoting a hostile file name is text; negative varied values stay numbers",
          "[csv]") {
    // sweep.csv names no school: its text cells are the varied paths and the reasons a row did not run,
    // which can quote a file's name.
    Sweep sw;
    sw.axes.push_back({"/mfg/percent", -0.005, 0, 0.005, {-0.005, 0}});
    SweepRow bad;
    bad.values = {-0.005};
    bad.status = SweepStatus::invalid;
    bad.error = "=HYPERLINK(\"http://evil.example/\").json: at /mfg/percent: is not valid";
    SweepRow ok;
    ok.values = {0};
    ok.total_budget_share = 1200000;
    sw.rows = {bad, ok};
    const auto l = lines(sweep_csv(sw));
    REQUIRE(l.size() == 3);
    CHECK(l[1] == "-0.005,invalid" + std::string(14, ',') +
                      "\"'=HYPERLINK(\"\"http://evil.example/\"\").json: at /mfg/percent: is not valid\"");
    CHECK(l[2].rfind("0,ok,1200000.00,", 0) == 0);
}

}  // namespace csv_text_test
