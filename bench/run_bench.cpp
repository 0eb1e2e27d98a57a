// Benchmark of `run` at national scale (issue 5): a synthetic England of 20,000 schools through the NFF
// 2025-26, balanced by scaling; times each stage over several runs and prints medians and peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "engine/after_share/after_share.hpp"
#include "engine/balance/solve.hpp"
#include "engine/census/census.hpp"
#include "engine/factors/factors.hpp"
#include "engine/formula/formula.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/protections/protections.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "engine/synth/synth.hpp"
#include "reports/output_file.hpp"
#include "reports/writers.hpp"

using namespace fundsim;
using namespace fundsim::bench;

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const std::size_t schools = argc > 2 ? std::stoul(argv[2]) : 20000;
    const int runs = argc > 3 ? std::stoi(argv[3]) : 7;
    const std::string dir = "/tmp/fundsim-bench-run";
    Formula nff = load_formula(source + "/formulas/nff-2025-26.json");
    SynthOptions opt;
    opt.schools = schools;
    opt.seed = 7;
    opt.formula = &nff;
    const std::string census_path = dir + "/national.csv";
    write_file_atomic(census_path, synth_census_csv(opt));

    // A schools block that makes scaling bind: halfway between the fully scaled and the uncapped totals.
    Formula f = nff;
    {
        auto c = std::make_shared<Census>(load_census(census_path));
        prepare_census(*c, f);
        f.capping = Capping{0.0, 0.0};
        double uncapped = calculate(c, f).budget_share.amount.sum();
        f.capping = Capping{0.0, 1.0};
        double scaled = calculate(c, f).budget_share.amount.sum();
        Budget b;
        b.schools_block = std::round((uncapped + scaled) / 2);
        b.solve_for = Lever::scaling;
        f.budget = b;
        f.capping = Capping{0.0, 0.0};
    }

    std::vector<double> load, prepare, evaluate, balance_ms, after, write, total;
    double lever = 0, headroom = 0;
    for (int run = 0; run < runs; ++run) {
        auto t0 = Clock::now();
        auto t = Clock::now();
        auto c = std::make_shared<Census>(load_census(census_path));
        load.push_back(ms_since(t));
        t = Clock::now();
        prepare_census(*c, f);
        prepare.push_back(ms_since(t));
        // The pipeline of calculate(), stage by stage.
        t = Clock::now();
        Result r;
        r.census = c;
        r.formula = std::make_shared<const Formula>(f);
        r.factors.base = evaluate_factors(f.factors, *c, f.reception_uplift);
        r.factors.raw = r.factors.base;
        r.factors.scaled.assign(f.factors.size(), false);
        protect(r, f.capping.cap, f.capping.scaling);
        evaluate.push_back(ms_since(t));
        t = Clock::now();
        balance(r);
        balance_ms.push_back(ms_since(t));
        t = Clock::now();
        after_budget_share(r);
        auto bad = check_invariants(r);
        after.push_back(ms_since(t));
        if (!bad.empty()) {
            std::fprintf(stderr, "invariant failed: %s\n", bad[0].c_str());
            return 1;
        }
        t = Clock::now();
        OutputSet out(dir + "/out");
        out.add("allocations.csv", allocations_csv(r));
        out.add("summary.json", summary_json(r).dump(2));
        out.commit();
        write.push_back(ms_since(t));
        total.push_back(ms_since(t0));
        lever = r.budget->lever_value;
        headroom = r.budget->headroom;
    }
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    const double calc = median(evaluate) + median(balance_ms) + median(after);
    std::printf("run benchmark: %zu schools, %d runs (medians, ms)\n", schools, runs);
    std::printf(
        "  load census      %8.2f\n  prepare columns  %8.2f\n  evaluate+protect %8.2f\n  balance "
        "(scaling)%8.2f\n"
        "  grants+selfcheck %8.2f\n  write outputs    %8.2f\n  total            %8.2f\n",
        median(load), median(prepare), median(evaluate), median(balance_ms), median(after), median(write),
        median(total));
    std::printf("  calculation after loading: %.2f ms (target < 50 ms)\n", calc);
    std::printf("  lever scaling = %.8f, headroom £%.2f\n", lever, headroom);
    std::printf("  peak memory %.1f MB (target < 200 MB)\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    // Machine-readable lines for scripts/bench.sh: "figure NAME VALUE UNIT".
    std::printf(
        "figure run_load_ms %.2f ms\nfigure run_calculation_ms %.2f ms\nfigure run_balance_ms %.2f ms\n"
        "figure run_write_ms %.2f ms\nfigure run_in_process_total_ms %.2f ms\nfigure run_peak_memory_mb %.1f "
        "MB\n",
        median(load), calc, median(balance_ms), median(write), median(total),
        static_cast<double>(ru.ru_maxrss) / 1024.0);
    return 0;
}
