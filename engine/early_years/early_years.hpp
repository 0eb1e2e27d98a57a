// The early years block as one call (docs/early-years.md §2): the formula, providers and hours in, the
// termly and yearly payments, the solved base rate, the checks and the block's figures out. `fundsim
// early-years` and the LA budget (docs/la-budget.md §3) both read this result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/early_years/ey_formula.hpp"
#include "engine/early_years/hours.hpp"
#include "engine/early_years/pass_through.hpp"
#include "engine/early_years/payments.hpp"
#include "engine/early_years/providers.hpp"
#include "engine/early_years/supplement_cap.hpp"

namespace fundsim {

// One line of the LA's section 251 statement for the block (docs/la-budget.md §6): payments by entitlement
// group, EYPP, DAF, each central line.
struct EyS251Line {
    std::string id;     // "payments_u2", "payments_two", "payments_three_four", "eypp", "daf", "central_<id>"
    std::string label;  // for people
    std::int64_t pennies = 0;
};

struct EyResult {
    EyFormula formula;  // copies: the result stands alone
    EyProviders providers;
    double three_four_rate = 0;                 // the rate paid: the formula's, or the solved one
    std::optional<std::int64_t> solved_tenths;  // the solved rate in tenths of a penny (solve_for base_rate)
    std::vector<EyPayment> terms;               // provider × term, providers in file order
    std::vector<EyPayment> providers_year;      // one per provider
    EyPayment totals;                           // the LA's, over every provider and term
    std::int64_t allocation = 0;                // Σ allocation over the entitlement groups (pennies)
    std::int64_t central = 0, central_passed = 0;
    std::int64_t balance_spend = 0;  // base + supplements + nursery school supplement + central
    std::int64_t headroom = 0;       // allocation − balance_spend (negative: overspent)
    EyPassThrough pass_through;
    EySupplementShare supplement_share;

    // Figures of docs/la-budget.md §3. The block's allocation: the groups' plus the EYPP and DAF lines
    // when the formula gives them.
    std::int64_t block_allocation() const;
    // Spend: provider payments (EYPP and DAF included) + central lines.
    std::int64_t block_spend() const { return totals.total() + central; }
    // Payments to providers by entitlement group: base + supplements (+ the nursery school supplement,
    // paid on three_four hours).
    std::int64_t group_payments(EyGroup g) const;
    // The section 251 lines; they add up to block_spend().
    std::vector<EyS251Line> s251_lines() const;
};

// The formula's allocation in pennies: the entitlement groups' (what the base rate is solved to), and the
// block's, which adds the EYPP and DAF lines when the formula gives them (docs/la-budget.md §3).
std::int64_t ey_entitlement_allocation(const EyFormula& formula);
std::int64_t ey_block_allocation(const EyFormula& formula);

// Computes the block: the three_four base rate solved when the formula says so, the payments, the
// supplement cap (an Error of kind formula if breached), the pass-through test and the headroom.
EyResult calculate_early_years(const EyFormula& formula, const EyProviders& providers, const EyHours& hours);

}  // namespace fundsim
