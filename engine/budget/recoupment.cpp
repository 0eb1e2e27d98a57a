// Recoupment (docs/la-budget.md §4): Σ academies' budget shares + Σ converting schools' academy parts.
#include "engine/budget/recoupment.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

Recoupment recoupment_of(const Result& r, const std::vector<Conversion>& conversions) {
    Recoupment rc;
    long long academies = 0, converting = 0;
    const Census& c = *r.census;
    for (std::size_t i = 0; i < c.size; ++i)
        if (c.status[i] == Status::academy) {
            academies += whole_pennies(r.budget_share.amount[static_cast<Eigen::Index>(i)]);
            ++rc.academy_count;
        }
    for (const auto& cv : conversions) converting += whole_pennies(cv.academy_part);
    rc.converting_count = conversions.size();
    rc.academies = static_cast<double>(academies) / 100.0;
    rc.converting = static_cast<double>(converting) / 100.0;
    rc.total = static_cast<double>(academies + converting) / 100.0;
    return rc;
}

}  // namespace fundsim
