// The calculation of run, validate and explain: prepare the census for the formula, calculate, and make
// the self-check before anything is written or printed.
#pragma once

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/run/result.hpp"

namespace fundsim::app {

// Prepares the census for the formula, calculates, and makes the self-check (require_invariants) before
// anything is written: run, validate and explain. The result owns the census (Result::census).
Result run_checked(Census census, const Formula& formula);

}  // namespace fundsim::app
