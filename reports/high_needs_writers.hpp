// The writers of `fundsim high-needs` (docs/high-needs.md §3): providers.csv and placements.csv
// (reports/csv/high_needs_csv.cpp), summary.json (reports/json/high_needs_json.cpp), the printed summary
// (reports/text/high_needs_summary.cpp) and the provider statements (reports/html/hn_statement.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/high_needs/result.hpp"

namespace fundsim {

// providers.csv: one row per provider, file order.
std::string hn_providers_csv(const hn::HnResult& r);
// placements.csv: one row per placement, file order.
std::string hn_placements_csv(const hn::HnResult& r);

// summary.json: the position (allocation, import/export, direct-funding deductions, transfers in,
// available, spend, in-year), place funding, top-ups by setting and inside/outside the LA, special MFG,
// central lines and the section 251 lines.
nlohmann::ordered_json hn_summary_json(const hn::HnResult& r);

// What `fundsim high-needs` prints: counts, the lines of the position, and whether it is a surplus.
std::string hn_summary_text(const hn::HnResult& r);

}  // namespace fundsim
