// De-delegation (docs/funding-model.md §6): items taken back from maintained schools' budget shares for
// services the Schools Forum keeps central. Academies are never de-delegated.
#include "engine/after_share/after_share.hpp"
#include "engine/core/money.hpp"
#include "engine/factors/factors.hpp"

namespace fundsim {

void apply_de_delegation(Result& r) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    // Maintained schools only. The status filter is set on each item, so that an item sharing a pot
    // (allocation) shares all of it among maintained schools.
    Eigen::ArrayXd maintained(n);
    for (Eigen::Index i = 0; i < n; ++i)
        maintained[i] = c.status[static_cast<std::size_t>(i)] == Status::maintained ? 1.0 : 0.0;
    std::vector<Factor> items = r.formula->de_delegation;
    for (auto& item : items) item.status[static_cast<int>(Status::academy)] = false;
    auto dd = evaluate_factors(items, c, false);
    r.after_share.de_delegation.clear();
    r.after_share.delegated_budget = r.budget_share.amount;
    for (auto& a : dd) {
        r.after_share.de_delegation.push_back(round_penny(a * maintained));
        r.after_share.delegated_budget -= r.after_share.de_delegation.back();
    }
}

}  // namespace fundsim
