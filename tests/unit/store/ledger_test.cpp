// The run ledger (store/): a run recorded and read back, newest first, with its inputs located from the
// ledger's folder; the files that are not ledgers and the unknown ids named (docs/ledger.md §2-§4).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/error.hpp"
#include "store/db.hpp"
#include "store/query.hpp"
#include "store/record.hpp"
#include "tests/support.hpp"

namespace store_ledger_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::store;
using fundsim::test::error_of;

namespace {

RunRecord sample(const std::string& command, const std::string& folder) {
    RunRecord r;
    r.command = command;
    r.version = "0.1.0";
    r.inputs = {{"census", folder + "/census.csv", std::string(64, 'a'), ""},
                {"scenario", folder + "/options/b.json", std::string(64, 'b'), ""}};
    r.formula_json = R"({"name":"B"})";
    r.summary_json = R"({"formula":"B","total_budget_share":1234.56})";
    return r;
}

}  // namespace

TEST_CASE("ledger: runs recorded and listed newest first, inputs in order", "[store]") {
    test::TempDir tmp("ledger-list");
    const std::string path = tmp / ("ledger.sqlite");
    {
        Db db(path, Db::Mode::record);
        RunRecord a = sample("run", tmp.path.string());
        a.time_utc = "2026-12-06T21:00:00Z";
        CHECK(record_run(db, a) == 1);
        RunRecord b = sample("compare", tmp.path.string());
        b.option_name = "Option B";
        CHECK(record_run(db, b) == 2);
    }
    Db db(path, Db::Mode::read);
    CHECK(count_runs(db) == 2);
    const auto runs = latest_runs(db, 10);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == 2);
    CHECK(runs[0].command == "compare");
    REQUIRE(runs[0].option_name);
    CHECK(*runs[0].option_name == "Option B");
    CHECK(runs[0].time_utc.size() == 20);  // set by record_run: 2026-12-06T21:51:13Z
    CHECK(runs[0].time_utc.back() == 'Z');
    CHECK(runs[1].id == 1);
    CHECK(runs[1].time_utc == "2026-12-06T21:00:00Z");
    CHECK_FALSE(runs[1].option_name);
    CHECK(runs[1].formula_json == R"({"name":"B"})");
    CHECK(runs[1].summary_json == R"({"formula":"B","total_budget_share":1234.56})");
    REQUIRE(runs[1].inputs.size() == 2);
    CHECK(runs[1].inputs[0].role == "census");
    CHECK(runs[1].inputs[0].located == "census.csv");  // relative to the ledger's folder
    CHECK(runs[1].inputs[1].role == "scenario");
    CHECK(runs[1].inputs[1].located == "options/b.json");
    CHECK(runs[1].inputs[1].sha256 == std::string(64, 'b'));
    CHECK(latest_runs(db, 1).size() == 1);
    CHECK(find_run(db, 1).inputs.size() == 2);
}

TEST_CASE("ledger: an input outside the ledger's folder is located with ..", "[store]") {
    CHECK(located_from_ledger("/a/b/census.csv", "/a/c/ledger.sqlite") == "../b/census.csv");
    CHECK(located_from_ledger("/a/c/./x/../census.csv", "/a/c/ledger.sqlite") == "census.csv");
}

TEST_CASE("ledger: an unknown id names the ledger and the ids it holds", "[store]") {
    test::TempDir tmp("ledger-unknown-id");
    const std::string path = tmp / ("ledger.sqlite");
    Db db(path, Db::Mode::record);
    CHECK(error_of([&] { find_run(db, 1); }) == path + ": no run 1 in this ledger (it holds no runs)");
    record_run(db, sample("run", tmp.path.string()));
    record_run(db, sample("run", tmp.path.string()));
    CHECK(error_of([&] { find_run(db, 7); }) ==
          path + ": no run 7 in this ledger (its runs are numbered 1 to 2)");
}

TEST_CASE("ledger: files that are not ledgers are refused, and left as they were", "[store]") {
    test::TempDir tmp("ledger-not-a-ledger");
    const std::string text = tmp / ("census.csv");
    std::ofstream(text) << "urn,name\n100001,Ashby Primary\n";
    CHECK(error_of([&] { Db d(text, Db::Mode::record); }) ==
          text + ": is not a fundsim ledger: not an SQLite database");
    std::ifstream again(text, std::ios::binary);
    CHECK(std::string((std::istreambuf_iterator<char>(again)), {}) == "urn,name\n100001,Ashby Primary\n");

    const std::string other = tmp / ("other.sqlite");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK(error_of([&] { Db d(other, Db::Mode::record); }) ==
          other + ": is not a fundsim ledger: an SQLite database of another program (application_id 0)");

    const std::string missing = tmp / ("missing.sqlite");
    CHECK(error_of([&] { Db d(missing, Db::Mode::read); }).find("no such ledger") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(missing));  // reading never makes one

    const std::string empty = tmp / ("empty.sqlite");
    std::ofstream(empty).flush();
    CHECK(error_of([&] { Db d(empty, Db::Mode::read); }) ==
          empty + ": is not a fundsim ledger: it is empty (no ledger tables)");
    Db made(empty, Db::Mode::record);  // recording into an empty file makes the ledger
    CHECK(count_runs(made) == 0);

    CHECK(error_of([&] { Db d(tmp.path.string(), Db::Mode::read); }) ==
          tmp.path.string() + ": is a folder, not a ledger file");
}

TEST_CASE("ledger: a ledger of a newer schema is refused", "[store]") {
    test::TempDir tmp("ledger-schema");
    const std::string path = tmp / ("ledger.sqlite");
    { Db db(path, Db::Mode::record); }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 2", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK(error_of([&] { Db d(path, Db::Mode::read); }) ==
          path +
              ": is a fundsim ledger of schema version 2; this fundsim reads version 1 (use the fundsim that "
              "wrote it)");
}

}  // namespace store_ledger_test
