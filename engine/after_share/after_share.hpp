// After the budget share (docs/funding-model.md §6): de-delegation from maintained schools, grants outside
// the formula and its protections, and the notional SEN memo. None of them changes the budget share.
#pragma once

#include "engine/run/result.hpp"

namespace fundsim {

// de_delegation (one line per item, maintained schools only) and delegated_budget = budget_share − Σ items.
void apply_de_delegation(Result& r);
// grant_parts (rounded to the penny) and grants (Σ of each grant's parts).
void apply_grants(Result& r);
// notional_sen = Σ percent × reported factor line (a memo: part of the budget share, not added to it).
void apply_notional_sen(Result& r);

// The three, in order.
inline void after_budget_share(Result& r) {
    apply_de_delegation(r);
    apply_grants(r);
    apply_notional_sen(r);
}

}  // namespace fundsim
