// `fundsim budget --budget B.json --out DIR`: the LA's whole Schools Budget for a year (docs/la-budget.md):
// the schools run, transfers, conversions, recoupment, balances, the four DSG blocks, dsg.csv, s251.csv.
#include <iostream>

#include "app/budget_run.hpp"
#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_budget_plan.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "reports/budget_writers.hpp"
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
    FormulaSource source =
        formula_from_files(bf.formula ? &*bf.formula : nullptr, bf.scenario ? &*bf.scenario : nullptr);
    fit_formula_to_dsg(source.formula, bf);  // before the census is read: its error comes first
    const BudgetRun run = run_budget(bf, load_census(bf.census), source.formula);
    const Result& r = run.result;
    const LaBudget& b = *run.budget;

    OutputSet out(vm["out"].as<std::string>());
    Manifest schools_manifest;
    schools_manifest.census = manifest_file(bf.census);
    schools_manifest.formula = manifest_formula(source);
    const bool statements = vm.count("statements") > 0;
    add_budget_outputs(out, "", run, schools_manifest, statements);
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    const LedgerRow row = ledger ? budget_ledger_row(bf, source, out.path_of("summary.json")) : LedgerRow{};
    const std::int64_t run_id =
        ledger ? record_in_ledger(*ledger, "budget", row.inputs, row.formula, row.summary) : 0;
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read the budget file " << bf.file << "; schools: " << describe(source) << "\n"
                  << budget_summary_text(b, *r.census) << "\nWrote " << out.dir() << "/ (schools/"
                  << (run.blocks[0].files.empty() ? "" : ", high_needs/")
                  << (run.blocks[1].files.empty() ? "" : ", early_years/") << ", dsg.csv, s251.csv"
                  << (b.has_conversions ? ", conversions.csv" : "")
                  << (b.has_balances ? ", balances.csv" : "") << ", summary.json, budget.html"
                  << (statements && (b.has_conversions || b.has_balances) ? ", statements/" : "") << ")\n";
        if (ledger) std::cout << recorded_line(run_id, *ledger);
    }
    return kOk;
}

}  // namespace fundsim::app
