// budget and plan given --ledger (docs/ledger.md §1-§4): one row each, with the budget or plan file and
// every file it names; replayed to the same summary; a changed input named and nothing replayed; a
// recorded figure that differs named with both values.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/commands.hpp"
#include "app/replay.hpp"
#include "store/db.hpp"
#include "store/query.hpp"
#include "tests/support.hpp"

namespace app_replay_budget_plan_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;

namespace {

// The files of a golden case copied into `d`.
void copy_case(const test::TempDir& d, const std::string& name) {
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/tests/cases/" + name))
        if (e.is_regular_file()) std::filesystem::copy_file(e.path(), d / e.path().filename().string());
}

store::RunRecord run_of(const std::string& ledger, std::int64_t id) {
    store::Db db(ledger, store::Db::Mode::read);
    return store::find_run(db, id);
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::vector<std::string> roles(const store::RunRecord& r) {
    std::vector<std::string> out;
    for (const auto& in : r.inputs) out.push_back(in.role);
    return out;
}

}  // namespace

TEST_CASE("ledger: a budget is recorded with every file it names and replays identical", "[app][ledger]") {
    test::TempDir d("replay-budget");
    copy_case(d, "budget_all_blocks");
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_budget({"--budget", d / "budget.json", "--out", d / "out", "--ledger", ledger, "--quiet"}) ==
            kOk);
    const store::RunRecord run = run_of(ledger, 1);
    CHECK(run.command == "budget");
    CHECK(roles(run) == std::vector<std::string>{"budget", "census", "formula", "high_needs formula",
                                                 "high_needs providers", "high_needs placements",
                                                 "early_years formula", "early_years providers",
                                                 "early_years hours"});
    CHECK(run.inputs[6].located == "ey-formula.json");
    // The summary recorded is summary.json as written; the formula the schools formula's document.
    CHECK(nlohmann::ordered_json::parse(file_text(d / "out/summary.json")) ==
          nlohmann::ordered_json::parse(run.summary_json));
    CHECK(nlohmann::ordered_json::parse(run.formula_json).at("schools").at("name") ==
          nlohmann::ordered_json::parse(file_text(d / "formula.json")).at("name"));

    const ReplayOutcome ok = replay_run(run, ledger);
    CHECK(ok.changed_inputs.empty());
    CHECK(ok.replayed);
    CHECK(ok.differences.empty());
    CHECK(ok.ok());

    // A figure the ledger holds that the replay does not give: named with both values.
    const double closing =
        nlohmann::ordered_json::parse(run.summary_json)["dsg"]["total"]["closing"].get<double>();
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(ledger.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "UPDATE runs SET summary = json_set(summary, '$.dsg.total.closing', 1.25)",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    const ReplayOutcome differs = replay_run(run_of(ledger, 1), ledger);
    REQUIRE(differs.differences.size() == 1);
    CHECK(differs.differences[0] ==
          "/dsg/total/closing: recorded 1.25, now " + nlohmann::ordered_json(closing).dump());

    // A file the budget names, changed since: named, and the budget not replayed from it.
    std::ofstream(d / "hn-placements.csv", std::ios::app) << "\n";
    const ReplayOutcome changed = replay_run(run, ledger);
    REQUIRE(changed.changed_inputs.size() == 1);
    CHECK(changed.changed_inputs[0].rfind(
              "high_needs placements " + d / "hn-placements.csv" + ": changed since the run", 0) == 0);
    CHECK_FALSE(changed.replayed);
    CHECK_FALSE(changed.ok());
}

TEST_CASE("ledger: a plan, alone or with another, is recorded and replays identical", "[app][ledger]") {
    test::TempDir d("replay-plan");
    copy_case(d, "plan_cohort_chain");
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_plan({"--plan", d / "plan.json", "--out", d / "out", "--ledger", ledger, "--quiet"}) == kOk);
    const store::RunRecord run = run_of(ledger, 1);
    CHECK(run.command == "plan");
    CHECK(roles(run) == std::vector<std::string>{"plan", "census", "formula", "intake"});
    CHECK(nlohmann::ordered_json::parse(file_text(d / "out/summary.json")) ==
          nlohmann::ordered_json::parse(run.summary_json));
    // Each year's effective formula: the uprated ones as run.
    const auto years = nlohmann::ordered_json::parse(run.formula_json).at("years");
    CHECK(years.size() == 4);
    CHECK(years.at("2026-27").at("mfg").at("percent") == 0.0);
    CHECK(replay_run(run, ledger).ok());

    // Two plans side by side: one row, each plan's inputs under its folder's name.
    std::filesystem::copy_file(d / "plan.json", d / "other.json");
    REQUIRE(cmd_plan({"--plan", d / "plan.json", "--plan", d / "other.json", "--out", d / "both", "--ledger",
                      ledger, "--quiet"}) == kOk);
    const store::RunRecord both = run_of(ledger, 2);
    CHECK(roles(both) == std::vector<std::string>{"plan: plan", "plan: census", "plan: formula",
                                                  "plan: intake", "other: plan", "other: census",
                                                  "other: formula", "other: intake"});
    const auto summary = nlohmann::ordered_json::parse(both.summary_json);
    CHECK(summary.at("plans").at("other") ==
          nlohmann::ordered_json::parse(file_text(d / "both/other/summary.json")));
    CHECK(replay_run(both, ledger).ok());

    // The intake file changed: named, nothing replayed.
    std::ofstream(d / "intake.csv", std::ios::app) << "\n";
    const ReplayOutcome changed = replay_run(run, ledger);
    REQUIRE(changed.changed_inputs.size() == 1);
    CHECK(changed.changed_inputs[0].rfind("intake " + d / "intake.csv" + ": changed since the run", 0) == 0);
    CHECK_FALSE(changed.replayed);
}

TEST_CASE("ledger: a plan started from a budget records the budget's files and replays identical",
          "[app][ledger]") {
    test::TempDir d("replay-budget-plan");
    copy_case(d, "plan_budget_reserve_chain");
    const std::string ledger = d / "ledger.sqlite";
    REQUIRE(cmd_plan({"--plan", d / "plan.json", "--out", d / "out", "--ledger", ledger, "--quiet"}) == kOk);
    const store::RunRecord run = run_of(ledger, 1);
    CHECK(roles(run) == std::vector<std::string>{"plan", "start budget", "start census", "start formula",
                                                 "start balances", "conversions"});
    CHECK(nlohmann::ordered_json::parse(file_text(d / "out/summary.json")) ==
          nlohmann::ordered_json::parse(run.summary_json));
    CHECK(replay_run(run, ledger).ok());

    // A file the start budget names, changed since: named, nothing replayed.
    std::ofstream(d / "balances.csv", std::ios::app) << "\n";
    const ReplayOutcome changed = replay_run(run, ledger);
    REQUIRE(changed.changed_inputs.size() == 1);
    CHECK(changed.changed_inputs[0].rfind("start balances " + d / "balances.csv" + ": changed since the run",
                                          0) == 0);
    CHECK_FALSE(changed.replayed);
}

}  // namespace app_replay_budget_plan_test
