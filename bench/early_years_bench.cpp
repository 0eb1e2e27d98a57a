// Benchmark of the early years block (issue 14 target: 5,000 providers with every entitlement over three
// terms, base rate solved, under 0.5 s): 5,000 providers × 3 terms × 5 entitlements = 75,000 hours rows
// written as CSV, then read, calculated and solved in process, and the outputs formatted, on one thread.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "engine/early_years/early_years.hpp"
#include "engine/early_years/parse_ey_formula.hpp"
#include "engine/synth/rng.hpp"
#include "reports/early_years_writers.hpp"

using namespace fundsim;
using namespace fundsim::bench;

namespace {
void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const int runs = argc > 2 ? std::stoi(argv[2]) : 5;
    const std::size_t n = argc > 3 ? std::stoul(argv[3]) : 5000;
    const std::string dir = (std::filesystem::temp_directory_path() / "fundsim_ey_bench").string();
    std::filesystem::create_directories(dir);
    // Every provider has every entitlement in every term: children 5-40, hours at 85-99% take-up.
    Rng rng(14);
    std::string providers = "provider,name,type,area,quality_lump\n";
    std::string hours =
        "provider,term,entitlement,children,hours,deprivation_hours,eypp_children,eypp_hours,daf_children\n";
    const char* types[] = {"nursery_school", "school", "pvi", "childminder"};
    const char* terms[] = {"summer", "autumn", "spring"};
    const char* ents[] = {"u2_working", "two_support", "two_working", "three_four_universal",
                          "three_four_additional"};
    const double weeks[] = {13, 14, 11}, per_week[] = {30, 15, 30, 15, 15};
    for (std::size_t p = 0; p < n; ++p) {
        const std::string id = "EY" + std::to_string(100000 + p);
        providers += id + ",Provider " + std::to_string(p) + "," + types[p % 4] + ",Area " +
                     std::to_string(p % 7) + "," + (p % 3 ? "0" : "1500") + "\n";
        for (int t = 0; t < 3; ++t)
            for (int e = 0; e < 5; ++e) {
                const double children = static_cast<double>(5 + rng.below(36));
                const double h = std::round(children * per_week[e] * weeks[t] * rng.uniform(0.85, 0.99));
                const double eypp = std::floor(children * 0.15);
                char line[256];
                std::snprintf(line, sizeof line, "%s,%s,%s,%.0f,%.0f,%.0f,%.0f,%.0f,%d\n", id.c_str(),
                              terms[t], ents[e], children, h, std::round(h * 0.2), eypp,
                              std::round(eypp * 15 * weeks[t] * 0.95), rng.chance(0.01) ? 1 : 0);
                hours += line;
            }
    }
    write(dir + "/ey-providers.csv", providers);
    write(dir + "/ey-hours.csv", hours);
    // The example formula, its three_four rate solved.
    const std::string formula_path = source + "/formulas/ey-2026-27.json";

    std::vector<double> load, calc, out, total;
    double rate = 0;
    long long headroom = 0;
    for (int k = 0; k < runs; ++k) {
        const auto t0 = Clock::now();
        EyFormula f = load_ey_formula(formula_path);
        f.solve_base_rate = true;
        // The allocation: the lowest 2026-27 LA rates (as the formula's note) × these hours.
        const EyProviders pr = load_ey_providers(dir + "/ey-providers.csv", f);
        const EyHours h = load_ey_hours(dir + "/ey-hours.csv", f, pr);
        std::array<double, 3> hrs{};
        for (const auto& row : h.rows) hrs[index_of(group_of(row.entitlement))] += row.hours;
        f.allocation = {hrs[0] * 10.34, hrs[1] * 7.66, hrs[2] * 6.01};
        load.push_back(ms_since(t0));
        const auto t1 = Clock::now();
        const EyResult r = calculate_early_years(f, pr, h);
        calc.push_back(ms_since(t1));
        const auto t2 = Clock::now();
        const std::size_t bytes =
            ey_payments_csv(r).size() + ey_providers_csv(r).size() + ey_summary_json(r, {}).dump(2).size();
        out.push_back(ms_since(t2));
        total.push_back(ms_since(t0));
        rate = r.three_four_rate;
        headroom = r.headroom;
        if (bytes == 0) return 1;
    }
    std::printf("early years benchmark: %zu providers, %zu hours rows, %d runs (medians, ms)\n", n, n * 15,
                runs);
    std::printf("  load formula, providers, hours  %8.2f\n", median(load));
    std::printf("  calculate + solve base rate     %8.2f\n", median(calc));
    std::printf("  format outputs (CSV, JSON)      %8.2f\n", median(out));
    std::printf("  total                           %8.2f   (target < 500 ms: %.2fx of it)\n", median(total),
                median(total) / 500.0);
    std::printf("  solved three_four rate £%.3f, headroom £%.2f\n", rate,
                static_cast<double>(headroom) / 100.0);
    std::filesystem::remove_all(dir);
    return 0;
}
