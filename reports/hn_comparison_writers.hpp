// The writers of `fundsim compare --high-needs` (docs/high-needs.md §6): hn-comparison.csv
// (reports/csv/hn_comparison_csv.cpp), summary.json (reports/json/high_needs_json.cpp) and the printed
// summary (reports/text/hn_comparison_summary.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/compare/hn_compare.hpp"

namespace fundsim {

// One row per option and provider (the baseline's providers in file order, then any new in the option).
std::string hn_comparison_csv(const hn::HnComparison& c);

// The baseline's position, and per option its position, the change against the baseline, the providers
// gaining, losing and unchanged, and the largest gain and loss.
nlohmann::ordered_json hn_comparison_json(const hn::HnComparison& c);

// What is printed: per option, the change in spend and in the in-year position, gainers and losers.
std::string hn_comparison_text(const hn::HnComparison& c);

}  // namespace fundsim
