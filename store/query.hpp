// Reading runs back from the ledger (docs/ledger.md §4): the latest ones for `fundsim ledger`, and one
// by its id for a replay.
#pragma once

#include <cstdint>
#include <vector>

#include "store/db.hpp"
#include "store/run_record.hpp"

namespace fundsim::store {

// The latest `limit` runs, newest first, each with its inputs in the order the run read them.
std::vector<RunRecord> latest_runs(Db& db, std::size_t limit);

// The run `id`, with its inputs; an Error naming the ledger (and the ids it does hold) if there is none.
RunRecord find_run(Db& db, std::int64_t id);

// How many runs the ledger holds.
std::int64_t count_runs(Db& db);

}  // namespace fundsim::store
