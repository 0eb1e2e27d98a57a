// The LA's section 251 budget statement (docs/la-budget.md §6): every block's lines, academy recoupment
// as a memo, totals by block and overall, and the delegation rate.
#pragma once

#include <vector>

#include "engine/budget/block_figures.hpp"
#include "engine/budget/recoupment.hpp"

namespace fundsim {

struct S251Statement {
    std::vector<S251Line> lines;  // each block's lines then its total ("<block>/total"), then "total"
    double isb = 0;               // Σ ISB lines (delegated and suspended)
    double schools_budget = 0;    // Σ spend of every block: the Schools Budget net of recoupment
    double delegation_rate = 0;   // isb ÷ schools_budget (0 when there is no budget)
};

// Lines in kBlocks order: each block's own lines, its total (= its spend), the recoupment memo after the
// schools block's, and the overall total.
S251Statement s251_statement(const BlockFigures (&blocks)[4], const Recoupment& recoupment);

}  // namespace fundsim
