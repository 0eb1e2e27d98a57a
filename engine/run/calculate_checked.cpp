// Calculate and self-check (engine/run/calculate_checked.hpp).
#include "engine/run/calculate_checked.hpp"

#include <memory>

#include "engine/formula/needs.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"

namespace fundsim {

Result calculate_checked(Census census, const Formula& formula) {
    prepare_census(census, formula);
    Result r = calculate(std::make_shared<const Census>(std::move(census)), formula);
    require_invariants(r);  // self-check (docs/funding-model.md §8): refuse to write a result that breaks one
    return r;
}

}  // namespace fundsim
