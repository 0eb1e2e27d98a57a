// The budget share (docs/funding-model.md §4.4): the formula total with the MPPL and MFG top-ups, less the
// capping deduction, all as reported (rounded) lines so that the share is their sum to the penny.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

void apply_budget_share(Result& r) {
    r.budget_share.amount = r.factors.formula_total + r.mppl.topup + r.mfg.topup - r.capping.deduction;
    r.budget_share.per_pupil = round_penny(r.budget_share.amount / r.census->nor);
}

}  // namespace fundsim
