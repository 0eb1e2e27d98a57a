// Opening a ledger and talking to SQLite (store/db.hpp): every SQLite failure becomes an Error naming the
// ledger file and what was being done.
#include "store/db.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "engine/core/error.hpp"
#include "store/schema_sql.hpp"

namespace fundsim::store {

namespace {

// How long a writer waits for another one (two commands recording into one ledger at once) before
// giving up with "database is locked".
constexpr int kBusyTimeoutMs = 10000;

std::int64_t query_integer(Db& db, const char* sql) {
    Statement s(db, sql);
    return s.step() ? s.integer(0) : 0;
}

}  // namespace

Db::Db(const std::string& path, Mode mode) : path_(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error(Where{.file = path}, "is a folder, not a ledger file");
    if (mode == Mode::read && !fs::exists(path, ec))
        throw Error(
            Where{.file = path},
            "no such ledger (a ledger is made by run, compare, sweep, budget or plan given --ledger FILE)");
    // Read-write even to read: a run killed mid-write leaves a hot journal, which only a writer can roll
    // back (docs/ledger.md §3). A write-protected file is opened read-only by SQLite.
    const int flags = SQLITE_OPEN_READWRITE | (mode == Mode::record ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(Where{.file = path}, "cannot open the ledger: " + why);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    try {
        check_or_create(mode);
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Db::~Db() {
    if (!db_) return;
    if (write_ahead_) {
        // Every commit into the ledger file, the WAL emptied, then the rollback journal again (which
        // deletes the WAL); if another connection has the ledger open the switch fails and its last
        // closer, or the next fundsim to open it, makes it (docs/ledger.md §3).
        sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db_);
}

void Db::write_ahead() {
    Statement mode(*this, "PRAGMA journal_mode = WAL");
    if (!mode.step() || mode.text(0) != "wal")
        throw Error(Where{.file = path_},
                    "cannot write the ledger through a WAL (journal mode " + mode.text(0) + ")");
    exec("PRAGMA synchronous = FULL");
    write_ahead_ = true;
}

void Db::check_or_create(Mode mode) {
    const std::int64_t app_id = query_integer(*this, "PRAGMA application_id");
    const std::int64_t objects = query_integer(*this, "SELECT count(*) FROM sqlite_schema");
    if (app_id == 0 && objects == 0) {
        if (mode == Mode::read)
            throw Error(Where{.file = path_}, "is not a fundsim ledger: it is empty (no ledger tables)");
        // Rollback journal, each commit synced to disk before it returns (docs/ledger.md §3).
        exec("PRAGMA journal_mode = DELETE");
        exec("PRAGMA synchronous = FULL");
        Transaction t(*this);
        // Under the write lock: another process may have made the ledger since the look above.
        if (query_integer(*this, "PRAGMA application_id") == 0) exec(kLedgerSchemaSql);
        t.commit();
    } else if (app_id != kApplicationId) {
        throw Error(Where{.file = path_},
                    "is not a fundsim ledger: an SQLite database of another program (application_id " +
                        std::to_string(app_id) + ")");
    }
    const std::int64_t version = query_integer(*this, "PRAGMA user_version");
    if (version != kSchemaVersion)
        throw Error(Where{.file = path_}, "is a fundsim ledger of schema version " + std::to_string(version) +
                                              "; this fundsim reads version " +
                                              std::to_string(kSchemaVersion) +
                                              " (use the fundsim that wrote it)");
    exec("PRAGMA foreign_keys = ON");
    // The rollback journal (docs/ledger.md §3). A ledger in WAL mode held by a running serve cannot
    // switch (it would wait for the serve to end): tried without waiting, it then stays in WAL, where a
    // commit is as atomic and, with synchronous=FULL, as durable.
    sqlite3_busy_timeout(db_, 0);
    sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (mode == Mode::record) exec("PRAGMA synchronous = FULL");
}

void Db::exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail_sqlite("writing");
}

std::int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Db::fail_sqlite(const std::string& doing) const {
    const int code = sqlite3_errcode(db_);
    const std::string msg = sqlite3_errmsg(db_);
    switch (code) {
        case SQLITE_NOTADB:
            throw Error(Where{.file = path_}, "is not a fundsim ledger: not an SQLite database");
        case SQLITE_CORRUPT:
            throw Error(Where{.file = path_}, "the ledger is damaged (" + msg + ") while " + doing);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(Where{.file = path_}, "the ledger is in use by another program (waited " +
                                                  std::to_string(kBusyTimeoutMs / 1000) + " s) while " +
                                                  doing);
        case SQLITE_CONSTRAINT:
        case SQLITE_MISUSE:
        case SQLITE_RANGE:
            // fundsim's own statements broke a rule of its schema: its bug, not the user's file.
            throw Error(Where{.file = path_}, "SQLite: " + msg + " while " + doing, ErrorKind::internal);
        default:
            throw Error(Where{.file = path_}, "SQLite: " + msg + " while " + doing);
    }
}

Statement::Statement(Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) db.fail_sqlite("reading");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
        SQLITE_OK)
        db_.fail_sqlite("writing");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail_sqlite("writing");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail_sqlite("writing");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail_sqlite(sqlite3_stmt_readonly(stmt_) ? "reading" : "writing");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    if (!p) return "";
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    // Nothing may throw here: a failed rollback leaves the journal, which the next opener rolls back.
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace fundsim::store
