// The calculation every command reports from: the census prepared for the formula, calculated, and
// self-checked (docs/funding-model.md §8) before anything is written.
#pragma once

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/run/result.hpp"

namespace fundsim {

// prepare_census, calculate, require_invariants. The result owns the census (Result::census).
Result calculate_checked(Census census, const Formula& formula);

}  // namespace fundsim
