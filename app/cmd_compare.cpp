// `fundsim compare`: the Schools Forum pack. Options (scenario or formula files) against a baseline
// (a formula, a scenario, or last year's budgets) → comparison.csv, attribution.csv, summary.json,
// comparison.xlsx and report.html, all written together or not at all.
#include <iostream>
#include <optional>

#include "engine/run/calculate.hpp"
#include "app/commands.hpp"
#include "engine/compare/compare.hpp"
#include "reports/comparison_writers.hpp"
#include "engine/core/error.hpp"
#include "reports/output_file.hpp"
#include "reports/html/forum_report.hpp"

namespace fundsim::app {

namespace {

constexpr const char* kPriorYear = "prior_year_budget";

}  // namespace

int cmd_compare(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("census,c", po::value<std::string>()->required(), "school-level census CSV")(
        "baseline,b", po::value<std::string>()->default_value(kPriorYear),
        "what each option is compared with: a formula JSON, a scenario JSON, or prior_year_budget (the "
        "census column)")(
        "scenario,s", po::value<std::vector<std::string>>()->required(),
        "an option: a scenario JSON (or a formula JSON); repeat for each option, in the order to show them")(
        "out,o", po::value<std::string>()->required(), "output folder for the pack (created if needed)")(
        "quiet,q", po::bool_switch(), "print nothing on success");
    po::variables_map vm;
    if (!parse_options("compare",
                       "Compares options against a baseline for the Schools Forum: writes comparison.csv "
                       "(per school and\n"
                       "option), attribution.csv (why each budget moved), summary.json, comparison.xlsx and "
                       "report.html.",
                       desc, args, vm))
        return kOk;

    // Load and validate every formula before any calculation, so a typing error costs nothing.
    const std::string baseline_arg = vm["baseline"].as<std::string>();
    std::optional<Formula> baseline;
    std::string baseline_name = "Last year's budget shares (census column prior_year_budget)";
    if (baseline_arg != kPriorYear) {
        baseline = load_formula_or_scenario(baseline_arg);
        baseline_name = baseline->name;
    }
    std::vector<std::pair<std::string, Formula>> options;
    for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
        Formula f = load_formula_or_scenario(path);
        // The option's name is its key in comparison.csv and summary.json: two alike would be merged.
        for (const auto& [other, g] : options)
            if (g.name == f.name)
                fail(path + ": its name \"" + f.name + "\" is also the name of " + other +
                     ": give each option a different name");
        options.emplace_back(path, std::move(f));
    }
    Census census = load_census(vm["census"].as<std::string>());
    const Comparison cmp = compare(census, baseline, baseline_name, options);
    // Self-check (funding-model §8) of every result before the pack is written.
    if (cmp.baseline_result) require_invariants(*cmp.baseline_result, "the baseline " + baseline_arg);
    for (const auto& s : cmp.scenarios) require_invariants(s.result, s.file);

    OutputSet out(vm["out"].as<std::string>());
    out.add("comparison.csv", comparison_csv(cmp));
    out.add("attribution.csv", attribution_csv(cmp));
    out.add("summary.json", comparison_summary_json(cmp).dump(2) + "\n");
    out.add_with("comparison.xlsx", [&](const std::string& tmp) { write_comparison_xlsx(cmp, tmp); });
    out.add("report.html", report_html(cmp));  // the Forum's paper: reports/html/forum_report.cpp
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << comparison_summary_text(cmp);
        std::cout
            << "\nThe Schools Forum pack is in " << out.dir() << "/:\n"
            << "  report.html       the paper: options side by side, who gains and loses, every school\n"
            << "  comparison.xlsx   the workbook: a summary sheet and a sheet per option\n"
            << "  comparison.csv    every school under every option; attribution.csv: why it moved\n"
            << "  summary.json      the totals and counts, for other programs\n";
    }
    return kOk;
}

}  // namespace fundsim::app
