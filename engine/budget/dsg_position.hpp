// The DSG position (docs/la-budget.md §3, §6): each block's year from its opening reserve to its closing
// balance, and the total; the high needs deficit flagged.
#pragma once

#include <string>
#include <vector>

#include "engine/budget/block_figures.hpp"

namespace fundsim {

// One row of dsg.csv, pounds to the penny.
struct DsgRow {
    std::string block;
    double opening = 0, allocation = 0, import_export = 0, deductions = 0, transfers_in = 0,
           transfers_out = 0, recoupment = 0, spend = 0, in_year = 0, closing = 0;
};

struct DsgPosition {
    std::vector<DsgRow> rows;         // schools, central, high_needs, early_years
    DsgRow total;                     // every column the exact sum of the rows
    bool high_needs_deficit = false;  // the high needs block closes below zero (held in the DSG reserve)
};

// in_year = allocation + import_export + transfers_in − transfers_out − deductions − recoupment − spend;
// closing = opening + in_year (§3), in whole pennies. `blocks` in kBlocks order; `opening` the budget
// file's reserve; the schools block's transfers out and recoupment are given.
DsgPosition dsg_position(const BlockFigures (&blocks)[4], const double (&opening)[4], double transfers_out,
                         double recoupment);

}  // namespace fundsim
