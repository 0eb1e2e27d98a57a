// The calculation pipeline: evaluate factors → MPPL → MFG → capping → budget share → balance to the
// money available → de-delegation, grants, notional SEN. Loading and writing happen elsewhere.
#pragma once

#include <memory>

#include "engine/run/result.hpp"

namespace fundsim {

// Runs the whole calculation. The census must have been prepared for the formula (prepare_census,
// engine/formula/needs.hpp). Throws an Error when the budget cannot be balanced (stating the shortfall
// and the lever's limit) or when an amount is out of scale (check_amounts). The result is not yet
// self-checked: require_invariants (engine/run/invariants.hpp) before writing it.
// The result shares the census and the formula: the census is read only through its prepared columns
// (Census::cached), so any number of calculations may run on one census at once, from several threads.
Result calculate(std::shared_ptr<const Census> census, std::shared_ptr<const Formula> formula);
// The same on a copy of `formula`.
Result calculate(std::shared_ptr<const Census> census, const Formula& formula);

}  // namespace fundsim
