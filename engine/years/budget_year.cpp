// The budget of a plan's later year (engine/years/budget_year.hpp; docs/multi-year.md §1, §5).
#include "engine/years/budget_year.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

BudgetFile next_budget_file(const BudgetFile& start, const LaBudget& prev, const std::string& year,
                            double schools_block) {
    BudgetFile b = start;
    b.name = start.name + " (projected to " + year + ")";
    b.year = year;
    b.first_year = std::stoi(year.substr(0, 4));
    b.allocation[0] = schools_block;
    b.census.clear();
    b.formula.reset();
    b.scenario.reset();
    b.conversions.reset();
    b.balances.reset();
    for (int k = 0; k < 4; ++k) b.reserve[k] = prev.dsg.rows[static_cast<std::size_t>(k)].closing;
    // Balances clawed back at the end of the year before enter the schools block's reserve now
    // (docs/la-budget.md §5), and this year's formula has them to spend (Budget::balance_clawback).
    long long schools = whole_pennies(b.reserve[0]);
    schools += whole_pennies(prev.balance_clawback);
    b.reserve[0] = static_cast<double>(schools) / 100.0;
    return b;
}

}  // namespace fundsim
