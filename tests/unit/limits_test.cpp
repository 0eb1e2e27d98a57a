// Limits on absurd inputs (issue 6): each is refused with a message that names the file, the line or
// JSON path and what is wrong, never a crash, a hang or an out-of-memory.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace limits_test {  // each file's names kept apart in the unity build

using namespace fundsim;
namespace fs = std::filesystem;

namespace {

// The message of the InputError `f` throws ("" if it throws none).
template <class F>
std::string error_of(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

std::string census_error(const std::string& csv) {
    return error_of([&] { census_from_csv_text(csv, "census.csv"); });
}

const char* kHeader = "urn,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary\n";

using test::TempDir;

const char* kFormula = R"({"name": "limits", "factors": {
    "basic": {"kind": "per_pupil", "rate": {"primary": 3000, "ks3": 4000, "ks4": 5000}}}})";

}  // namespace

TEST_CASE("a pupil count of 10^9 is not a school: refused naming line, column and value", "[limits]") {
    CHECK(census_error(std::string(kHeader) + "1,primary,maintained,1000000000,0,0,0,0\n") ==
          "census.csv:2: column nor_primary: \"1000000000\" is not a plausible pupil count");
    // The same in a year-group column and in the MFG baseline (both pupil counts; limit 100,000).
    CHECK(
        census_error("urn,phase,status,nor_r,nor_y1,nor_y2,nor_y3,nor_y4,nor_y5,nor_y6,nor_y7,nor_y8,nor_y9,"
                     "nor_y10,nor_y11\n1,primary,maintained,30,1e9,30,30,30,30,30,0,0,0,0,0\n") ==
        "census.csv:2: column nor_y1: \"1e9\" is not a plausible pupil count");
    CHECK(
        census_error("urn,phase,status,nor_primary,nor_ks3,nor_ks4,mfg_baseline_pupils,mfg_baseline_funding\n"
                     "1,primary,maintained,200,0,0,1000000000,900000\n") ==
        "census.csv:2: column mfg_baseline_pupils: \"1000000000\" is not a plausible pupil count");
    // 100,000 itself is accepted (the limit is "more than").
    CHECK(census_error(std::string(kHeader) + "1,primary,maintained,100000,0,0,0,0\n").empty());
}

TEST_CASE("a 10 MB line is refused at the cell or record limit, naming the line", "[limits]") {
    // One cell of 10 MB (10,485,760 bytes) against the 1 MiB cell limit.
    const std::string big_cell(10u << 20, 'x');
    CHECK(census_error(std::string(kHeader) +
                       "1,primary,maintained,200,0,0,0,0\n2,primary,maintained,200,0,0,0," + big_cell +
                       "\n") == "census.csv:3: a cell is longer than the limit of 1048576 bytes");
    // 10 MB made of 5,120 cells of 2,048 bytes, each under the cell limit: the record limit of 8 MiB
    // (8,388,608 bytes) stops it after 4,096 cells.
    std::string line;
    for (int i = 0; i < 5120; ++i) line += (i ? "," : "") + std::string(2048, '7');
    CHECK(census_error(std::string(kHeader) + line + "\n") ==
          "census.csv:2: a record is longer than the limit of 8388608 bytes");
}

TEST_CASE("a cell that never ends is refused once past the limit, before it can fill memory", "[limits]") {
    // libcsv holds a cell until it ends: the readers look at the cell in progress after each block.
    // A quoted cell of 3 MB that is never closed is refused for its length, not at the end of the file.
    TempDir d("limits-endless");
    const std::string open_quote =
        d.write("census.csv", std::string(kHeader) + "\"" + std::string(3u << 20, 'x'));
    CHECK(error_of([&] { load_census(open_quote); }) ==
          open_quote + ":2: a cell is longer than the limit of 1048576 bytes");
    // An endless file (a device that never runs dry, as a wrong path could name): refused, not read for ever.
    CHECK(error_of([] { load_census("/dev/zero"); }) ==
          "/dev/zero:1: a cell is longer than the limit of 1048576 bytes");
}

TEST_CASE("a header of 10^6 columns is refused at the column limit", "[limits]") {
    std::string header = "urn,phase,status";
    for (int i = 0; i < 1000000; ++i) header += ",c" + std::to_string(i);
    CHECK(census_error(header + "\n") == "census.csv:1: a record has more than 10000 columns");
}

TEST_CASE("census cells that are not finite numbers are refused", "[limits]") {
    // Key columns are read on load; the fsm columns when a formula asks for them (prepare_census).
    const Formula f = test::formula_from(R"({"name": "fsm", "factors": {
        "fsm": {"kind": "per_unit", "measure": "fsm", "rate": {"primary": 500, "secondary": 600}}}})");
    auto prepared_error = [&](const std::string& row) {
        Census c;
        return error_of([&] { test::run_text(c, kHeader + row + "\n", f); });
    };
    // from_chars reads "NaN" and "inf" as numbers: money and counts must be finite (number.hpp).
    CHECK(prepared_error("1,primary,maintained,200,0,0,NaN,0") ==
          "test-census.csv:2: column fsm_primary: \"NaN\" is not a number");
    CHECK(prepared_error("1,primary,maintained,200,0,0,inf,0") ==
          "test-census.csv:2: column fsm_primary: \"inf\" is not a number");
    CHECK(prepared_error("1,primary,maintained,200,0,0,-Infinity,0") ==
          "test-census.csv:2: column fsm_primary: \"-Infinity\" is not a number");
    // 1e400 is beyond a double (about 1.8e308): out of range, not infinity.
    CHECK(prepared_error("1,primary,maintained,200,0,0,0,1e400") ==
          "test-census.csv:2: column fsm_secondary: \"1e400\" is not a number");
    CHECK(census_error(std::string(kHeader) + "1,primary,maintained,nan,0,0,0,0\n") ==
          "census.csv:2: column nor_primary: \"nan\" is not a number");
    // The control: finite values in the same cells load and run (200 pupils, 30 FSM × £500 = £15,000).
    Census c;
    CHECK(test::run_text(c, std::string(kHeader) + "1,primary,maintained,200,0,0,30,0\n", f)
              .budget_share.amount[0] == 15000.0);
}

TEST_CASE("JSON numbers that are not finite are refused", "[limits]") {
    // JSON has no NaN or Infinity: they are broken JSON at the column where they start.
    CHECK(error_of([] {
              parse_json_text("{\"a\": NaN}", "f.json");
          }).rfind("f.json:1: column 7: broken JSON:", 0) == 0);
    CHECK(error_of([] {
              parse_json_text("{\"a\": -Infinity}", "f.json");
          }).rfind("f.json:1: column 8: broken JSON:", 0) == 0);
    CHECK(error_of([] { parse_json_text("{\"a\": 1e400}", "f.json"); }) ==
          "f.json: broken JSON: number overflow parsing '1e400': the number is too large");
}

TEST_CASE("a finite rate that makes an absurd amount is refused, naming the factor and school", "[limits]") {
    // 1e300 a pupil × 200 pupils = 2e302 pounds for school 1: beyond the £10bn a line any school can have.
    const Formula f = test::formula_from(R"({"name": "huge", "factors": {
        "basic": {"kind": "per_pupil", "rate": {"primary": 1e300, "ks3": 1, "ks4": 1}}}})");
    Census c;
    CHECK(error_of(
              [&] { test::run_text(c, std::string(kHeader) + "1,primary,maintained,200,0,0,0,0\n", f); }) ==
          "test-formula.json: at /factors/basic: school 1: factor basic comes to 2e+302 pounds, beyond the "
          "£10,000,000,000 any one school can receive: check the rates and the census values they multiply");
    // A plausible rate times a plausible count: £50,000,000 a pupil × 201 = £10,050,000,000 is just over;
    // × 200 = £10,000,000,000 is at the limit and accepted.
    const Formula g = test::formula_from(R"({"name": "edge", "factors": {
        "basic": {"kind": "per_pupil", "rate": {"primary": 50000000, "ks3": 1, "ks4": 1}}}})");
    CHECK(error_of([&] {
              test::run_text(c, std::string(kHeader) + "1,primary,maintained,201,0,0,0,0\n", g);
          }).find("factor basic comes to 1.005e+10 pounds") != std::string::npos);
    Result r = test::run_text(c, std::string(kHeader) + "1,primary,maintained,200,0,0,0,0\n", g);
    CHECK(r.budget_share.amount[0] == 10000000000.0);
}

TEST_CASE("deeply nested JSON is refused before parsing; 64 levels are accepted", "[limits]") {
    // 65 opening brackets: the 65th (column 65) is one level too deep.
    CHECK(error_of([] { parse_json_text(std::string(65, '[') + std::string(65, ']'), "deep.json"); }) ==
          "deep.json:1: column 65: JSON is nested more than 64 levels deep (a formula needs a few)");
    // A million levels (an input meant to exhaust the stack) stops at the same bracket.
    CHECK(error_of([] { parse_json_text(std::string(1000000, '['), "deep.json"); }) ==
          "deep.json:1: column 65: JSON is nested more than 64 levels deep (a formula needs a few)");
    // Exactly 64 levels parse; brackets inside a string are text, not nesting.
    const Json j = parse_json_text(std::string(64, '[') + std::string(64, ']'), "ok.json");
    int depth = 1;
    for (const Json* p = &j; !p->empty(); p = &(*p)[0]) ++depth;
    CHECK(depth == 64);
    CHECK(parse_json_text("{\"a\": \"" + std::string(100, '[') + "\"}", "ok.json")["a"]
              .get<std::string>()
              .size() == 100);
}

TEST_CASE("a JSON file over 64 MB is refused without parsing or holding it all", "[limits]") {
    // 64 MiB + 1 byte of spaces around an empty object.
    const std::string text = "{}" + std::string((64u << 20) - 1, ' ');
    CHECK(error_of([&] { parse_json_text(text, "big.json"); }) ==
          "big.json: is larger than 64 MB: not a formula file");
    // From a file, and from a device that never runs dry: refused once past 64 MB, not read for ever.
    TempDir d("limits-big-json");
    const std::string big = d.write("big.json", text);
    CHECK(error_of([&] { read_json_file(big); }) == big + ": is larger than 64 MB: not a formula file");
    CHECK(error_of([] { read_json_file("/dev/zero"); }) ==
          "/dev/zero: is larger than 64 MB: not a formula file");
}

TEST_CASE("a scenario whose base is missing is an error naming the base", "[limits][scenario]") {
    TempDir d("limits-missing");
    const std::string s = d.write("s.json", R"({"name": "S", "base": "nope.json", "changes": {}})");
    CHECK(error_of([&] { load_scenario(s); }) ==
          s + ": at /base: while reading the base formula \"nope.json\":\n  " +
              (d.path / "nope.json").string() + ": cannot open file");
}

TEST_CASE("a scenario whose base is itself, or a scenario that leads back to it, is refused",
          "[limits][scenario]") {
    // Decision (documented at load_scenario): a scenario's base must be a formula, never another scenario,
    // so a chain A -> B -> A is refused at its first link and no loop can be followed.
    TempDir d("limits-loop");
    d.write("formula.json", kFormula);
    const std::string self = d.write("self.json", R"({"name": "Self", "base": "self.json", "changes": {}})");
    CHECK(error_of([&] { load_scenario(self); }) == self + ": at /base: refers to the scenario itself");
    const std::string a = d.write("a.json", R"({"name": "A", "base": "b.json", "changes": {}})");
    d.write("b.json", R"({"name": "B", "base": "a.json", "changes": {}})");
    CHECK(error_of([&] { load_scenario(a); }) ==
          a + ": at /base: \"b.json\" is a scenario, not a formula: a scenario patches a formula file");
    // "./self.json" names the same file by another path: read, then refused as a scenario.
    const std::string dot = d.write("dot.json", R"({"name": "Dot", "base": "./dot.json", "changes": {}})");
    CHECK(error_of([&] { load_scenario(dot); }) ==
          dot + ": at /base: \"./dot.json\" is a scenario, not a formula: a scenario patches a formula file");
    // A scenario on a formula loads (the control: the refusals above are about the base, not the file).
    const std::string good = d.write("good.json", R"({"name": "Good", "base": "formula.json",
        "changes": {"factors": {"basic": {"rate": {"primary": 3100}}}}})");
    const Scenario sc = load_scenario(good);
    CHECK(sc.formula.name == "Good");
    CHECK(sc.formula.factors.at(0).rate_primary == 3100.0);
}

}  // namespace limits_test
