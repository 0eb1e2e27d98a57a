// The checks of a calculated result: every amount within what one school can receive, and the invariants
// of docs/funding-model.md §8, made before anything is written (ledger's unbalanced-transaction report).
#pragma once

#include <string>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

// Refuses (an Error of kind formula) a result holding an amount beyond kMaxMoney on any reported line of any
// school, naming the line (factor, protection, de-delegation item, grant part) by its JSON path and the
// school by its URN. Such an amount comes from a rate, or a census value it multiplies, far out of scale; it
// would also break the exact penny sums of docs/funding-model.md §7.
// `lines` from_protections leaves out the factor lines and the grants: a recalculation that kept them
// (engine/run/calculate.hpp) has checked them already.
enum class AmountLines { all, from_protections };
void check_amounts(const Result& r, AmountLines lines = AmountLines::all);

// docs/funding-model.md §8: the invariants every run must satisfy. Returns one line per failure (empty = all
// hold).
std::vector<std::string> check_invariants(const Result& r);

// The self-check every command makes before it writes: throws an Error of kind invariant (fundsim's own
// fault, never the user's input) listing each failure of check_invariants() with its figures, the message
// starting "WHAT: " when `what` is given.
void require_invariants(const Result& r, const std::string& what = "");

}  // namespace fundsim
