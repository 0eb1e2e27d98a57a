// Writing a run into the ledger (docs/ledger.md §2-§3): one row in `runs` and one per input file in
// `run_inputs`, in one transaction, so that a run killed part-way leaves the ledger as it was.
#pragma once

#include <cstdint>
#include <string>

#include "store/db.hpp"
#include "store/run_record.hpp"

namespace fundsim::store {

// Records `run` in one transaction and returns its id. Sets the time (UTC, now) when run.time_utc is
// empty, and each input's `located` (its path relative to the ledger's folder).
std::int64_t record_run(Db& db, RunRecord run);

// The inserts of record_run alone, inside a transaction the caller holds (record_run; the reliability
// test kills a process between them and the commit). `run` must already be complete.
std::int64_t insert_run(Db& db, const RunRecord& run);

// Now, in UTC to the second: 2026-12-06T21:51:13Z.
std::string utc_now();

// `path` (relative to the working folder, or absolute) as seen from the folder of the ledger at
// `ledger_path`: what a replay opens, wherever it is run from.
std::string located_from_ledger(const std::string& path, const std::string& ledger_path);

}  // namespace fundsim::store
