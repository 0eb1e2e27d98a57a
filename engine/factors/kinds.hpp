// The factor kinds of funding-model §3, one function each over all schools (column-wise), before the
// phase/status filter; evaluate_factor (factors.cpp) dispatches to them. Internal to engine/factors.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim::kinds {

// per_pupil.cpp
Eigen::ArrayXd per_pupil(const Factor& f, const Census& c, bool reception_uplift);
// per_unit.cpp: per_unit, banded, per_unit_above_threshold
Eigen::ArrayXd per_unit(const Factor& f, const Census& c);
Eigen::ArrayXd banded(const Factor& f, const Census& c);
Eigen::ArrayXd above_threshold(const Factor& f, const Census& c);
// per_column.cpp: per_column, actual
Eigen::ArrayXd per_column(const Factor& f, const Census& c);
Eigen::ArrayXd actual(const Factor& f, const Census& c);
// lump_sum.cpp
Eigen::ArrayXd lump_sum(const Factor& f, const Census& c);
// allocation.cpp: the filter `mask` applied inside (the pot is shared among the schools it lets through)
Eigen::ArrayXd allocation(const Factor& f, const Census& c, const Eigen::ArrayXd& mask);
// london_fringe.cpp: `earlier` holds the amounts of the formula's factors
Eigen::ArrayXd london_fringe(const Factor& f, const Census& c, const std::vector<Eigen::ArrayXd>& earlier);

}  // namespace fundsim::kinds
