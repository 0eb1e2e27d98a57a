// One year's LA budget and its files (app/budget_run.hpp; docs/la-budget.md).
#include "app/budget_run.hpp"

#include "app/run_checked.hpp"
#include "app/run_outputs.hpp"
#include "engine/budget/schools_block.hpp"
#include "reports/budget_writers.hpp"
#include "reports/html/budget_html.hpp"
#include "reports/html/budget_statement.hpp"
#include "reports/html/statement_html.hpp"

namespace fundsim::app {

BudgetRun run_budget(const BudgetFile& bf, Census census, Formula formula,
                     const std::vector<ConversionRow>* conversions) {
    BudgetRun run;
    run.file = bf;
    // The schools block exactly as `fundsim run` computes it (§1), its formula fitted to the DSG.
    fit_formula_to_dsg(formula, bf);
    prepare_budget_census(census);
    const std::vector<BalanceRow> balance_rows =
        bf.balances ? load_balances(*bf.balances, census) : std::vector<BalanceRow>{};
    const std::vector<ConversionRow> conversion_rows =
        conversions      ? *conversions
        : bf.conversions ? load_conversions(*bf.conversions, census, bf.first_year, bf.proration_days)
                         : std::vector<ConversionRow>{};
    run.result = run_checked(std::move(census), formula);
    const Result& r = run.result;
    for (int k = 2; k < 4; ++k) {
        const BlockInputs in = block_inputs(bf, r, k);
        const bool given = (k == 2 ? bf.high_needs : bf.early_years).given;
        run.blocks[k - 2] = given ? run_budget_block(in) : BlockRun{allocation_only(in), {}};
    }
    run.budget = std::make_shared<const LaBudget>(compute_la_budget(
        bf, r, conversion_rows, balance_rows, run.blocks[0].figures, run.blocks[1].figures));
    return run;
}

void add_budget_outputs(OutputSet& out, const std::string& prefix, const BudgetRun& run,
                        const Manifest& schools_manifest, bool statements) {
    const Result& r = run.result;
    const LaBudget& b = *run.budget;
    const nlohmann::ordered_json schools_summary =
        add_run_outputs(out, prefix + "schools/", r, schools_manifest);
    for (int k = 0; k < 2; ++k)
        for (const auto& [name, content] : run.blocks[k].files)
            out.add(prefix + kBlocks[k + 2] + "/" + name, content);
    out.add(prefix + "dsg.csv", dsg_csv(b));
    out.add(prefix + "s251.csv", s251_csv(b));
    if (b.has_conversions) out.add(prefix + "conversions.csv", conversions_csv(b, *r.census));
    if (b.has_balances) out.add(prefix + "balances.csv", balances_csv(b, *r.census));
    out.add(prefix + "summary.json", budget_summary_json(b, schools_summary).dump(2) + "\n");
    out.add(prefix + "budget.html", budget_html(b, *r.census));
    // With statements: one for each converting school (both parts of its year) and each school with a
    // balance (§4, §5).
    if (!statements) return;
    std::vector<bool> stated(r.census->size, false);
    for (const auto& c : b.conversions) stated[c.row.school] = true;
    for (const auto& bo : b.balances) stated[bo.row.school] = true;
    for (std::size_t s = 0; s < stated.size(); ++s)
        if (stated[s])
            out.add(prefix + "statements/" + std::to_string(r.census->urn[s]) + ".html",
                    statement_html(budget_statement(r, b, s)));
}

}  // namespace fundsim::app
