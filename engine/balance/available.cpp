// The available budget: schools block less deductions, to the penny.
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
    return round_penny(b.schools_block - total);
}

}  // namespace fundsim
