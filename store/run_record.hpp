// One run of the ledger as plain data (docs/ledger.md §2): what store/record.hpp writes and
// store/query.hpp reads back; no SQLite here, so that writers and the replay can use it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fundsim::store {

// One input file of a run.
struct RunInput {
    std::string role;     // "census", "formula", "scenario", "scenario's base", "baseline", "option 1", ...
    std::string path;     // as given on the command line (a scenario's base: as opened)
    std::string sha256;   // of its bytes when the run read it (reports/manifest.hpp)
    std::string located;  // relative to the ledger's folder (set by record_run): where a replay looks
};

struct RunRecord {
    std::int64_t id = 0;                     // set by the ledger
    std::string time_utc;                    // 2026-12-06T21:51:13Z (record_run sets it when empty)
    std::string command;                     // run, compare, sweep, budget, plan, serve
    std::string version;                     // fundsim's
    std::optional<std::string> option_name;  // a saved option's name, when given
    std::vector<RunInput> inputs;
    std::string formula_json;  // the effective formula(s), after patches (docs/ledger.md §2 per command)
    std::string summary_json;  // the summary as written
};

}  // namespace fundsim::store
