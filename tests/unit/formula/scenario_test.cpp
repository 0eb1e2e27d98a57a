// Scenario loading (engine/formula/scenario.cpp): the merge patch onto the base, the name, and a base
// given in place of the scenario's own (what --formula does beside --scenario).
#include "engine/formula/scenario.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace formula_scenario_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

const char* kFormula = R"({"name": "Base", "factors": {
    "basic": {"kind": "per_pupil", "rate": {"primary": 3000, "ks3": 4000, "ks4": 5000}}}})";
const char* kOther = R"({"name": "Other", "factors": {
    "basic": {"kind": "per_pupil", "rate": {"primary": 2000, "ks3": 2500, "ks4": 2600}}}})";

}  // namespace

TEST_CASE("scenario: the changes patch the base; the scenario's name unless the changes rename it",
          "[scenario]") {
    test::TempDir d("scenario-patch");
    d.write("base.json", kFormula);
    const std::string s = d.write("s.json", R"({"name": "Higher KS3", "base": "base.json",
        "changes": {"factors": {"basic": {"rate": {"ks3": 4100}}}}})");
    const Scenario sc = load_scenario(s);
    CHECK(sc.name == "Higher KS3");
    CHECK(sc.formula.name == "Higher KS3");
    CHECK(sc.formula.factors.at(0).rate_primary == 3000.0);
    CHECK(sc.formula.factors.at(0).rate_ks3 == 4100.0);
    CHECK(sc.formula.file == s + " (patched base.json)");
    CHECK(sc.base_file == d / "base.json");  // opened relative to the scenario's folder
    const std::string renamed = d.write("r.json", R"({"name": "R", "base": "base.json",
        "changes": {"name": "Renamed"}})");
    CHECK(load_scenario(renamed).formula.name == "Renamed");
    // A file of either kind through load_formula_or_scenario.
    CHECK(load_formula_or_scenario(s).factors.at(0).rate_ks3 == 4100.0);
    CHECK(load_formula_or_scenario(d / "base.json").name == "Base");
}

TEST_CASE("scenario: a base override is patched instead, and the scenario's own base is not read",
          "[scenario]") {
    test::TempDir d("scenario-override");
    const std::string other = d.write("other.json", kOther);
    // The scenario's own base does not exist: with an override it is never opened.
    const std::string s = d.write("s.json", R"({"name": "S", "base": "missing.json",
        "changes": {"factors": {"basic": {"rate": {"ks3": 4100}}}}})");
    const Scenario sc = load_scenario(s, other);
    CHECK(sc.formula.factors.at(0).rate_primary == 2000.0);
    CHECK(sc.formula.factors.at(0).rate_ks3 == 4100.0);
    CHECK(sc.formula.file == s + " (patched " + other + ")");
    CHECK(sc.base_file == other);
    // An override that is a scenario is refused, naming the override.
    CHECK(error_of([&] { load_scenario(s, s); }) ==
          s + ": is a scenario, not a formula: a scenario patches a formula file");
    // An override that cannot be read says so in its own words.
    CHECK(error_of([&] { load_scenario(s, d / "nope.json"); }) == (d / "nope.json") + ": cannot open file");
}

TEST_CASE("scenario: an error in the base formula keeps its own place, under the scenario's context",
          "[scenario]") {
    test::TempDir d("scenario-context");
    d.write("base.json", "{\"name\": \"Base\",\n  \"factors\": {,}}\n");
    const std::string s = d.write("s.json", R"({"name": "S", "base": "base.json", "changes": {}})");
    try {
        load_scenario(s);
        FAIL("a base with broken JSON was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::formula);
        REQUIRE(e.context().size() == 1);
        CHECK(e.context()[0] == s + ": at /base: while reading the base formula \"base.json\"");
        // The base's file and line stay structured, not folded into the scenario's message.
        CHECK(e.where().file == d / "base.json");
        CHECK(e.where().line == 2);
        CHECK_THAT(e.detail(), Catch::StartsWith("column 15: broken JSON:"));
    }
}

TEST_CASE("scenario: a problem at a path the changes wrote is named there, in the scenario file",
          "[scenario]") {
    test::TempDir d("scenario-changes");
    d.write("base.json", kFormula);
    // Parsing: the changed rate is a string.
    const std::string bad = d.write("bad.json", R"({"name": "S", "base": "base.json",
        "changes": {"factors": {"basic": {"rate": {"ks3": "4k"}}}}})");
    CHECK(error_of([&] { load_scenario(bad); }) ==
          bad + ": at /changes/factors/basic/rate/ks3: expected a number, found a string");
    // A null deletes: said so.
    const std::string gone = d.write("gone.json", R"({"name": "S", "base": "base.json",
        "changes": {"factors": {"basic": {"rate": {"ks4": null}}}}})");
    CHECK(
        error_of([&] { load_scenario(gone); }) ==
        gone +
            ": at /changes/factors/basic/rate/ks4: is missing (the scenario's changes remove it with null)");
    // A problem the changes did not write stays at the merged formula's path: the MFG the scenario adds
    // is above the base's cap.
    d.write("capped.json", R"({"name": "Base", "factors": {
        "basic": {"kind": "per_pupil", "rate": {"primary": 3000, "ks3": 4000, "ks4": 5000}}},
        "capping": {"cap": 0.01, "scaling": 0.5}})");
    const std::string mfg = d.write("mfg.json", R"({"name": "S", "base": "capped.json",
        "changes": {"mfg": {"percent": 0.02}}})");
    CHECK(
        error_of([&] { load_scenario(mfg); }) ==
        mfg +
            " (patched capped.json): at /capping/cap: must not be below the MFG percent (a school cannot be "
            "both protected and capped)");

    // After loading: where the changes set the lever, the budget that cannot balance is named there.
    const std::string tight = d.write("tight.json", R"({"name": "Tight", "base": "base.json",
        "changes": {"budget": {"schools_block": 1000, "solve_for": "scaling"},
                    "capping": {"cap": 0, "scaling": 0}}})");
    const Formula f = load_scenario(tight).formula;
    CHECK(formula_where(f, "/budget/solve_for").file == tight);
    CHECK(formula_where(f, "/budget/solve_for").json_path == "/changes/budget/solve_for");
    CHECK(formula_where(f, "/factors/basic").file == tight + " (patched base.json)");
    CHECK(formula_where(f, "/factors/basic").json_path == "/factors/basic");
    Census census;
    CHECK_THAT(error_of([&] { test::run_text(census, test::kFiveSchools, f); }),
               Catch::StartsWith(tight + ": at /changes/budget/solve_for: the budget cannot be balanced"));
}

TEST_CASE("scenario: a document with base or changes is a scenario, and one lacking either is told so",
          "[scenario]") {
    CHECK(is_scenario(Json::parse(R"({"base": "b.json", "changes": {}})")));
    CHECK(is_scenario(Json::parse(R"({"name": "no base", "changes": {}})")));
    CHECK(is_scenario(Json::parse(R"({"name": "no changes", "base": "b.json"})")));
    CHECK_FALSE(is_scenario(Json::parse(kFormula)));
    CHECK_FALSE(is_scenario(Json::parse("[1, 2]")));
    test::TempDir d("scenario-lacking");
    d.write("base.json", kFormula);
    // Read as the scenario it was meant to be, so the message names what is missing, not "unknown key".
    const std::string no_base = d.write("nb.json", R"({"name": "NB", "changes": {}})");
    CHECK(error_of([&] { load_formula_or_scenario(no_base); }).find("/base") != std::string::npos);
    const std::string no_changes = d.write("nc.json", R"({"name": "NC", "base": "base.json"})");
    CHECK(error_of([&] { load_formula_or_scenario(no_changes); }).find("/changes") != std::string::npos);
}

}  // namespace formula_scenario_test
