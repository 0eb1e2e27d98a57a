// Reading a high needs option (engine/high_needs/hn_scenario.hpp): a block option
// (engine/formula/block_option.hpp) with the high needs parser, and the option's own input files.
#include "engine/high_needs/hn_scenario.hpp"

#include "engine/formula/block_option.hpp"

namespace fundsim::hn {

HnOptionSource load_hn_option(const std::string& path) {
    HnOptionSource s;
    BlockOptionFiles files;
    s.formula = load_block_option(path, {"providers", "placements"}, parse_hn_formula, files);
    s.path = files.path;
    s.is_scenario = files.is_scenario;
    s.base_path = files.base_path;
    s.providers_path = files.files["providers"];
    s.placements_path = files.files["placements"];
    return s;
}

}  // namespace fundsim::hn
