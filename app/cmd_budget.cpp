// `fundsim budget --budget B.json --out DIR`: the LA's whole Schools Budget for a year (docs/la-budget.md):
// the schools run, transfers, conversions, recoupment, balances, the four DSG blocks, dsg.csv, s251.csv.
#include <iostream>

#include "app/budget_blocks.hpp"
#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_budget_plan.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "app/run_checked.hpp"
#include "app/run_outputs.hpp"
#include "engine/budget/la_budget.hpp"
#include "engine/budget/schools_block.hpp"
#include "reports/budget_writers.hpp"
#include "reports/html/budget_html.hpp"
#include "reports/html/budget_statement.hpp"
#include "reports/html/statement_html.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_budget(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()(
        "budget,b", po::value<std::string>()->required(),
        "the budget file (JSON): DSG allocations, the schools' census and formula, central lines, "
        "conversions, balances, reserve");
    add_out_folder_option(desc);
    desc.add_options()("statements",
                       "also write a printable statement for each converting school (both parts of its year) "
                       "and each school in the balances file (with any clawback): DIR/statements/<urn>.html");
    add_quiet_option(desc);
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options("budget",
                       "The LA's whole Schools Budget for a year: every DSG block, transfers, recoupment, "
                       "conversions, balances; writes schools/, dsg.csv, s251.csv, summary.json.",
                       desc, args, vm))
        return kOk;
    const auto ledger = open_ledger_option(vm);  // before any work (docs/ledger.md §1)
    const BudgetFile bf = load_budget_file(vm["budget"].as<std::string>());
    // The schools block exactly as `fundsim run` computes it (§1), its formula fitted to the DSG.
    FormulaSource source =
        formula_from_files(bf.formula ? &*bf.formula : nullptr, bf.scenario ? &*bf.scenario : nullptr);
    fit_formula_to_dsg(source.formula, bf);
    Census census = load_census(bf.census);
    prepare_budget_census(census);
    const std::vector<BalanceRow> balance_rows =
        bf.balances ? load_balances(*bf.balances, census) : std::vector<BalanceRow>{};
    const std::vector<ConversionRow> conversion_rows =
        bf.conversions ? load_conversions(*bf.conversions, census, bf.first_year, bf.proration_days)
                       : std::vector<ConversionRow>{};
    const Result r = run_checked(std::move(census), source.formula);

    BlockRun runs[2];
    for (int k = 2; k < 4; ++k) {
        const BlockInputs in = block_inputs(bf, r, k);
        const bool given = (k == 2 ? bf.high_needs : bf.early_years).given;
        runs[k - 2] = given ? run_budget_block(in) : BlockRun{allocation_only(in), {}};
    }
    const LaBudget b =
        compute_la_budget(bf, r, conversion_rows, balance_rows, runs[0].figures, runs[1].figures);

    OutputSet out(vm["out"].as<std::string>());
    const nlohmann::ordered_json schools_summary = add_run_outputs(out, "schools/", r, bf.census, source);
    for (int k = 0; k < 2; ++k)
        for (const auto& [name, content] : runs[k].files)
            out.add(std::string(kBlocks[k + 2]) + "/" + name, content);
    out.add("dsg.csv", dsg_csv(b));
    out.add("s251.csv", s251_csv(b));
    if (b.has_conversions) out.add("conversions.csv", conversions_csv(b, *r.census));
    if (b.has_balances) out.add("balances.csv", balances_csv(b, *r.census));
    const nlohmann::ordered_json summary = budget_summary_json(b, schools_summary);
    out.add("summary.json", summary.dump(2) + "\n");
    out.add("budget.html", budget_html(b, *r.census));
    // With --statements: one for each converting school (both parts of its year) and each school with a
    // balance (§4, §5).
    const bool statements = vm.count("statements") > 0;
    std::vector<bool> stated(r.census->size, false);
    if (statements) {
        for (const auto& c : b.conversions) stated[c.row.school] = true;
        for (const auto& bo : b.balances) stated[bo.row.school] = true;
    }
    for (std::size_t s = 0; s < stated.size(); ++s)
        if (stated[s])
            out.add("statements/" + std::to_string(r.census->urn[s]) + ".html",
                    statement_html(budget_statement(r, b, s)));
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    const LedgerRow row = ledger ? budget_ledger_row(bf, source, summary) : LedgerRow{};
    const std::int64_t run_id =
        ledger ? record_in_ledger(*ledger, "budget", row.inputs, row.formula, row.summary) : 0;
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read the budget file " << bf.file << "; schools: " << describe(source) << "\n"
                  << budget_summary_text(b, *r.census) << "\nWrote " << out.dir()
                  << "/ (schools/, dsg.csv, s251.csv" << (b.has_conversions ? ", conversions.csv" : "")
                  << (b.has_balances ? ", balances.csv" : "") << ", summary.json, budget.html"
                  << (statements && (b.has_conversions || b.has_balances) ? ", statements/" : "") << ")\n";
        if (ledger) std::cout << recorded_line(run_id, *ledger);
    }
    return kOk;
}

}  // namespace fundsim::app
