// The writers of `run`: allocations.csv and summary.json (docs/interfaces.md §6) and the summary it prints,
// and the text of `explain`. One header per command; each writer lives in its format's folder (csv/, json/,
// text/).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/run/result.hpp"

namespace fundsim {

// allocations.csv (reports/csv/allocations_csv.cpp).
std::string allocations_csv(const Result& r);

// summary.json: the LA totals, and the same by phase, status and area (reports/json/summary_json.cpp).
nlohmann::ordered_json summary_json(const Result& r);

// `explain --school URN`: how each line of that school's budget was computed (reports/text/explain.cpp).
std::string explain_school(const Result& r, std::size_t school);

// The finance officer's summary printed by `run` (total, available, headroom, lever, counts by phase;
// reports/text/run_summary.cpp).
std::string run_summary_text(const Result& r);

}  // namespace fundsim
