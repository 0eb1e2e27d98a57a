// The run manifest (reports/manifest.hpp): fundsim's version, and each input's path as given and the
// SHA-256 of its bytes, in the shape summary.json documents for run and for compare.
#include "reports/manifest.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "engine/core/sha256.hpp"
#include "engine/core/version.hpp"
#include "tests/support.hpp"

namespace manifest_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("manifest: run's census and scenario with its base, hashed as they are on disk", "[manifest]") {
    test::TempDir dir("manifest-run");
    const std::string census = dir.write("census.csv", "urn,phase\n1,primary\n");
    const std::string scenario = dir.write("s.json", R"({"name": "S", "base": "f.json", "changes": {}})");
    const std::string formula = dir.write("f.json", R"({"name": "F"})");

    Manifest m;
    CHECK(m.version == fundsim_version());
    m.census = manifest_file(census);
    ManifestFormula f;
    f.is_scenario = true;
    f.file = manifest_file(scenario);
    f.base = manifest_file(formula);
    m.formula = f;
    const nlohmann::ordered_json j = manifest_json(m);

    CHECK(j.dump() ==
          nlohmann::ordered_json{
              {"fundsim_version", fundsim_version()},
              {"census", {{"path", census}, {"sha256", sha256_hex("urn,phase\n1,primary\n")}}},
              {"formula",
               {{"kind", "scenario"},
                {"path", scenario},
                {"sha256", sha256_hex(R"({"name": "S", "base": "f.json", "changes": {}})")},
                {"base", {{"path", formula}, {"sha256", sha256_hex(R"({"name": "F"})")}}}}}}
              .dump());
    CHECK(!j.contains("baseline"));
    CHECK(!j.contains("options"));

    // --formula replacing the scenario's base is said; a plain formula has no base.
    m.formula->base_from_formula_option = true;
    CHECK(manifest_json(m)["formula"]["base_given_by"] == "--formula");
    m.formula = ManifestFormula{false, manifest_file(formula), std::nullopt, false};
    CHECK(manifest_json(m)["formula"].dump() ==
          nlohmann::ordered_json{
              {"kind", "formula"}, {"path", formula}, {"sha256", sha256_hex(R"({"name": "F"})")}}
              .dump());
}

TEST_CASE("manifest: compare's baseline (a file, or last year's budgets) and options in order",
          "[manifest]") {
    test::TempDir dir("manifest-compare");
    Manifest m;
    m.census = manifest_file(dir.write("c.csv", "x"));
    m.comparison = true;
    m.options.push_back({false, manifest_file(dir.write("a.json", "A")), std::nullopt, false});
    m.options.push_back({false, manifest_file(dir.write("b.json", "B")), std::nullopt, false});
    nlohmann::ordered_json j = manifest_json(m);
    CHECK(j["baseline"].dump() == R"({"kind":"prior_year_budget"})");
    REQUIRE(j["options"].size() == 2);
    CHECK(j["options"][0]["path"] == dir / "a.json");
    CHECK(j["options"][1]["sha256"] == sha256_hex("B"));
    CHECK(!j.contains("formula"));

    m.baseline = ManifestFormula{false, manifest_file(dir.write("base.json", "BASE")), std::nullopt, false};
    j = manifest_json(m);
    CHECK(j["baseline"]["kind"] == "formula");
    CHECK(j["baseline"]["sha256"] == sha256_hex("BASE"));
    // The version, census, baseline, options order of the keys is what summary.json shows.
    std::string keys;
    for (const auto& [k, v] : j.items()) keys += k + " ";
    CHECK(keys == "fundsim_version census baseline options ");
}

}  // namespace manifest_test
