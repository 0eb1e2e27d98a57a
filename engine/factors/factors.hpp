// Evaluation of formula factors (docs/funding-model.md §3), column-wise over all schools at once.
#pragma once

#include <Eigen/Core>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim {

// 1 for schools the factor's phases/status filters let through, else 0.
Eigen::ArrayXd factor_mask(const Factor& f, const Census& c);

// Amount of one factor for every school. `london_fringe` needs the amounts of the factors it lists:
// pass them in `earlier` (indexed like the formula's factors). The census must have been prepared
// (prepare_census) for the formula.
Eigen::ArrayXd evaluate_factor(const Factor& f, const Census& c, bool reception_uplift,
                               const std::vector<Eigen::ArrayXd>& earlier = {});

// Amounts of all factors of a list, in order (london_fringe factors after the ones they list).
std::vector<Eigen::ArrayXd> evaluate_factors(const std::vector<Factor>& factors, const Census& c,
                                             bool reception_uplift);

}  // namespace fundsim
