// `fundsim plan`: a multi-year plan (docs/multi-year.md): each year's outputs and projected census in
// DIR/<year>/, plan.csv, summary.json and plan.html.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_budget_plan.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "app/plan_budget.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/years/plan.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"
#include "reports/plan_writers.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_line(path, 0, "cannot be read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A file the plan wrote, for a year's manifest: its path and the SHA-256 of its text.
ManifestFile written_file(const OutputSet& out, const std::string& name, const std::string& text) {
    return {out.path_of(name), sha256_hex(text)};
}

// One plan run, with the formula files it read (for the manifests).
struct LoadedPlan {
    std::string path;
    PlanRun run;
    FormulaSource start;
    std::map<std::string, FormulaSource> given;
    std::shared_ptr<BudgetPlan> budget;  // a plan started from a budget file (app/plan_budget)
};

// Runs the plan at `plan_path`; its outputs will go under `out_dir`/`prefix` ("" for a single plan,
// "<name>/" for one of several). Nothing is written: a failed plan leaves no folder.
LoadedPlan run_one_plan(const std::string& plan_path, const std::string& out_dir, const std::string& prefix) {
    LoadedPlan loaded;
    loaded.path = plan_path;
    PlanRun& run = loaded.run;
    run.plan = load_plan(plan_path);
    run.folder = prefix.empty() ? "." : prefix.substr(0, prefix.size() - 1);
    const PlanFile& plan = run.plan;
    PlanInputs in;
    in.plan = plan;
    if (plan.budget.empty()) {
        loaded.start = with_context("while reading the plan's start (" + plan_path + ")",
                                    [&] { return load_formula_source(plan.formula); });
        in.start_formula = loaded.start.formula;
        in.start_census = load_census(plan.census);
    }
    std::map<std::string, FormulaSource>& given = loaded.given;
    for (const auto& [year, path] : plan.formulas) {
        given.emplace(year, with_context("while reading " + year + "'s formula, named by " + plan_path,
                                         [&, p = path] { return load_formula_source(p); }));
        in.formulas[year] = given.at(year).formula;
    }
    for (std::size_t t = 1; t < plan.years.size(); ++t)
        in.census_names[plan.years[t]] = out_dir + "/" + prefix + plan.years[t] + "/census.csv";
    if (!plan.budget.empty()) {
        loaded.budget = std::make_shared<BudgetPlan>();
        run.years = with_context("in the plan " + plan_path,
                                 [&] { return run_budget_plan(std::move(in), *loaded.budget); });
        loaded.start = loaded.budget->start_source;
        return loaded;
    }
    run.years = with_context("in the plan " + plan_path, [&] { return run_plan(std::move(in)); });
    return loaded;
}

// The plan's files added to `out` under `prefix`.
void add_plan_outputs(OutputSet& out, const std::string& prefix, const LoadedPlan& loaded) {
    const PlanRun& run = loaded.run;
    const PlanFile& plan = run.plan;
    const FormulaSource& start = loaded.start;
    const std::map<std::string, FormulaSource>& given = loaded.given;
    const std::string& plan_path = loaded.path;

    for (std::size_t t = 0; t < run.years.size(); ++t) {
        const PlanYear& y = run.years[t];
        const std::string dir = prefix + y.year + "/";
        if (loaded.budget) {
            add_budget_plan_year(out, dir, *loaded.budget, run.years, t);
            continue;
        }
        Manifest m;
        if (t == 0) {
            out.add(dir + "census.csv", read_bytes(plan.census));
            m.census = manifest_file(plan.census);
            m.formula = manifest_formula(start);
        } else {
            out.add(dir + "census.csv", y.census_csv);
            m.census = written_file(out, dir + "census.csv", y.census_csv);
            const auto g = given.find(y.year);
            if (g != given.end()) {
                m.formula = manifest_formula(g->second);
            } else {
                const std::string text = y.result.formula->doc.dump(2) + "\n";
                out.add(dir + "formula.json", text);
                ManifestFormula f;
                f.file = written_file(out, dir + "formula.json", text);
                m.formula = f;
            }
        }
        out.add(dir + "allocations.csv", allocations_csv(y.result));
        nlohmann::ordered_json summary = summary_json(y.result);
        summary["manifest"] = manifest_json(m);
        out.add(dir + "summary.json", summary.dump(2) + "\n");
    }
    out.add(prefix + "plan.csv", plan_csv(run.years));
    nlohmann::ordered_json summary = plan_summary_json(plan, run.years);
    Manifest m;
    if (!loaded.budget) {
        m.census = manifest_file(plan.census);
        m.formula = manifest_formula(start);
    }
    summary["manifest"] = loaded.budget ? budget_plan_manifest(*loaded.budget) : manifest_json(m);
    summary["manifest"]["plan"] = {{"path", plan_path}, {"sha256", sha256_file_hex(plan_path)}};
    out.add(prefix + "summary.json", summary.dump(2) + "\n");
    out.add(prefix + "plan.html", plan_html(plan, run.years));
}

// The folder of one of several plans: its file's name without the extension.
std::string plan_folder(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

int cmd_plan(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()(
        "plan,p", po::value<std::vector<std::string>>()->required()->composing(),
        "the plan file (JSON, docs/multi-year.md); give it again for each plan to set side by side");
    add_out_folder_option(desc, "folder to write DIR/<year>/, plan.csv, summary.json and plan.html to");
    add_quiet_option(desc);
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "plan",
            "Runs a multi-year plan: each year's census projected from the year before, its formula "
            "given or uprated, each school's MFG baseline chained from its budget share. Several "
            "--plan options run each into DIR/<plan file's name>/ and compare them.",
            desc, args, vm))
        return kOk;
    const auto ledger = open_ledger_option(vm);  // before any work (docs/ledger.md §1)
    const std::vector<std::string> paths = vm["plan"].as<std::vector<std::string>>();
    std::set<std::string> folders;
    for (const std::string& p : paths)
        if (paths.size() > 1 && !folders.insert(plan_folder(p)).second)
            throw UsageError("two plans named \"" + plan_folder(p) +
                             "\": each plan of several is written to a folder named after its file");
    const std::string out_dir = vm["out"].as<std::string>();
    auto prefix = [&](const std::string& p) {
        return paths.size() > 1 ? plan_folder(p) + "/" : std::string();
    };
    std::vector<LoadedPlan> loaded;
    for (const std::string& p : paths) loaded.push_back(run_one_plan(p, out_dir, prefix(p)));
    // Only now, every plan run: the folder is made and the files written.
    OutputSet out(out_dir);
    std::vector<PlanRun> runs;
    for (const LoadedPlan& l : loaded) {
        add_plan_outputs(out, prefix(l.path), l);
        runs.push_back(l.run);
    }
    if (runs.size() > 1) {
        out.add("plan-comparison.csv", plan_comparison_csv(runs));
        out.add("plan.html", plans_side_by_side_html(runs));
    }
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    LedgerRow row;
    for (const LoadedPlan& l : loaded)
        if (ledger)
            add_plan_to_row(row, l.run.plan, l.start, l.given, l.run.years,
                            paths.size() > 1 ? plan_folder(l.path) : "",
                            out.path_of(prefix(l.path) + "summary.json"), l.budget.get());
    const std::int64_t run_id =
        ledger ? record_in_ledger(*ledger, "plan", row.inputs, row.formula, row.summary) : 0;
    if (!vm["quiet"].as<bool>()) {
        for (const PlanRun& r : runs) std::cout << plan_summary_text(r.plan, r.years) << "\n";
        if (runs.size() > 1) std::cout << plans_difference_text(runs) << "\n";
        std::cout << "Wrote " << out.dir()
                  << (runs.size() > 1 ? "/: plan-comparison.csv, plan.html and each plan's folder\n"
                                      : "/: plan.csv, summary.json, plan.html and each year's folder\n");
        if (ledger) std::cout << recorded_line(run_id, *ledger);
    }
    return kOk;
}

}  // namespace fundsim::app
