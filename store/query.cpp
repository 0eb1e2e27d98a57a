// Reading runs back (store/query.hpp).
#include "store/query.hpp"

#include "engine/core/error.hpp"

namespace fundsim::store {

namespace {

constexpr const char* kRunColumns =
    "SELECT id, time_utc, command, fundsim_version, option_name, formula, summary FROM runs ";

RunRecord read_run(const Statement& s) {
    RunRecord r;
    r.id = s.integer(0);
    r.time_utc = s.text(1);
    r.command = s.text(2);
    r.version = s.text(3);
    if (!s.is_null(4)) r.option_name = s.text(4);
    r.formula_json = s.text(5);
    r.summary_json = s.text(6);
    return r;
}

void read_inputs(Db& db, RunRecord& r) {
    Statement s(db, "SELECT role, path, sha256, located FROM run_inputs WHERE run_id = ?1 ORDER BY position");
    s.bind(1, r.id);
    while (s.step()) r.inputs.push_back(RunInput{s.text(0), s.text(1), s.text(2), s.text(3)});
}

}  // namespace

std::vector<RunRecord> latest_runs(Db& db, std::size_t limit) {
    const std::string sql = std::string(kRunColumns) + "ORDER BY id DESC LIMIT ?1";
    Statement s(db, sql.c_str());
    s.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    std::vector<RunRecord> runs;
    while (s.step()) runs.push_back(read_run(s));
    for (RunRecord& r : runs) read_inputs(db, r);
    return runs;
}

RunRecord find_run(Db& db, std::int64_t id) {
    const std::string sql = std::string(kRunColumns) + "WHERE id = ?1";
    Statement s(db, sql.c_str());
    s.bind(1, id);
    if (!s.step()) {
        Statement range(db, "SELECT min(id), max(id), count(*) FROM runs");
        range.step();
        const std::string held = range.integer(2) == 0
                                     ? "it holds no runs"
                                     : "its runs are numbered " + std::to_string(range.integer(0)) + " to " +
                                           std::to_string(range.integer(1));
        throw Error(Where{.file = db.path()},
                    "no run " + std::to_string(id) + " in this ledger (" + held + ")");
    }
    RunRecord r = read_run(s);
    read_inputs(db, r);
    return r;
}

std::int64_t count_runs(Db& db) {
    Statement s(db, "SELECT count(*) FROM runs");
    s.step();
    return s.integer(0);
}

}  // namespace fundsim::store
