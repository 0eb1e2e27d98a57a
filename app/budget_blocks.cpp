// The block engines of `fundsim budget` (app/budget_blocks.hpp). High needs and early years are built by
// their own issues (engine/high_needs/, engine/early_years/); each is plugged in here, in its own branch:
//     if (in.block == "high_needs") return {figures from engine/high_needs, its files};
// Until then a block is reported with its allocation and no spend, and the summary says so in words.
#include "app/budget_blocks.hpp"

namespace fundsim::app {

BlockRun run_budget_block(const BlockInputs& in) { return {allocation_only(in), {}}; }

}  // namespace fundsim::app
