// The writers of `compare` (the Schools Forum pack: comparison.csv, attribution.csv, summary.json,
// comparison.xlsx, the printed summary) and of `sweep` (sweep.csv). docs/interfaces.md §5-§6. One header for
// the two commands; each writer lives in its format's folder (csv/, json/, xlsx/, text/).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/compare/compare.hpp"
#include "engine/compare/sweep.hpp"

namespace fundsim {

// comparison.csv, long: one row per scenario and school. The contract's columns first (scenario, urn,
// name, phase, status, area, nor, baseline, budget_share, change, change_pct, change_per_pupil, mfg_topup,
// capping_deduction, mppl_topup), then baseline_per_pupil, budget_share_per_pupil, flags. change_pct is a
// fraction to 6 decimals (0.012345 = 1.2345%); baseline, change and change_pct are blank where the
// school has no baseline (a prior-year budget left blank). comparison.csv and attribution.csv are written
// by reports/csv/comparison_csv.cpp.
std::string comparison_csv(const Comparison& c);

// attribution.csv, long: scenario, urn, part, amount; for each school the parts add up to its change.
std::string attribution_csv(const Comparison& c);

// summary.json of `compare`: the baseline's totals, then per scenario the totals, counts and extremes,
// also by phase, status and area (reports/json/comparison_json.cpp).
nlohmann::ordered_json comparison_summary_json(const Comparison& c);

// comparison.xlsx: a Summary sheet and one sheet per scenario (numbers as numbers, £ and % formats,
// frozen header row, autofilter). Throws InputError if the workbook cannot be written
// (reports/xlsx/comparison_xlsx.cpp, with sheet_names).
void write_comparison_xlsx(const Comparison& c, const std::string& path);

// Excel sheet names for the scenarios: at most 31 characters, none of []:*?/\, no leading or trailing
// apostrophe, unique ignoring case, never "Summary" or "History" (Excel reserves History).
std::vector<std::string> sheet_names(const std::vector<std::string>& scenario_names);

// The finance officer's summary printed by `compare`: per option, total, headroom, lever, counts
// (reports/text/comparison_summary.cpp).
std::string comparison_summary_text(const Comparison& c);

// sweep.csv: one row per combination (see engine/compare/sweep.hpp for the columns' meaning;
// reports/csv/sweep_csv.cpp).
std::string sweep_csv(const Sweep& s);

// The summary of a sweep the run ledger keeps (docs/ledger.md §2): the formula's name, the number of
// combinations and of each status, and the SHA-256 of `csv`, the sweep.csv written
// (reports/json/sweep_summary_json.cpp).
nlohmann::ordered_json sweep_summary_json(const Sweep& s, const std::string& csv);

}  // namespace fundsim
