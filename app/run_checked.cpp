// Calculate and self-check (app/run_checked.hpp): the engine's calculate_checked.
#include "app/run_checked.hpp"

#include "engine/run/calculate_checked.hpp"

namespace fundsim::app {

Result run_checked(Census census, const Formula& formula) {
    return calculate_checked(std::move(census), formula);
}

}  // namespace fundsim::app
