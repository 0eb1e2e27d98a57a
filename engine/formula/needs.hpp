// What a formula reads from the census: the columns its factors, de-delegation items and grants need,
// so that a census is checked against a formula before any calculation.
#pragma once

#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim {

// A census column a formula reads, and why (for the message when it is missing or bad).
struct ColumnNeed {
    std::string column, why;
    bool allow_negative = false;
};
std::vector<ColumnNeed> columns_needed(const Formula& f);

// Prepares every column the formula needs (parsing and checking it); throws InputError on bad data.
void prepare_census(Census& census, const Formula& f);

}  // namespace fundsim
