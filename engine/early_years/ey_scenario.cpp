// Reading an early years option (engine/early_years/ey_scenario.hpp): a block option
// (engine/formula/block_option.hpp) with the early years parser, and the option's own input files.
#include "engine/early_years/ey_scenario.hpp"

#include "engine/early_years/parse_ey_formula.hpp"

namespace fundsim {

EyOptionSource load_ey_option(const std::string& path) {
    return load_block_option<EyFormula>(path, {"providers", "hours"}, parse_ey_formula);
}

// docs/early-years.md §8: each calculation reads its providers and hours against its own formula.
EyOptionInputs load_ey_option_inputs(const EyOptionSource& option, const std::string& providers,
                                     const std::string& hours) {
    const std::string own_providers = option.file("providers"), own_hours = option.file("hours");
    EyOptionInputs in;
    in.providers = load_ey_providers(own_providers.empty() ? providers : own_providers, option.formula);
    in.hours = load_ey_hours(own_hours.empty() ? hours : own_hours, option.formula, in.providers);
    return in;
}

}  // namespace fundsim
