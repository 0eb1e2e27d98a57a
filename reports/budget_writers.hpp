// The writers of `fundsim budget` (docs/la-budget.md §6): dsg.csv, s251.csv, conversions.csv,
// balances.csv, summary.json, the flags in words, and the summary it prints. They read the LaBudget the
// engine computed and never recompute a figure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/budget/la_budget.hpp"

namespace fundsim {

// dsg.csv: block, opening, allocation, import_export, deductions, transfers_in, transfers_out, recoupment,
// spend, in_year, closing; a row per block then `total` (reports/csv/budget_csv.cpp).
std::string dsg_csv(const LaBudget& b);
// s251.csv: block, line, label, schools, amount; then the delegation rate's three rows.
std::string s251_csv(const LaBudget& b);
// conversions.csv: per converting school.
std::string conversions_csv(const LaBudget& b, const Census& census);
// balances.csv: per school of the balances file.
std::string balances_csv(const LaBudget& b, const Census& census);

// summary.json of the budget: the DSG figures, transfers, recoupment, conversions and balances totals, the
// s251 totals, flags, and each block's own summary (`schools`: the run's summary.json, as given)
// (reports/json/budget_json.cpp).
nlohmann::ordered_json budget_summary_json(const LaBudget& b, const nlohmann::ordered_json& schools_summary);

// Each flag in words a Forum member understands (reports/budget_flags.cpp); the schools' names from the
// census.
std::vector<std::string> flag_words(const LaBudget& b, const Census& census);

// What `fundsim budget` prints: blocks, transfers, recoupment, reserve, flags
// (reports/text/budget_summary.cpp).
std::string budget_summary_text(const LaBudget& b, const Census& census);

}  // namespace fundsim
