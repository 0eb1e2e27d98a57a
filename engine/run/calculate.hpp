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

// The first step of the pipeline whose inputs changed, in the pipeline's order: the factors (any section),
// the MPPL (the mppl section), the MFG (mfg), capping (capping), balancing (budget).
enum class FirstStage { factors, mppl, mfg, capping, balance };

// Brings `r` up to date for `formula` by redoing the pipeline from `from` on: `r` is the result of a
// calculate() or recalculate() on the same census that ended without an error, and `formula` differs from
// the one it was calculated for only in sections read from `from` on (FirstStage). What comes before
// `from` is kept, so a sweep of the MFG or the schools block does not evaluate the factors again; the
// result is the one calculate(census, formula) gives, to the bit. After an error `r` must be calculated
// afresh.
void recalculate(Result& r, std::shared_ptr<const Formula> formula, FirstStage from);

}  // namespace fundsim
