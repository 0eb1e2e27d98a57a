// A school's budget statement within the LA budget (docs/la-budget.md §4, §5; issue 12): the statement of
// `fundsim statements`, with the year's two parts for a converting school and the balance control for a
// school in balances.csv. Written by `fundsim budget` to DIR/statements/<urn>.html for those schools.
#pragma once

#include "engine/budget/la_budget.hpp"
#include "reports/html/statement_model.hpp"

namespace fundsim {

// build_statement's statement of `school` and, from the budget, "J. Conversion to an academy" (the
// maintained and academy parts, adding up to the budget share) and "K. Balance control" (the arithmetic of
// §5 and the clawback).
Statement budget_statement(const Result& r, const LaBudget& b, std::size_t school);

}  // namespace fundsim
