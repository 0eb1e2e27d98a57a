// `fundsim statements`: one printable budget statement per school (DIR/<urn>.html) and an index page,
// with the change against a baseline (a formula, a scenario or last year's budgets) and why it moved.
#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "engine/compare/compare.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/needs.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "reports/html/statement_html.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_statements(const std::vector<std::string>& args) {
    // A plan's statements (a column per year) read the plan's folder instead of a census and formula:
    // --plan DIR, --plan=DIR, -p DIR or -pDIR (no option of the census form is -p).
    for (const std::string& a : args)
        if (a == "--plan" || a.rfind("--plan=", 0) == 0 || a.rfind("-p", 0) == 0)
            return cmd_statements_plan(args);
    po::options_description desc("Options");
    add_census_option(desc);
    add_formula_options(desc);
    desc.add_options()(
        "baseline,b", po::value<std::string>(),
        "what the change is measured against: a formula JSON, a scenario JSON, or prior_year_budget "
        "(default: "
        "prior_year_budget when the census has that column, else no change is shown)");
    add_statements_output_options(desc);
    po::variables_map vm;
    if (!parse_options(
            "statements",
            "Writes one printable budget statement per school, DIR/<urn>.html, and DIR/index.html "
            "linking them. With --plan PLAN_DIR instead of a census and formula: a column per year "
            "of a plan (`fundsim statements --plan PLAN_DIR --help`).",
            desc, args, vm))
        return kOk;

    // Every formula is loaded and checked before any calculation.
    const FormulaSource source = formula_from_options(vm);
    const Formula& formula = source.formula;
    const std::string& option_file = source.path;
    std::optional<FormulaSource> baseline_source;
    std::optional<Formula> baseline;
    std::string baseline_arg;
    if (vm.count("baseline")) {
        baseline_arg = vm["baseline"].as<std::string>();
        if (baseline_arg != kPriorYear) {
            baseline_source = load_formula_source(baseline_arg);
            baseline = baseline_source->formula;
        }
    }
    Census census = load_census(vm["census"].as<std::string>());
    if (baseline_arg.empty() && census.has_prior_year_budget) baseline_arg = kPriorYear;

    std::optional<long> only;
    if (vm.count("school")) {
        const long k = census.index_of(vm["school"].as<long long>());
        if (k < 0)
            fail("--school " + std::to_string(vm["school"].as<long long>()) +
                 ": no school with this URN in " + census.file);
        only = k;
    }

    // With a baseline the engine's comparison gives the change and its attribution
    // (engine/compare/compare.hpp); without one the statement has no change block.
    std::optional<Comparison> cmp;
    std::optional<Result> alone;
    StatementChange change;
    if (!baseline_arg.empty()) {
        const std::string name =
            baseline ? baseline->name : "last year's budget share (census prior_year_budget)";
        cmp = compare(std::move(census), baseline, name, {{option_file, formula}});
        change.against = baseline ? name + " (" + baseline_arg + ")" : name;
        change.baseline = &cmp->baseline;
        change.option = &cmp->scenarios[0];
    } else {
        prepare_census(census, formula);
        alone = calculate(std::make_shared<const Census>(std::move(census)), formula);
    }
    const Result& r = cmp ? cmp->scenarios[0].result : *alone;
    require_invariants(r);  // self-check (docs/funding-model.md §8), as `run` makes

    std::vector<std::size_t> schools;
    if (only)
        schools.push_back(static_cast<std::size_t>(*only));
    else
        for (std::size_t s = 0; s < r.size(); ++s) schools.push_back(s);
    const StatementChange* ch = cmp ? &change : nullptr;
    OutputSet out(vm["out"].as<std::string>());
    for (std::size_t s : schools)
        out.add(std::to_string(r.census->urn[s]) + ".html", statement_html(build_statement(r, s, ch)));
    out.add("index.html", statements_index_html(r, schools, ch));
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read " << describe(source) << "\n";
        if (baseline_source) std::cout << "Read the baseline from " << describe(*baseline_source) << "\n";
        std::cout << "Wrote " << schools.size() << " budget statement" << (schools.size() == 1 ? "" : "s")
                  << " and the index " << out.path_of("index.html") << "\n";
        if (cmp)
            std::cout << "Changes are against " << change.against << ".\n";
        else
            std::cout << "No baseline: the census has no prior_year_budget column and no --baseline was "
                         "given, so no change is shown.\n";
    }
    return kOk;
}

}  // namespace fundsim::app
