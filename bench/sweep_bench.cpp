// Benchmark of `sweep` (issue 5 target: 1,000 combinations on a 550-school LA, each balanced, under 1 s on
// one core): the demo LA through the demo scenario, 10 MFG values x 100 schools blocks, on one thread.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "engine/census/census.hpp"
#include "engine/compare/compare.hpp"
#include "engine/compare/sweep.hpp"
#include "engine/formula/formula.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "engine/synth/synth.hpp"

using namespace fundsim;
using namespace fundsim::bench;

namespace {
// CPU time of this process in ms: the machine may be shared, and the target is "on one core".
double cpu_ms() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const int runs = argc > 2 ? std::stoi(argv[2]) : 5;
    const unsigned threads = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 1;
    // The demo LA (scripts/demo.sh): 550 schools, seed 2025, baselines drawn near the NFF 2025-26.
    Formula nff = load_formula(source + "/formulas/nff-2025-26.json");
    SynthOptions opt;
    opt.schools = 550;
    opt.seed = 2025;
    opt.formula = &nff;
    const std::string csv = synth_census_csv(opt);
    const Formula base = load_formula_or_scenario(source + "/scenarios/demo-2025-26.json");

    auto t = Clock::now();
    auto loaded = std::make_shared<Census>(census_from_csv_text(csv, "demo-census.csv"));
    prepare_census(*loaded, base);
    const std::shared_ptr<const Census> census = loaded;
    const double load_ms = ms_since(t);

    // Pieces of one combination calculated from nothing (what a sweep row cost before each thread kept its
    // formula and last result), for the breakdown.
    std::vector<double> parse, calc, check;
    for (int i = 0; i < 200; ++i) {
        auto a = Clock::now();
        Formula f = parse_formula(base.doc, base.file);
        parse.push_back(ms_since(a));
        a = Clock::now();
        Result r = calculate(census, std::make_shared<const Formula>(std::move(f)));
        calc.push_back(ms_since(a));
        a = Clock::now();
        auto bad = check_invariants(r);
        check.push_back(ms_since(a));
        if (!bad.empty()) {
            std::fprintf(stderr, "invariants broken: %s\n", bad[0].c_str());
            return 1;
        }
    }

    // 10 MFG values x 100 schools blocks (£1,315.0m to £1,319.95m): every combination balances by scaling.
    std::vector<SweepAxis> axes = {parse_sweep_axis("/mfg/percent=-0.0045:0:0.0005"),
                                   parse_sweep_axis("/budget/schools_block=1315000000:1319950000:50000")};
    std::vector<double> wall, cpu;
    std::size_t rows = 0, balanced = 0;
    for (int k = 0; k < runs; ++k) {
        SweepOptions so;
        so.threads = threads;
        const double c0 = cpu_ms();
        const auto w0 = Clock::now();
        const Sweep sw = run_sweep(census, base, axes, so);
        wall.push_back(ms_since(w0));
        cpu.push_back(cpu_ms() - c0);
        rows = sw.rows.size();
        balanced = 0;
        for (const auto& r : sw.rows) balanced += r.status == SweepStatus::ok;
    }
    rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    std::printf("sweep benchmark: %zu schools, %zu combinations (%zu balanced), %u thread(s), %d runs\n",
                census->size, rows, balanced, threads, runs);
    std::printf("  census load + prepare (once):      %8.2f ms\n", load_ms);
    std::printf(
        "  a combination from nothing, median of 200: parse %.3f ms, calculate+balance %.3f ms, invariants "
        "%.3f ms\n",
        median(parse), median(calc), median(check));
    std::printf("  whole sweep, median wall:          %8.1f ms  (best %.1f ms)\n", median(wall),
                *std::min_element(wall.begin(), wall.end()));
    std::printf("  whole sweep, median CPU:           %8.1f ms  (best %.1f ms)\n", median(cpu),
                *std::min_element(cpu.begin(), cpu.end()));
    std::printf("  target 1,000 combinations < 1000 ms on one core: median CPU / target = %.2f\n",
                median(cpu) / static_cast<double>(rows));
    std::printf("  peak memory: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    // Machine-readable lines for scripts/bench.sh: "figure NAME VALUE UNIT".
    std::printf(
        "figure sweep_1000_cpu_ms %.1f ms\nfigure sweep_1000_wall_ms %.1f ms\nfigure "
        "sweep_combination_calculate_ms %.3f ms\n",
        median(cpu) * 1000.0 / static_cast<double>(rows), median(wall) * 1000.0 / static_cast<double>(rows),
        median(calc));
    return 0;
}
