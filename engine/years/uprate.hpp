// A year's formula made from the year before's (docs/multi-year.md §1): factor rates, the lump sum and
// sparsity maxima, MPPL levels, the MFG percent and grant rates uprated as the plan says. The formula
// document is uprated, so the year's formula can be written out, read back and run on its own.
#pragma once

#include <string>

#include "engine/formula/formula.hpp"
#include "engine/years/plan_file.hpp"

namespace fundsim {

// The document of `prev` (its scenario's changes applied) with `u` applied, its `year` set to `year` and
// its `name` to `name`. Uprated money rates are rounded to the penny (rates are published in pounds and
// pence); de-delegated items and the budget's fixed deductions stay as they are (the Forum sets them each
// year). The schools block is the caller's (plan.cpp).
Json uprate_formula(const Formula& prev, const Uprating& u, const std::string& year, const std::string& name);

}  // namespace fundsim
