// Academy recoupment (docs/la-budget.md §4): the academies' budget shares the DfE takes back from the
// schools block, for academies open all year and for the academy part of schools converting in the year.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/budget/conversions.hpp"
#include "engine/run/result.hpp"

namespace fundsim {

struct Recoupment {
    double academies = 0;  // Σ budget shares of the census's academies (open all year)
    std::size_t academy_count = 0;
    double converting = 0;  // Σ academy_part of the conversions
    std::size_t converting_count = 0;
    double total = 0;  // academies + converting, exactly
};

Recoupment recoupment_of(const Result& r, const std::vector<Conversion>& conversions);

}  // namespace fundsim
