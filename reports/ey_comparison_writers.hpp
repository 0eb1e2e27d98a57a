// The writers of `fundsim compare --early-years` (docs/early-years.md §8): ey-comparison.csv
// (reports/csv/ey_comparison_csv.cpp), summary.json (reports/json/ey_comparison_json.cpp) and the printed
// summary (reports/text/ey_comparison_summary.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/compare/ey_compare.hpp"

namespace fundsim {

// One row per option and provider (the baseline's providers in file order, then any new in the option).
std::string ey_comparison_csv(const EyComparison& c);

// The baseline's block figures (base rate, payments, balance, pass-through, supplement share), and per
// option the same, their change against the baseline, the providers gaining, losing and unchanged, and the
// largest gain and loss.
nlohmann::ordered_json ey_comparison_json(const EyComparison& c);

// What is printed: the baseline's and each option's figures as `fundsim early-years` prints them, the
// change in payments, rate and headroom, gainers and losers.
std::string ey_comparison_text(const EyComparison& c);

}  // namespace fundsim
