// The writers of `run`: allocations.csv and summary.json (interfaces §6), and the text of `explain`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/run/result.hpp"

namespace fundsim {

std::string allocations_csv(const Result& r);

// summary.json: the LA totals, and the same by phase, status and area.
nlohmann::ordered_json summary_json(const Result& r);

// `explain --school URN`: how each line of that school's budget was computed.
std::string explain_school(const Result& r, std::size_t school);

// The finance officer's summary printed by `run` (total, available, headroom, lever, counts by phase).
std::string run_summary_text(const Result& r);

}  // namespace fundsim
