// Balancing (docs/funding-model.md §5): the lever a formula names (scaling, the cap or a factor multiplier)
// is solved so that the total of the budget shares fits the money available with under £1 left.
#pragma once

#include "engine/run/result.hpp"

namespace fundsim {

// Solves budget.solve_for on a result whose protections have been applied at the formula's own values,
// leaves the result at the solved value and sets r.budget. Throws an Error stating the shortfall when
// the lever's limit cannot make the total affordable.
// `same_lines`: r's lines before capping are those of the last balance(r), only the budget having changed
// since (a recalculation from FirstStage::balance), so the scaling or cap lever's search
// (capping_search.hpp) that balance kept in r is used again.
void balance(Result& r, bool same_lines = false);

// The factor multiplier lever: factor_raw from factor_base with the scaled factors times k (the London
// fringe follows the factors it lists). The protections must then be applied again (protect()).
void set_multiplier(Result& r, double k);

}  // namespace fundsim
