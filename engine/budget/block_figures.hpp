// What a DSG block's own engine (high needs, early years) gives the LA budget (docs/la-budget.md §3): its
// figures for dsg.csv, its lines for the s251 statement and its own summary. The budget computes the
// schools and central blocks itself; a block whose engine is not linked is reported with its allocation.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fundsim {

// One line of the section 251 statement (docs/la-budget.md §6): pounds, rounded to the penny, and the
// count of schools (or providers) it sums over (0 for a line that is not a sum over schools).
struct S251Line {
    std::string block;  // a name of kBlocks, or "total"
    std::string id;     // e.g. "isb_delegated", "de_delegated/licences", "ongoing/admissions"
    std::string label;  // in a Forum member's words
    double amount = 0;
    std::size_t count = 0;
};

// What the budget gives a block's engine: the block's name, its allocation and the transfers into it from
// the schools block (both already decided by the budget file and the schools formula), and the files the
// budget file names for it, resolved beside the budget file ({"formula", path}, {"providers", path}, ...).
struct BlockInputs {
    std::string block;
    double allocation = 0;
    double transfers_in = 0;
    std::vector<std::pair<std::string, std::string>> files;
};

// A block's figures (pounds, each rounded to the penny). `allocation` and `transfers_in` must be those of
// its BlockInputs (the budget checks it). in_year and closing are the budget's (dsg_position.hpp).
struct BlockFigures {
    std::string block;
    bool computed = false;  // false: no engine supplied the block; allocation only, no spend
    double allocation = 0;
    double import_export = 0;  // high needs: the import/export adjustment
    double deductions = 0;     // high needs: places the DfE pays directly
    double transfers_in = 0;
    double spend = 0;
    std::vector<S251Line> lines;     // the block's s251 lines; Σ amount = spend
    nlohmann::ordered_json summary;  // the block's own summary (summary.json), null when none
};

// A block given only its allocation (no engine linked, or the block left out of the budget file).
BlockFigures allocation_only(const BlockInputs& in);

}  // namespace fundsim
