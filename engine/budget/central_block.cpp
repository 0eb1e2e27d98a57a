// The CSSB's figures and s251 lines (docs/la-budget.md §3).
#include "engine/budget/central_block.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

BlockFigures central_block_figures(const BudgetFile& b, double transfers_in) {
    BlockFigures f;
    f.block = "central";
    f.computed = true;
    f.allocation = b.allocation[1];
    f.transfers_in = transfers_in;
    long long spend = 0;
    auto add = [&](const char* part, const char* words, const std::vector<CentralLine>& lines) {
        for (const auto& l : lines) {
            f.lines.push_back({"central", std::string(part) + "/" + l.id, std::string(words) + l.id,
                               round_penny(l.amount), 0});
            spend += whole_pennies(l.amount);
        }
    };
    add("ongoing", "Central services, ongoing responsibilities: ", b.central_ongoing);
    add("historic", "Central services, historic commitments: ", b.central_historic);
    f.spend = static_cast<double>(spend) / 100.0;
    return f;
}

}  // namespace fundsim
