// Grants (docs/funding-model.md §6): paid beside the budget share, outside the formula and all protections;
// each part is a factor, rounded to the penny, and a grant is the sum of its parts.
#include "engine/after_share/after_share.hpp"
#include "engine/core/money.hpp"
#include "engine/factors/factors.hpp"

namespace fundsim {

void apply_grants(Result& r) {
    const Census& c = *r.census;
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    r.after_share.grant_parts.clear();
    r.after_share.grants.clear();
    for (const auto& g : r.formula->grants) {
        auto parts = evaluate_factors(g.parts, c, false);
        Eigen::ArrayXd total = Eigen::ArrayXd::Zero(n);
        for (auto& p : parts) {
            p = round_penny(p);
            total += p;
        }
        r.after_share.grant_parts.push_back(std::move(parts));
        r.after_share.grants.push_back(total);
    }
}

}  // namespace fundsim
