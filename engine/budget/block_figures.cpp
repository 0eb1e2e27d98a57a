// A block reported with its allocation only (engine/budget/block_figures.hpp).
#include "engine/budget/block_figures.hpp"

#include "engine/core/money.hpp"

namespace fundsim {

BlockFigures allocation_only(const BlockInputs& in) {
    BlockFigures f;
    f.block = in.block;
    f.computed = false;
    f.allocation = round_penny(in.allocation);
    f.transfers_in = round_penny(in.transfers_in);
    return f;
}

}  // namespace fundsim
