// Scenario loading (engine/formula/scenario.cpp): the merge patch onto the base, the name, and a base
// given in place of the scenario's own (what --formula does beside --scenario).
#include "engine/formula/scenario.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

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
