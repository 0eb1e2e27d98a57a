// A plan started from a budget file (docs/multi-year.md §1, §3, §5): each year's whole LA budget, the
// first exactly `fundsim budget` of the file, each later one built from the year before's.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/budget_run.hpp"
#include "app/formula_source.hpp"
#include "engine/years/plan.hpp"
#include "engine/years/plan_conversions.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

struct BudgetPlan {
    BudgetFile start;
    FormulaSource start_source;  // the start budget's schools formula or scenario
    std::vector<BudgetRun> years;
};

// Runs the plan of `in` (in.plan.budget set; in.formulas and in.census_names as for any plan; the start
// census and formula are read here from the budget file). Errors: the plan's first year not the budget's
// (at /years/0), a start budget naming a missing file, a bad conversions row (file, line, column, value).
std::vector<PlanYear> run_budget_plan(PlanInputs in, BudgetPlan& out);

// Year t's files under `dir` ("<year>/"): exactly `fundsim budget`'s; a later year's also its census.csv
// and formula.json (so `fundsim run` can run its schools block again on its own).
void add_budget_plan_year(OutputSet& out, const std::string& dir, const BudgetPlan& bp,
                          const std::vector<PlanYear>& years, std::size_t t);

// The plan's summary.json manifest: the start budget's census and formula (and "budget": its file).
nlohmann::ordered_json budget_plan_manifest(const BudgetPlan& bp);

}  // namespace fundsim::app
