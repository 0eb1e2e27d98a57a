// Reading a high needs option (engine/high_needs/hn_scenario.hpp): a block option
// (engine/formula/block_option.hpp) with the high needs parser, and the option's own input files.
#include "engine/high_needs/hn_scenario.hpp"

#include "engine/formula/block_option.hpp"

namespace fundsim::hn {

HnOptionSource load_hn_option(const std::string& path) {
    BlockOption<HnFormula> o =
        load_block_option<HnFormula>(path, {"providers", "placements"}, parse_hn_formula);
    return HnOptionSource{
        o.path, o.is_scenario, o.base_path, o.file("providers"), o.file("placements"), std::move(o.formula)};
}

}  // namespace fundsim::hn
