// `fundsim compare`: the Schools Forum pack. Options (scenario or formula files) against a baseline
// (a formula, a scenario, or last year's budgets) → comparison.csv, attribution.csv, summary.json,
// comparison.xlsx and report.html, all written together or not at all.
#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_formula.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "engine/compare/compare.hpp"
#include "engine/core/error.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/html/forum_report.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_compare(const std::vector<std::string>& args) {
    // High needs options (docs/high-needs.md §6): their own inputs and outputs.
    for (const auto& a : args)
        if (a == "--high-needs") return cmd_compare_high_needs(args);
    // Early years options (docs/early-years.md §8): likewise.
    for (const auto& a : args)
        if (a == "--early-years") return cmd_compare_early_years(args);
    po::options_description desc("Options");
    add_census_option(desc);
    desc.add_options()(
        "baseline,b", po::value<std::string>()->default_value(kPriorYear),
        "what each option is compared with: a formula JSON, a scenario JSON, or prior_year_budget (the "
        "census column)")(
        "scenario,s", po::value<std::vector<std::string>>()->required(),
        "an option: a scenario JSON (or a formula JSON); repeat for each option, in the order to show them");
    add_out_folder_option(desc, "output folder for the pack (created if needed)");
    add_quiet_option(desc);
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "compare",
            "Compares options against a baseline for the Schools Forum: writes comparison.csv "
            "(per school and\n"
            "option), attribution.csv (why each budget moved), summary.json, comparison.xlsx and "
            "report.html.\nWith --high-needs: high needs options (see compare --high-needs --help).\nWith "
            "--early-years: early years options (see compare --early-years --help).",
            desc, args, vm))
        return kOk;

    const auto ledger = open_ledger_option(vm);  // before any work: a bad ledger stops the run here
    // Load and validate every formula before any calculation, so a typing error costs nothing.
    const std::string baseline_arg = vm["baseline"].as<std::string>();
    std::optional<FormulaSource> baseline_source;
    std::optional<Formula> baseline;
    std::string baseline_name = "Last year's budget shares (census column prior_year_budget)";
    if (baseline_arg != kPriorYear) {
        baseline_source = load_formula_source(baseline_arg);
        baseline = baseline_source->formula;
        baseline_name = baseline->name;
    }
    std::vector<FormulaSource> sources;
    std::vector<std::pair<std::string, Formula>> options;
    for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
        sources.push_back(load_formula_source(path));
        Formula f = sources.back().formula;
        // The option's name is its key in comparison.csv and summary.json: two alike would be merged.
        for (const auto& [other, g] : options)
            if (g.name == f.name)
                fail(path + ": its name \"" + f.name + "\" is also the name of " + other +
                     ": give each option a different name");
        options.emplace_back(path, std::move(f));
    }
    const Comparison cmp =
        compare(load_census(vm["census"].as<std::string>()), baseline, baseline_name, options);
    // Self-check (docs/funding-model.md §8) of every result before the pack is written.
    if (cmp.baseline_result) require_invariants(*cmp.baseline_result, "the baseline " + baseline_arg);
    for (const auto& s : cmp.scenarios) require_invariants(s.result, s.file);

    OutputSet out(vm["out"].as<std::string>());
    out.add("comparison.csv", comparison_csv(cmp));
    out.add("attribution.csv", attribution_csv(cmp));
    Manifest manifest;
    manifest.census = manifest_file(vm["census"].as<std::string>());
    manifest.comparison = true;
    if (baseline_source) manifest.baseline = manifest_formula(*baseline_source);
    for (const auto& s : sources) manifest.options.push_back(manifest_formula(s));
    nlohmann::ordered_json summary = comparison_summary_json(cmp);
    summary["manifest"] = manifest_json(manifest);
    out.add("summary.json", summary.dump(2) + "\n");
    out.add_with("comparison.xlsx", [&](const std::string& tmp) { write_comparison_xlsx(cmp, tmp); });
    out.add("report.html", report_html(cmp));  // the Forum's paper: reports/html/forum_report.cpp
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    const std::int64_t run_id =
        ledger ? record_in_ledger(*ledger, "compare", manifest,
                                  compare_formula_record(baseline, baseline_name, options), summary)
               : 0;
    if (!vm["quiet"].as<bool>()) {
        if (baseline_source) std::cout << "Read the baseline from " << describe(*baseline_source) << "\n";
        for (std::size_t k = 0; k < sources.size(); ++k)
            std::cout << "Read option " << k + 1 << " from " << describe(sources[k]) << "\n";
        std::cout << "\n" << comparison_summary_text(cmp);
        std::cout
            << "\nThe Schools Forum pack is in " << out.dir() << "/:\n"
            << "  report.html       the paper: options side by side, who gains and loses, every school\n"
            << "  comparison.xlsx   the workbook: a summary sheet and a sheet per option\n"
            << "  comparison.csv    every school under every option; attribution.csv: why it moved\n"
            << "  summary.json      the totals and counts, for other programs\n";
        if (ledger) std::cout << recorded_line(run_id, *ledger);
    }
    return kOk;
}

}  // namespace fundsim::app
