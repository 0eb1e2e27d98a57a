// What `fundsim budget` and `fundsim plan` record in the run ledger (docs/ledger.md §2), and how a row of
// theirs is replayed: the command run again on its budget or plan file into a temporary folder.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/formula_source.hpp"
#include "engine/budget/budget_file.hpp"
#include "engine/io/json_reader.hpp"
#include "engine/years/plan.hpp"
#include "store/run_record.hpp"

namespace fundsim::app {

// One row being put together: its inputs in the order the command read them, the effective formula
// record and the summary as written.
struct LedgerRow {
    std::vector<store::RunInput> inputs;
    Json formula = Json::object();
    Json summary = Json::object();
};

// budget: the budget file, then every file it names (census, formula or scenario and its base, each high
// needs and early years file by its key, conversions, balances); formula {"schools": the schools formula's
// document}; its summary read back from `summary_file` (as written).
LedgerRow budget_ledger_row(const BudgetFile& bf, const FormulaSource& schools,
                            const std::string& summary_file);

// plan: adds one plan of those run together: the plan file, the start's census and formula (or scenario
// and base), the history and intake files, each year's formula named by the plan; its formula record
// {"years": {year: the document run that year}}; its summary read back from `summary_file` (as written).
// `label` is "" for a plan run alone, else its folder's name, which then prefixes its roles ("a: plan")
// and keys its formula and summary under "plans".
// A plan started from a budget file (`budget`, app/plan_budget.hpp) lists that file and every file it names
// ("start budget", "start census", ...) and the plan's conversions instead of a start census and formula.
struct BudgetPlan;
void add_plan_to_row(LedgerRow& row, const PlanFile& plan, const FormulaSource& start,
                     const std::map<std::string, FormulaSource>& given, const std::vector<PlanYear>& years,
                     const std::string& label, const std::string& summary_file,
                     const BudgetPlan* budget = nullptr);

// The summary of a recorded budget or plan made again: the command run on the budget or plan file(s) at
// `located` (the row's inputs found now, in order) into a temporary folder, removed after.
Json replay_by_command(const store::RunRecord& run, const std::vector<std::string>& located);

}  // namespace fundsim::app
