// Reading an early years option (engine/early_years/ey_scenario.hpp): a block option
// (engine/formula/block_option.hpp) with the early years parser, and the option's own input files.
#include "engine/early_years/ey_scenario.hpp"

#include "engine/early_years/parse_ey_formula.hpp"
#include "engine/formula/block_option.hpp"

namespace fundsim {

EyOptionSource load_ey_option(const std::string& path) {
    EyOptionSource s;
    BlockOptionFiles files;
    s.formula = load_block_option(path, {"providers", "hours"}, parse_ey_formula, files);
    s.path = files.path;
    s.is_scenario = files.is_scenario;
    s.base_path = files.base_path;
    s.providers_path = files.files["providers"];
    s.hours_path = files.files["hours"];
    return s;
}

}  // namespace fundsim
