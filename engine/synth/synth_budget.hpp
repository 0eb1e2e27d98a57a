// The demo LA's budget inputs for `fundsim budget` (docs/la-budget.md §1, §4, §5): balances of the
// maintained schools, a few conversions in the year, the schools' scenario with a 0.5% Forum-agreed
// transfer to high needs, and the budget file. Deterministic per seed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

// A high needs or early years block that the budget file computes (docs/la-budget.md §1): its formula as the
// budget file names it, its other inputs (the budget file's key, the file name beside the budget file) and
// its allocation, which the caller has set from them.
struct SynthBudgetBlock {
    std::string formula_path;
    std::vector<std::pair<std::string, std::string>> files;
    double allocation = 0;
};

struct SynthBudgetOptions {
    std::uint64_t seed = 1;
    // Paths as the budget file will write them (relative to its folder): the census, and the formula the
    // schools scenario is based on (a scenario given to synth is replaced by its base plus its changes).
    std::string census_path, base_formula_path;
    Json base_changes = Json::object();  // the given scenario's changes (empty for a formula)
    // Blocks given with their inputs; a block not given has an allocation sized from the schools block
    // and no inputs (the budget shows it with its allocation only).
    std::optional<SynthBudgetBlock> high_needs, early_years;
};

struct SynthBudgetFiles {
    std::string balances_csv, conversions_csv, schools_scenario_json, budget_json;
};

// The census must hold prior_year_budget (synth draws it near the formula's values: each school's size);
// `formula` is the one given to synth (its year, its schools block when it has a budget).
SynthBudgetFiles synth_budget_files(const Census& census, const Formula& formula,
                                    const SynthBudgetOptions& opt);

}  // namespace fundsim
