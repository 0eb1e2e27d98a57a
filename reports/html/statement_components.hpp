// The per-kind part of a budget statement: the rate × count pieces of one factor for one school, and the
// notes that explain them (docs/funding-model.md §3), as reports/html/statement_model.cpp lays them out as
// lines.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/run/result.hpp"
#include "reports/html/statement_model.hpp"

namespace fundsim::statement {

// One piece: its label, unit value and count as shown, and its exact (unrounded) amount; NaN where the
// engine keeps only the reported amount (an allocation's share of its pot).
struct Component {
    std::string label, rate, count;
    double exact = 0;
};

// A unit value: to the penny when it is whole pennies, else to 4 decimals (a rate scaled by the
// factor-multiplier lever), so that rate × count can be checked by hand.
std::string rate_text(double v);

// The rate × count pieces of one factor for one school (docs/funding-model.md §3), with notes for the reader.
// `k` is the solved factor multiplier where the lever scales this factor, else 1.
std::vector<Component> components(const Result& r, const Factor& f, std::size_t s, double k, bool uplift,
                                  std::vector<StatementLine>& notes);

}  // namespace fundsim::statement
