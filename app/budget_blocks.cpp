// The block engines of `fundsim budget` (app/budget_blocks.hpp): high needs (engine/high_needs,
// docs/high-needs.md) and early years (engine/early_years, docs/early-years.md), each run on the files the
// budget file names for it and turned into the figures of docs/la-budget.md §3 and its s251 lines.
#include "app/budget_blocks.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/early_years/early_years.hpp"
#include "engine/early_years/parse_ey_formula.hpp"
#include "engine/high_needs/calculate.hpp"
#include "engine/high_needs/formula.hpp"
#include "engine/high_needs/placements.hpp"
#include "engine/high_needs/providers.hpp"
#include "engine/high_needs/s251.hpp"
#include "reports/early_years_writers.hpp"
#include "reports/format.hpp"
#include "reports/high_needs_writers.hpp"
#include "reports/manifest.hpp"

namespace fundsim::app {

namespace {

// The file the budget file names for `key` (the budget file's parser requires each).
const std::string& file_of(const BlockInputs& in, const std::string& key) {
    for (const auto& [k, path] : in.files)
        if (k == key) return path;
    fail_internal("the " + in.block + " block was given no " + key + " file");
}

double from_pennies(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }

BlockRun high_needs_block(const BlockInputs& in) {
    const hn::HnFormula formula = hn::load_hn_formula(file_of(in, "formula"));
    const hn::Providers providers = hn::load_providers(file_of(in, "providers"));
    const hn::Placements placements = hn::load_placements(file_of(in, "placements"));
    hn::PositionInputs position;
    position.allocation = in.allocation;
    position.transfers_in = in.transfers_in;
    const hn::HnResult r = hn::calculate_high_needs(formula, providers, placements, position);
    BlockRun run;
    BlockFigures& f = run.figures;
    f.block = in.block;
    f.computed = true;
    f.allocation = in.allocation;
    f.transfers_in = in.transfers_in;
    f.import_export = round_penny(r.position.import_export);
    f.deductions = round_penny(r.position.dfe_place_deductions);
    for (const hn::S251Line& l : hn::s251_lines(r)) f.lines.push_back({in.block, l.id, l.label, l.amount, 0});
    long long spend = 0;
    for (const S251Line& l : f.lines) add_pennies(spend, l.amount);
    f.spend = static_cast<double>(spend) / 100.0;
    f.summary = hn_summary_json(r);
    run.files = {{"providers.csv", hn_providers_csv(r)},
                 {"placements.csv", hn_placements_csv(r)},
                 {"summary.json", f.summary.dump(2) + "\n"}};
    return run;
}

BlockRun early_years_block(const BlockInputs& in) {
    const std::string& formula_path = file_of(in, "formula");
    const EyFormula formula = load_ey_formula(formula_path);
    const EyProviders providers = load_ey_providers(file_of(in, "providers"), formula);
    const EyHours hours = load_ey_hours(file_of(in, "hours"), formula, providers);
    const EyResult r = calculate_early_years(formula, providers, hours);
    // The base rate is solved to the formula's allocation: it must be the DSG's early years block.
    if (std::llround(in.allocation * 100.0) != r.block_allocation())
        fail_json(formula_path, "/budget/allocation",
                  "adds up to " + pounds(from_pennies(r.block_allocation())) +
                      " (the entitlement groups, with EYPP and DAF when given), but the budget file's "
                      "dsg.early_years_block is " +
                      std::to_string(in.allocation) +
                      ": the base rate is set to the allocation, so they must agree",
                  ErrorKind::input);
    BlockRun run;
    BlockFigures& f = run.figures;
    f.block = in.block;
    f.computed = true;
    f.allocation = in.allocation;
    f.transfers_in = in.transfers_in;
    for (const EyS251Line& l : r.s251_lines())
        f.lines.push_back({in.block, l.id, l.label, from_pennies(l.pennies), 0});
    f.spend = from_pennies(r.block_spend());
    const EyInputs inputs{manifest_file(formula_path), manifest_file(file_of(in, "providers")),
                          manifest_file(file_of(in, "hours"))};
    f.summary = ey_summary_json(r, inputs);
    run.files = {{"payments.csv", ey_payments_csv(r)},
                 {"providers.csv", ey_providers_csv(r)},
                 {"summary.json", f.summary.dump(2) + "\n"}};
    return run;
}

}  // namespace

BlockRun run_budget_block(const BlockInputs& in) {
    if (in.files.empty()) return {allocation_only(in), {}};
    if (in.block == "high_needs")
        return with_context("in the high needs block of the budget", [&] { return high_needs_block(in); });
    if (in.block == "early_years")
        return with_context("in the early years block of the budget", [&] { return early_years_block(in); });
    return {allocation_only(in), {}};
}

}  // namespace fundsim::app
