// One year's LA budget computed and its files (docs/la-budget.md §1-§6): what `fundsim budget` runs, and
// each year of a plan started from a budget file (docs/multi-year.md), so that the two give the same bytes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/budget_blocks.hpp"
#include "engine/budget/la_budget.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

struct BudgetRun {
    BudgetFile file;
    Result result;       // the schools block's run, self-checked
    BlockRun blocks[2];  // high needs, early years
    std::shared_ptr<const LaBudget> budget;
};

// The year of `bf` on `census` and `formula` (fitted to the DSG: la_budget.hpp). `conversions`: the year's
// rows when the caller read them (a plan); null: bf.conversions is read against the census, if given.
BudgetRun run_budget(const BudgetFile& bf, Census census, Formula formula,
                     const std::vector<ConversionRow>* conversions = nullptr);

// The files of `fundsim budget` under `prefix` ("" or ending in '/'): schools/ (with `schools_manifest`),
// high_needs/, early_years/, dsg.csv, s251.csv, conversions.csv, balances.csv, summary.json, budget.html,
// and with `statements` each converting or balance-controlled school's statement.
void add_budget_outputs(OutputSet& out, const std::string& prefix, const BudgetRun& run,
                        const Manifest& schools_manifest, bool statements);

}  // namespace fundsim::app
