// The available budget: schools block less deductions (plus any balances clawed back), to the penny.
#include "engine/balance/available.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

double available_budget(const Budget& b, std::vector<std::pair<std::string, double>>* lines) {
    double total = 0;
    for (const auto& d : b.deductions) {
        double v = round_penny(d.is_percent ? d.value * b.schools_block : d.value);
        if (lines) lines->emplace_back(d.id, v);
        total += v;
    }
    // Balances clawed back the year before return to the block (docs/la-budget.md §5; a plan's later years).
    return round_penny(b.schools_block - total + round_penny(b.balance_clawback));
}

}  // namespace fundsim
