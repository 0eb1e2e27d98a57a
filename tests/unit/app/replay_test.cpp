// Replays of ledger rows (app/replay.hpp, docs/ledger.md §4): run, compare and sweep recorded through the
// commands and replayed to the same summary; a changed input is named; a recorded figure that differs
// is named with both values.
#include "app/replay.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "store/db.hpp"
#include "store/query.hpp"
#include "tests/support.hpp"

namespace app_replay_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;

namespace {

// The run_scenario golden case's census, formula and scenario (tests/cases/run_scenario/README.md).
void copy_case(const test::TempDir& d) {
    const std::string from = test::source_dir() + "/tests/cases/run_scenario/";
    for (const char* f : {"census.csv", "formula.json", "scenario.json"})
        std::filesystem::copy_file(from + f, d / f);
}

store::RunRecord run_of(const std::string& ledger, std::int64_t id) {
    store::Db db(ledger, store::Db::Mode::read);
    return store::find_run(db, id);
}

void sql(const std::string& ledger, const std::string& statement) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(ledger.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("replay: a recorded run gives the same summary; changed inputs are named", "[app][ledger]") {
    test::TempDir d("replay-run");
    copy_case(d);
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_run({"--census", d / "census.csv", "--scenario", d / "scenario.json", "--out", d / "out",
                     "--ledger", ledger, "--quiet"}) == kOk);
    const store::RunRecord run = run_of(ledger, 1);
    CHECK(run.command == "run");
    REQUIRE(run.inputs.size() == 3);
    CHECK(run.inputs[0].role == "census");
    CHECK(run.inputs[1].role == "scenario");
    CHECK(run.inputs[2].role == "scenario's base");
    CHECK(run.inputs[2].located == "formula.json");
    // The summary recorded is summary.json as written, and the formula the patched one.
    std::ifstream written(d / "out/summary.json");
    const std::string summary_file((std::istreambuf_iterator<char>(written)), {});
    CHECK(nlohmann::ordered_json::parse(summary_file) == nlohmann::ordered_json::parse(run.summary_json));
    const auto formula = nlohmann::ordered_json::parse(run.formula_json);
    CHECK(formula["mfg"]["percent"] == 0.0);
    CHECK(formula["name"] == "Option B: MFG 0%, primary lump sum £120k");

    ReplayOutcome ok = replay_run(run, ledger);
    CHECK(ok.changed_inputs.empty());
    CHECK(ok.replayed);
    CHECK(ok.differences.empty());
    CHECK(ok.ok());

    // The base formula edited since: named; the run is still replayed from the recorded formula.
    std::ofstream(d / "formula.json", std::ios::app) << "\n";
    ReplayOutcome base_changed = replay_run(run, ledger);
    REQUIRE(base_changed.changed_inputs.size() == 1);
    CHECK(base_changed.changed_inputs[0].rfind(
              "scenario's base " + d / "formula.json" + ": changed since the run", 0) == 0);
    CHECK(base_changed.replayed);
    CHECK(base_changed.differences.empty());
    CHECK_FALSE(base_changed.ok());

    // The census changed: named, and nothing replayed (the figures would differ for that reason alone).
    std::ofstream(d / "census.csv", std::ios::app) << "\n";
    ReplayOutcome census_changed = replay_run(run, ledger);
    CHECK(census_changed.changed_inputs.size() == 2);
    CHECK(census_changed.changed_inputs[0].rfind("census " + d / "census.csv" + ": changed since the run",
                                                 0) == 0);
    CHECK_FALSE(census_changed.replayed);

    // A missing input is named with where it was looked for (beside the ledger).
    std::filesystem::remove(d / "census.csv");
    CHECK(replay_run(run, ledger).changed_inputs[0] ==
          "census " + d / "census.csv" + ": missing (looked for " + d / "census.csv" + ")");
}

TEST_CASE("replay: a recorded figure that differs is named with both values", "[app][ledger]") {
    test::TempDir d("replay-differs");
    copy_case(d);
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_run({"--census", d / "census.csv", "--formula", d / "formula.json", "--out", d / "out",
                     "--ledger", ledger, "--quiet"}) == kOk);
    const double total = nlohmann::ordered_json::parse(run_of(ledger, 1).summary_json)["total_budget_share"];
    // As if the ledger had recorded another total (what a change of rule in a later fundsim would show).
    sql(ledger, "UPDATE runs SET summary = json_set(summary, '$.total_budget_share', 1.25) WHERE id = 1");
    const ReplayOutcome out = replay_run(run_of(ledger, 1), ledger);
    CHECK(out.changed_inputs.empty());
    REQUIRE(out.differences.size() == 1);
    CHECK(out.differences[0] ==
          "/total_budget_share: recorded 1.25, now " + nlohmann::ordered_json(total).dump());
    CHECK_FALSE(out.ok());
}

TEST_CASE("replay: compare and sweep rows replay to the same summary", "[app][ledger]") {
    test::TempDir d("replay-compare-sweep");
    copy_case(d);
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_compare({"--census", d / "census.csv", "--baseline", d / "formula.json", "--scenario",
                         d / "scenario.json", "--out", d / "pack", "--ledger", ledger, "--quiet"}) == kOk);
    REQUIRE(cmd_sweep({"--census", d / "census.csv", "--formula", d / "formula.json", "--vary",
                       "/mfg/percent=-0.005:0.005:0.005", "--threads", "1", "--out", d / "sweep", "--ledger",
                       ledger, "--quiet"}) == kOk);
    const store::RunRecord cmp = run_of(ledger, 1), sw = run_of(ledger, 2);
    CHECK(cmp.command == "compare");
    REQUIRE(cmp.inputs.size() == 4);
    CHECK(cmp.inputs[1].role == "baseline");
    CHECK(cmp.inputs[2].role == "option 1");
    CHECK(cmp.inputs[3].role == "option 1's base");
    CHECK(replay_run(cmp, ledger).ok());
    CHECK(sw.command == "sweep");
    const auto summary = nlohmann::ordered_json::parse(sw.summary_json);
    CHECK(summary["combinations"] == 3);
    std::ifstream csv(d / "sweep/sweep.csv", std::ios::binary);
    CHECK(summary["sweep_csv_sha256"] == sha256_hex(std::string((std::istreambuf_iterator<char>(csv)), {})));
    CHECK(replay_run(sw, ledger).ok());
}

TEST_CASE("replay: summary_differences leaves the manifest out and names added and removed figures",
          "[app][ledger]") {
    using OJ = nlohmann::ordered_json;
    const OJ a = OJ::parse(R"({"total": 1.5, "gone": 2, "manifest": {"fundsim_version": "0.0.9"}})");
    const OJ b = OJ::parse(R"({"total": 1.5, "new": [1], "manifest": {"fundsim_version": "0.1.0"}})");
    const auto diff = summary_differences(a, b);
    REQUIRE(diff.size() == 2);
    CHECK(diff[0] == "/gone: recorded 2, now absent");
    CHECK(diff[1] == "/new: not recorded, now [1]");
    CHECK(summary_differences(a, a).empty());
}

}  // namespace app_replay_test
