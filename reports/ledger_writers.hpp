// The text of `fundsim ledger` (docs/ledger.md §4): the list of runs with their inputs and headline
// figures, read from what each row recorded, never recomputed (reports/text/ledger_list.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/run_record.hpp"

namespace fundsim {

// One run's headline figures from its recorded summary: for run the formula, total, available, headroom
// and lever; for compare each option's total and change; for sweep the combinations by status.
// budget: the DSG closing balance and the schools block; plan: each year's total.
std::string run_headline(const store::RunRecord& run);

// The listing: a line saying how many runs `ledger` holds and how many are shown, then per run (newest
// first) its id, time, command and version, its inputs (path and the first 12 hex digits of the SHA-256)
// and its headline.
std::string ledger_list_text(const std::string& ledger, const std::vector<store::RunRecord>& runs,
                             std::int64_t total);

}  // namespace fundsim
