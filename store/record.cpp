// Recording one run (store/record.hpp).
#include "store/record.hpp"

#include <ctime>
#include <filesystem>

#include "engine/core/error.hpp"

namespace fundsim::store {

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return b;
}

std::string located_from_ledger(const std::string& path, const std::string& ledger_path) {
    namespace fs = std::filesystem;
    const fs::path file = fs::absolute(path).lexically_normal();
    const fs::path folder = fs::absolute(ledger_path).lexically_normal().parent_path();
    const fs::path rel = file.lexically_relative(folder);
    return rel.empty() ? file.string() : rel.string();
}

std::int64_t insert_run(Db& db, const RunRecord& run) {
    Statement ins(db,
                  "INSERT INTO runs (time_utc, command, fundsim_version, option_name, formula, summary) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    ins.bind(1, run.time_utc).bind(2, run.command).bind(3, run.version);
    if (run.option_name)
        ins.bind(4, *run.option_name);
    else
        ins.bind_null(4);
    ins.bind(5, run.formula_json).bind(6, run.summary_json);
    ins.step();
    const std::int64_t id = db.last_insert_id();
    Statement input(db,
                    "INSERT INTO run_inputs (run_id, position, role, path, located, sha256) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    std::int64_t position = 0;
    for (const RunInput& in : run.inputs) {
        input.bind(1, id).bind(2, ++position).bind(3, in.role).bind(4, in.path).bind(5, in.located);
        input.bind(6, in.sha256);
        input.step();
        input.reset();
    }
    return id;
}

std::int64_t record_run(Db& db, RunRecord run) {
    if (run.time_utc.empty()) run.time_utc = utc_now();
    for (RunInput& in : run.inputs) in.located = located_from_ledger(in.path, db.path());
    Transaction t(db);
    const std::int64_t id = insert_run(db, run);
    t.commit();
    return id;
}

}  // namespace fundsim::store
