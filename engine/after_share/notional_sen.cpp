// Notional SEN (docs/funding-model.md §6): the part of each school's budget share the LA identifies as for
// special educational needs, a percentage of chosen factor lines. A memo: it moves no money.
#include "engine/after_share/after_share.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

void apply_notional_sen(Result& r) {
    const Eigen::Index n = static_cast<Eigen::Index>(r.census->size);
    // From the reported (rounded) factor lines.
    Eigen::ArrayXd sen = Eigen::ArrayXd::Zero(n);
    for (const auto& [id, pct] : r.formula->notional_sen)
        sen += pct * r.factors.amount[static_cast<std::size_t>(r.formula->factor_index(id))];
    r.after_share.notional_sen = round_penny(sen);
}

}  // namespace fundsim
