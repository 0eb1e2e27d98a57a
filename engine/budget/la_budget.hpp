// The LA's whole Schools Budget for a year (docs/la-budget.md): the schools run, transfers, conversions,
// recoupment, balance control, the four blocks, the DSG position and the s251 statement, in one result that
// the writers read (they never recompute).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/budget/balance_control.hpp"
#include "engine/budget/block_figures.hpp"
#include "engine/budget/budget_file.hpp"
#include "engine/budget/conversions.hpp"
#include "engine/budget/dsg_position.hpp"
#include "engine/budget/recoupment.hpp"
#include "engine/budget/s251.hpp"
#include "engine/budget/transfers.hpp"
#include "engine/run/result.hpp"

namespace fundsim {

// Something the Forum must know, as data: the writers put it in words.
struct BudgetFlag {
    std::string id;       // needs_secretary_of_state, high_needs_deficit, dsg_deficit, deficit_over_5pct,
                          // block_not_computed
    std::string subject;  // the transfer id, the block, or the school's URN
    double amount = 0;    // the transfer, the deficit
    std::string reason;   // needs_secretary_of_state: why; block_not_computed: "not_given"
};

struct LaBudget {
    std::string name, year, source;
    std::int64_t la = 0;
    bool proration_days = false;
    Transfers transfers;
    bool has_conversions = false, has_balances = false;
    std::vector<Conversion> conversions;
    std::vector<BalanceOutcome> balances;
    double balance_clawback = 0;  // Σ clawback: returns to the schools block (§5)
    Recoupment recoupment;
    BlockFigures blocks[4];  // kBlocks order
    DsgPosition dsg;
    S251Statement s251;
    std::vector<BudgetFlag> flags;
};

// The schools formula made to fit the DSG (§1): its budget.schools_block must equal dsg.schools_block
// (else an error naming both files); a formula without a budget is given one of dsg.schools_block, with no
// deductions and no lever.
void fit_formula_to_dsg(Formula& formula, const BudgetFile& b);

// The inputs a block's engine gets (block_figures.hpp) for block k of kBlocks (2 or 3).
BlockInputs block_inputs(const BudgetFile& b, const Result& schools, int k);

// Everything but the schools run, from it. `high_needs` and `early_years` are their engines' figures, or
// allocation_only(...) when no engine is linked; their allocation and transfers_in must be block_inputs'.
LaBudget compute_la_budget(const BudgetFile& b, const Result& schools,
                           const std::vector<ConversionRow>& conversions,
                           const std::vector<BalanceRow>& balances, BlockFigures high_needs,
                           BlockFigures early_years);

}  // namespace fundsim
