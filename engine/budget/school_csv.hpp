// The cells the budget's per-school files share (conversions.csv, balances.csv): a URN that must be a
// school of the census, and amounts of money; every error names file, line, column and value.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "engine/census/census.hpp"

namespace fundsim {

// The census row of the URN in `cell`; an error if it is not a whole number, not in the census, or was on
// an earlier row of the same file (`seen`).
std::size_t census_row_of(const Census& census, const std::string& file, std::int64_t line,
                          std::string_view cell, std::set<std::int64_t>& seen);

// Pounds: a finite number below kMaxMoney in size; negative only when `allow_negative`. A blank cell is 0
// when `blank_is_zero`, else an error.
double money_cell(const std::string& file, std::int64_t line, const std::string& column,
                  std::string_view cell, bool allow_negative, bool blank_is_zero);

}  // namespace fundsim
