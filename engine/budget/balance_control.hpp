// Balance control (docs/la-budget.md §5): maintained schools' balances against thresholds by phase, the
// clawback of excess uncommitted balances, and the flags for deficits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/budget/budget_file.hpp"
#include "engine/run/result.hpp"

namespace fundsim {

// One row of balances.csv.
struct BalanceRow {
    std::size_t school = 0;  // census row
    std::int64_t line = 0;
    double closing_balance = 0, committed = 0, exempt = 0;
    int excess_years = 0;
};

// One school's balance under the control (§5), each amount rounded to the penny.
struct BalanceOutcome {
    BalanceRow row;
    bool academy = false;  // academies are never clawed back
    double budget_share = 0;
    double uncommitted = 0, threshold = 0, excess = 0, rate = 0, clawback = 0;
    bool deficit = false, deficit_over_5pct = false;
};

// Reads balances.csv (`urn, closing_balance, committed`, optional `exempt`, `excess_years`): an unknown
// URN, a duplicate, a cell that is not a number are errors naming file, line, column and value.
std::vector<BalanceRow> load_balances(const std::string& path, const Census& census);

// The control applied to each row (§5). A maintained school whose phase has no threshold is an error naming
// balances.csv's line and the budget file's path for it.
std::vector<BalanceOutcome> control_balances(const std::vector<BalanceRow>& rows, const Result& r,
                                             const BalanceControl& control, const std::string& balances_file,
                                             const std::string& budget_file);

// One school's arithmetic (§5): what control_balances applies and the unit tests check by hand.
void apply_control(BalanceOutcome& b, double threshold_fraction, const BalanceControl& control);

}  // namespace fundsim
