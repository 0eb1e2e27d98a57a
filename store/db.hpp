// An open ledger file (SQLite): opening checks that it is a fundsim ledger (or makes a new one), and
// the statements and transactions store/record.cpp and store/query.cpp are written with.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace fundsim::store {

// The schema version this fundsim writes and reads (store/schema.sql, PRAGMA user_version).
constexpr int kSchemaVersion = 1;
// PRAGMA application_id of a fundsim ledger: 'FSLD'.
constexpr std::int32_t kApplicationId = 0x46534C44;

class Db {
  public:
    enum class Mode {
        record,  // the file is made (with the schema) if missing or empty
        read,    // the file must exist and be a ledger
    };
    // Opens `path`; errors (kind input) name the file: missing, not SQLite, another program's database,
    // a newer schema. Rollback journal, synchronous=FULL (docs/ledger.md §3); a ledger left in WAL mode
    // (by a serve killed, or one still running) is returned to the rollback journal if no one else has it
    // open, and written through its WAL otherwise.
    Db(const std::string& path, Mode mode);
    // A ledger switched to WAL (write_ahead) is checkpointed and returned to the rollback journal, so that
    // it is one file again (docs/ledger.md §3); nothing thrown.
    ~Db();
    // WAL journal while one long-running process (serve) records a run per request (docs/ledger.md §3):
    // one sync per commit instead of four, each commit still one transaction, durable (synchronous=FULL).
    void write_ahead();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    // Runs SQL that returns no rows.
    void exec(const std::string& sql);
    // The id of the row the last INSERT made.
    std::int64_t last_insert_id() const;
    // Throws the Error for SQLite's last failure on this connection, `doing` saying what was being done.
    [[noreturn]] void fail_sqlite(const std::string& doing) const;

  private:
    void check_or_create(Mode mode);
    std::string path_;
    sqlite3* db_ = nullptr;
    bool write_ahead_ = false;
};

// A prepared statement; bind() counts parameters from 1 as SQLite does.
class Statement {
  public:
    Statement(Db& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind_null(int index);
    // Steps once: true while there is a row to read.
    bool step();
    // Ready to step again with new bindings.
    void reset();
    std::string text(int column) const;  // "" for NULL
    bool is_null(int column) const;
    std::int64_t integer(int column) const;

  private:
    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE (the write lock at once, so two writers queue rather than fail half-way) ... COMMIT;
// rolled back if destroyed uncommitted (an exception on the way).
class Transaction {
  public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Db& db_;
    bool open_ = true;
};

}  // namespace fundsim::store
