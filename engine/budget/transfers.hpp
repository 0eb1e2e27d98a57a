// Transfers between DSG blocks (docs/la-budget.md §2): the schools formula's deductions with their
// destination, and the flag for those that need the Secretary of State's approval.
#pragma once

#include <string>
#include <vector>

#include "engine/formula/formula.hpp"

namespace fundsim {

// One deduction of the schools formula as the budget sees it.
struct Transfer {
    std::string id, to;  // to: a block of kBlocks ("schools": kept in the block, spent centrally)
    double amount = 0;   // pounds, as the run deducted it (rounded to the penny)
    bool forum_agreed = false;
    bool needs_secretary_of_state = false;
    std::string reason;  // why it needs approval, in words (empty when it does not)
};

struct Transfers {
    std::vector<Transfer> lines;  // every deduction, in formula order
    double kept = 0;              // Σ deductions kept in the schools block
    double out = 0;               // Σ transfers out of the schools block
    double in[4] = {0, 0, 0, 0};  // transfers into each block (kBlocks order; schools is always 0)
    double out_share = 0;         // out ÷ schools block
};

// The deductions (`budget.deductions`, and their pounds as the run computed them, in the same order) as
// transfers: a transfer out is flagged when all transfers out pass 0.5% of the schools block, or when it is
// not forum agreed. `formula_file` names the formula in the error for an implausibly large deduction.
Transfers transfers_of(const Budget& budget, const std::vector<std::pair<std::string, double>>& pounds,
                       const std::string& formula_file = "the schools formula");

}  // namespace fundsim
