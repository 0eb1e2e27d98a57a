// The sparsity factor (docs/funding-model.md §3.1): eligibility by distance and average year-group size,
// the distance taper and the year-group taper (NFF, linear or none).
#pragma once

#include <Eigen/Core>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim {

struct SparsityTerms {
    bool eligible = false;
    double average_year_group = 0, distance_weight = 0, year_weight = 0, amount = 0;
};

// One school: the parameters of its phase, its pupils, year groups and sparsity distance (miles).
SparsityTerms sparsity_for(const Factor& f, Phase phase, double nor, double year_groups, double distance);

// All schools (column-wise).
Eigen::ArrayXd evaluate_sparsity(const Factor& f, const Census& c);

}  // namespace fundsim
