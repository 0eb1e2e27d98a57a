// A factor's rates as its formula gives them, the same for every school, each kind listing its own in its
// file: the rows of the Forum report's parameter table (reports/html/params.cpp).
#pragma once

#include <string>
#include <vector>

#include "engine/factors/factor.hpp"

namespace fundsim {

enum class RateUnit { money, fraction, number, miles };

// One value of a factor as written in the formula.
struct FactorRate {
    std::string key;    // below the factor's id, stable across formulas: "ks3", "a/primary", "maximum/middle"
    std::string words;  // what it is: "KS3", "band A primary", "maximum, Middle"; a census column's name when
    bool column = false;  // `column` is set (per_column), for the reader to spell out as it spells names
    double value = 0;     // as the formula gives it: money before any factor multiplier
    RateUnit unit = RateUnit::money;  // only money values scale with the factor multiplier
    std::string path;                 // JSON pointer of the value in the formula: /factors/fsm/rate/primary
};

// The rates of `f`, in the order the kind lists them (none for `actual`, which passes a column through).
std::vector<FactorRate> rates_of(const Factor& f);

}  // namespace fundsim
