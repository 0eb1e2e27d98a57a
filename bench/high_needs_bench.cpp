// Benchmark of the high needs block (issue 13): 100,000 placements over about 2,000 providers
// (synthesised), read, calculated and written; prints the median wall time of each stage over several runs
// and the median CPU time of the whole (the machine may be shared).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "engine/high_needs/calculate.hpp"
#include "engine/synth/synth_high_needs.hpp"
#include "reports/high_needs_writers.hpp"
#include "reports/output_file.hpp"

using namespace fundsim;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const std::size_t placements = argc > 2 ? std::stoul(argv[2]) : 100000;
    const int runs = argc > 3 ? std::stoi(argv[3]) : 7;
    const std::string dir = "/tmp/fundsim-bench-hn";
    SynthHighNeedsOptions opt;
    opt.schools = 5340;  // about 2,000 providers
    opt.seed = 7;
    opt.placements = placements;
    const SynthHighNeedsFiles files = synth_high_needs(opt);
    write_file_atomic(dir + "/hn-providers.csv", files.providers_csv);
    write_file_atomic(dir + "/hn-placements.csv", files.placements_csv);
    std::vector<double> read, calc, write, total, cpu;
    double spend = 0;
    for (int k = 0; k < runs; ++k) {
        const auto t0 = Clock::now();
        const std::clock_t c0 = std::clock();
        const hn::HnFormula f = hn::load_hn_formula(source + "/formulas/hn-2025-26.json");
        const hn::Providers ps = hn::load_providers(dir + "/hn-providers.csv");
        const hn::Placements pl = hn::load_placements(dir + "/hn-placements.csv");
        read.push_back(ms_since(t0));
        const auto t1 = Clock::now();
        const hn::HnResult r = hn::calculate_high_needs(f, ps, pl, {250e6, 0});
        calc.push_back(ms_since(t1));
        const auto t2 = Clock::now();
        OutputSet out(dir + "/out");
        out.add("providers.csv", hn_providers_csv(r));
        out.add("placements.csv", hn_placements_csv(r));
        out.add("summary.json", hn_summary_json(r).dump(2) + "\n");
        out.commit();
        write.push_back(ms_since(t2));
        total.push_back(ms_since(t0));
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        spend = r.position.spend;
    }
    std::printf("high needs: %zu providers, %zu placements, %d runs (spend %.2f)\n", files.providers,
                files.placements, runs, spend);
    std::printf("  read formula, providers, placements  median %8.1f ms\n", median(read));
    std::printf("  calculate                            median %8.1f ms\n", median(calc));
    std::printf("  write providers/placements/summary   median %8.1f ms\n", median(write));
    std::printf("  whole (target under 500 ms)          median %8.1f ms\n", median(total));
    std::printf("  whole, CPU time of this process      median %8.1f ms\n", median(cpu));
    return 0;
}
