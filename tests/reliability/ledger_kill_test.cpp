// Reliability of the run ledger (docs/ledger.md §3): a process killed (SIGKILL) in the middle of writing a
// run, after SQLite has already written some of the run's pages into the ledger file, leaves a ledger that
// the next opener rolls back: PRAGMA integrity_check is ok and no part of the run is there; the same for
// the WAL that serve writes through, whose committed runs survive the kill.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/sha256.hpp"
#include "store/db.hpp"
#include "store/query.hpp"
#include "store/record.hpp"
#include "tests/support.hpp"

namespace reliability_ledger_kill_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::store;

namespace {

RunRecord run_with_summary(std::string summary) {
    RunRecord r;
    r.command = "run";
    r.version = "0.1.0";
    r.time_utc = "2026-12-06T21:00:00Z";
    r.inputs = {{"census", "census.csv", std::string(64, 'a'), "census.csv"},
                {"formula", "formula.json", std::string(64, 'b'), "formula.json"}};
    r.formula_json = R"({"name":"F"})";
    r.summary_json = std::move(summary);
    return r;
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// A child process opens `ledger`, runs `first` on it, then starts a transaction writing a run with a summary
// of 8 MB (more than SQLite's page cache, 2 MB, so the transaction spills pages into the ledger file, or
// its WAL, before the commit) and is killed (SIGKILL) before the commit.
void write_and_die(const std::string& ledger, void (*first)(Db&)) {
    const std::string big = "{\"x\":\"" + std::string(8u << 20, 'x') + "\"}";
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            Db db(ledger, Db::Mode::record);
            first(db);
            Transaction t(db);
            insert_run(db, run_with_summary(big));
            ::kill(::getpid(), SIGKILL);  // before the commit
        } catch (...) {
        }
        _exit(99);  // not reached unless the child failed before the kill
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
}

// A ledger in `d` holding one run.
std::string ledger_with_one_run(const test::TempDir& d) {
    const std::string ledger = d / "ledger.sqlite";
    Db db(ledger, Db::Mode::record);
    record_run(db, run_with_summary(R"({"total_budget_share":1.0})"));
    return ledger;
}

// Opened after the kill (the opener rolls back the journal, or reads the WAL): intact, with `runs` runs and
// `inputs` input rows, none of the killed run's.
void check_intact(Db& db, std::int64_t runs, std::int64_t inputs) {
    Statement check(db, "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
    CHECK(count_runs(db) == runs);
    Statement in(db, "SELECT count(*) FROM run_inputs");
    in.step();
    CHECK(in.integer(0) == inputs);
}

}  // namespace

TEST_CASE("ledger reliability: a writer killed mid-transaction leaves no partial row",
          "[store][reliability]") {
    test::TempDir d("ledger-kill");
    const std::string ledger = ledger_with_one_run(d);
    const std::string before = sha256_hex(file_bytes(ledger));

    // The kill lands on a half-written ledger file.
    write_and_die(ledger, [](Db&) {});
    // The kill left what a power cut leaves: the journal, and a ledger file already changed.
    CHECK(std::filesystem::exists(ledger + "-journal"));
    CHECK(sha256_hex(file_bytes(ledger)) != before);

    {
        Db db(ledger, Db::Mode::read);  // the first reader rolls the journal back
        check_intact(db, 1, 2);         // the first run and its two inputs
        CHECK(find_run(db, 1).summary_json == R"({"total_budget_share":1.0})");
        CHECK_FALSE(std::filesystem::exists(ledger + "-journal"));
    }

    // And the ledger takes the next run as if nothing had happened (the id after the killed one's is free).
    Db writer(ledger, Db::Mode::record);
    CHECK(record_run(writer, run_with_summary(R"({"total_budget_share":2.0})")) == 2);
}

TEST_CASE("ledger reliability: a serve (WAL) killed mid-transaction keeps its committed runs, no partial row",
          "[store][reliability]") {
    test::TempDir d("ledger-kill-wal");
    const std::string ledger = ledger_with_one_run(d);
    write_and_die(ledger, [](Db& db) {
        db.write_ahead();  // as serve writes (app/serve/what_if.cpp)
        record_run(db, run_with_summary(R"({"total_budget_share":2.0})"));  // committed, in the WAL
    });
    // The kill left the WAL beside the ledger: the committed run is only there, not yet in the ledger.
    CHECK(std::filesystem::exists(ledger + "-wal"));

    {
        Db db(ledger, Db::Mode::read);  // recovers the WAL, and returns the ledger to the rollback journal
        check_intact(db, 2, 4);         // the two committed runs and their inputs
        CHECK(find_run(db, 2).summary_json == R"({"total_budget_share":2.0})");
        Statement journal(db, "PRAGMA journal_mode");
        REQUIRE(journal.step());
        CHECK(journal.text(0) == "delete");
    }
    CHECK_FALSE(std::filesystem::exists(ledger + "-wal"));  // one file again

    // A clean close of a WAL writer leaves one file too (serve stopped by Ctrl-C).
    {
        Db writer(ledger, Db::Mode::record);
        writer.write_ahead();
        CHECK(record_run(writer, run_with_summary(R"({"total_budget_share":3.0})")) == 3);
        CHECK(std::filesystem::exists(ledger + "-wal"));
    }
    CHECK_FALSE(std::filesystem::exists(ledger + "-wal"));
    CHECK_FALSE(std::filesystem::exists(ledger + "-shm"));
    Db reader(ledger, Db::Mode::read);
    CHECK(count_runs(reader) == 3);
}

}  // namespace reliability_ledger_kill_test
