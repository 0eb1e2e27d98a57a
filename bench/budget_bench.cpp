// Benchmark of `fundsim budget` (issue 12): the demo LA with every block computed (the demo's own inputs:
// `fundsim synth --budget` with the high needs setting and early years market and their 2025-26 formulas,
// as scripts/demo.sh) and a synthetic England of 20,000 schools with synth's schools-block budget inputs
// (balances, conversions, central lines, a 0.5% transfer; its high needs and early years blocks are
// allocations only: the demo's formulas are sized for 550 schools); the whole command (read, run, every
// block, every file written) timed in process, median of several runs. Targets: 0.3 s and 1.5 s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "engine/census/census.hpp"
#include "engine/synth/synth.hpp"
#include "engine/synth/synth_budget.hpp"
#include "reports/output_file.hpp"

using namespace fundsim;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Writes a census of `schools` schools and synth's schools-block budget inputs under `dir`, the schools
// block sized from the census; returns the budget file.
std::string make_inputs(const std::string& source, const std::string& dir, std::size_t schools) {
    namespace fs = std::filesystem;
    fs::create_directories(dir);
    const std::string scenario = source + "/scenarios/demo-2025-26.json";
    const app::FormulaSource fsrc = app::load_formula_source(scenario);
    SynthOptions opt;
    opt.schools = schools;
    opt.seed = 2025;
    opt.formula = &fsrc.formula;
    const std::string census_text = synth_census_csv(opt);
    write_file_atomic(dir + "/census.csv", census_text);
    SynthBudgetOptions bo;
    bo.seed = 2025;
    bo.census_path = "census.csv";
    bo.base_formula_path = fs::absolute(fsrc.base_path).lexically_normal().string();
    bo.base_changes = fsrc.formula.patch->changes;
    bo.base_changes["budget"]["schools_block"] = nullptr;  // the demo's is sized for 550 schools
    Formula f = fsrc.formula;
    f.budget.reset();
    const SynthBudgetFiles files = synth_budget_files(census_from_csv_text(census_text, "census.csv"), f, bo);
    write_file_atomic(dir + "/budget.json", files.budget_json);
    write_file_atomic(dir + "/balances.csv", files.balances_csv);
    write_file_atomic(dir + "/conversions.csv", files.conversions_csv);
    write_file_atomic(dir + "/schools-scenario.json", files.schools_scenario_json);
    return dir + "/budget.json";
}

// The demo's budget inputs, every block given, under `dir` (as scripts/demo.sh makes them).
std::string make_demo_inputs(const std::string& source, const std::string& dir) {
    const int rc = app::cmd_synth({"--schools", "550", "--seed", "2025", "--formula",
                                   source + "/scenarios/demo-2025-26.json", "--out", dir + "/census.csv",
                                   "--budget", dir, "--hn-formula", source + "/formulas/hn-2025-26.json",
                                   "--ey-formula", source + "/formulas/ey-2025-26.json", "--quiet"});
    if (rc != 0) std::printf("fundsim synth failed (exit %d)\n", rc);
    return dir + "/budget.json";
}

void time_budget(const std::string& label, const std::string& budget, const std::string& out, int runs,
                 double target) {
    std::vector<double> ms;
    for (int k = 0; k < runs; ++k) {
        const auto t = Clock::now();
        const int rc = app::cmd_budget({"--budget", budget, "--out", out, "--quiet"});
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        if (rc != 0) {
            std::printf("%s: fundsim budget failed (exit %d)\n", label.c_str(), rc);
            return;
        }
    }
    const double m = median(ms);
    std::printf("%-40s median %8.1f ms over %d runs (target %.0f ms: %s)\n", label.c_str(), m, runs, target,
                m < target ? "met" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const int runs = argc > 2 ? std::stoi(argv[2]) : 7;
    const std::string dir = "/tmp/fundsim-bench-budget";
    const std::string demo = make_demo_inputs(source, dir + "/demo");
    const std::string national = make_inputs(source, dir + "/national", 20000);
    time_budget("fundsim budget, demo LA, every block", demo, dir + "/demo/out", runs, 300);
    time_budget("fundsim budget, 20,000 schools", national, dir + "/national/out", runs, 1500);
    return 0;
}
