// The money the schools' budget shares must fit (docs/funding-model.md §5): the schools block less its
// deductions (growth, falling rolls, central items), each an amount or a percent of the block.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/formula/formula.hpp"

namespace fundsim {

// Schools block − Σ deductions, each deduction rounded to the penny; `lines` receives each (id, pounds).
double available_budget(const Budget& b, std::vector<std::pair<std::string, double>>* lines = nullptr);

}  // namespace fundsim
