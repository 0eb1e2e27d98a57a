// A replay of a ledger row (docs/ledger.md §4): the input files checked against their recorded SHA-256,
// the run made again from the recorded effective formula and the census, and its summary set against the
// recorded one, figure by figure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/run_record.hpp"

namespace fundsim::app {

struct ReplayOutcome {
    // One line per input that is missing or changed since the run: "census census.csv: changed since
    // the run (SHA-256 was 1a2b3c4d5e6f…, now …)".
    std::vector<std::string> changed_inputs;
    bool census_changed = false;  // then nothing was replayed
    // Why nothing was replayed, when it was not: "the census is not the one the run read", or for budget
    // and plan (replayed from their files) "an input is not the one the run read".
    std::string not_replayed;
    bool replayed = false;
    // One line per figure that differs: "/total_budget_share: recorded 1234.56, now 1234.57".
    std::vector<std::string> differences;
    bool ok() const { return changed_inputs.empty() && replayed && differences.empty(); }
};

// Replays `run`, read from the ledger at `ledger_path` (its inputs are found relative to that file's
// folder). An error in the recorded formula or a census that no longer loads is thrown as usual.
ReplayOutcome replay_run(const store::RunRecord& run, const std::string& ledger_path);

// The figures that differ between a recorded summary and a replayed one (every "manifest" object, at any
// depth, is left out: it names files and the version, not figures), as JSON pointers with both values.
std::vector<std::string> summary_differences(const nlohmann::ordered_json& recorded,
                                             const nlohmann::ordered_json& now);

}  // namespace fundsim::app
