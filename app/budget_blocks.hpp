// Where the LA budget meets the block engines (docs/la-budget.md §3): the high needs and early years
// blocks' figures and their own output files. The one place to plug a block engine into `fundsim budget`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/budget/block_figures.hpp"

namespace fundsim::app {

// A block engine's answer: its figures and the files its writers made, by name under DIR/<block>/.
struct BlockRun {
    BlockFigures figures;
    std::vector<std::pair<std::string, std::string>> files;
};

// The block of `in.block` ("high_needs" or "early_years"), given its inputs. A block whose engine is not
// linked into this build is its allocation only (allocation_only) and writes no file.
BlockRun run_budget_block(const BlockInputs& in);

}  // namespace fundsim::app
