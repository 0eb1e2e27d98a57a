// The high needs and early years sections of budget.html (docs/la-budget.md §6; docs/high-needs.md §5,
// docs/early-years.md §5): what each block's engine computed, read from the summary it wrote
// (DIR/high_needs/summary.json, DIR/early_years/summary.json), so the page and the files agree.
#pragma once

#include <string>

#include "engine/budget/block_figures.hpp"

namespace fundsim {

// A money cell of budget.html's tables: its value to the penny in data-v, negative amounts marked.
std::string budget_amount_td(double v, const std::string& attrs = "");

// The section for a computed block; empty for one shown with its allocation only.
std::string high_needs_section_html(const BlockFigures& block);
std::string early_years_section_html(const BlockFigures& block);

}  // namespace fundsim
