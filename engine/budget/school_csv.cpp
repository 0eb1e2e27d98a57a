// URN and money cells of the budget's per-school files (engine/budget/school_csv.hpp).
#include "engine/budget/school_csv.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"

namespace fundsim {

std::size_t census_row_of(const Census& census, const std::string& file, std::int64_t line,
                          std::string_view cell, std::set<std::int64_t>& seen) {
    std::int64_t urn = 0;
    if (!parse_integer(cell, urn) || urn <= 0)
        fail_at(file, line, "urn", cell, "is not a positive whole number");
    const long row = census.index_of(urn);
    if (row < 0) fail_at(file, line, "urn", cell, "is not a school of the census " + census.file);
    if (!seen.insert(urn).second)
        fail_at(file, line, "urn", cell, "is a duplicate: the URN is on an earlier row");
    return static_cast<std::size_t>(row);
}

double money_cell(const std::string& file, std::int64_t line, const std::string& column,
                  std::string_view cell, bool allow_negative, bool blank_is_zero) {
    if (blank_is_zero && trim(cell).empty()) return 0;
    double v = 0;
    if (!parse_number(cell, v)) fail_at(file, line, column, cell, "is not a number (pounds)");
    if (v < 0 && !allow_negative) fail_at(file, line, column, cell, "must not be negative");
    if (std::fabs(v) > kMaxMoney) fail_at(file, line, column, cell, "is implausibly large");
    return v;
}

}  // namespace fundsim
