// Benchmark of `fundsim serve` (docs/serve.md §5): POST /api/run answered over loopback HTTP by the server
// started in this process, one client sending one request at a time. The demo LA (550 schools, seed 2025,
// the demo scenario), 1,000 requests, each a different MFG percent and lump sum: median and 99th
// percentile (targets 20 ms and 50 ms), with the run ledger recording every request (as serve does by
// default) and without. A synthetic England of 20,000 schools on the NFF formula: median (target 300 ms).
// Usage: serve_bench [SOURCE_DIR] [REQUESTS] [NATIONAL_REQUESTS].
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/serve/server.hpp"
#include "app/serve/what_if.hpp"
#include "bench/bench_timing.hpp"

// After the headers above: glibc's <resolv.h>, which httplib.h includes, defines a macro _res, a
// parameter name in Eigen's headers.
#include <httplib.h>
#undef _res

using namespace fundsim;
namespace fs = std::filesystem;

namespace {

// The 99th percentile (nearest rank).
double percentile99(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t rank = (v.size() * 99 + 99) / 100;
    return v[std::min(v.size(), std::max<std::size_t>(rank, 1)) - 1];
}

void time_serve(const std::string& label, const std::string& census, const std::string& served,
                const std::string& dir, bool ledger, int requests, double median_target, double p99_target) {
    fs::remove_all(dir + "/options");
    fs::create_directories(dir + "/options");
    app::FormulaSource src = app::load_formula_source(served);
    Manifest m;
    m.census = manifest_file(census);
    m.formula = app::manifest_formula(src);
    auto db =
        ledger ? std::make_unique<store::Db>(dir + "/options/fundsim-ledger.sqlite", store::Db::Mode::record)
               : nullptr;
    app::WhatIf api(load_census(census), std::move(src), std::move(m), std::move(db), dir + "/options");
    app::HttpServer server(api, "");
    const int port = server.bind("127.0.0.1", 0);
    std::thread listening([&] { server.listen(); });
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(60, 0);
    std::vector<double> ms;
    std::size_t bytes = 0;
    for (int k = 0; k < requests; ++k) {
        // MFG -0.5% to 0% and lump sums £140,000 to £150,000: every request a different formula.
        const std::string patch =
            "{\"mfg\": {\"percent\": " + std::to_string(-0.005 * (k % 11) / 10.0) +
            "}, \"factors\": {\"lump_sum\": {\"rate\": {\"primary\": " + std::to_string(140000 + 10 * k) +
            "}}}}";
        const auto t = bench::Clock::now();
        const auto res = client.Post("/api/run", patch, "application/json");
        ms.push_back(bench::ms_since(t));
        if (!res || res->status != 200) {
            std::printf("%s: request %d failed: %s\n", label.c_str(), k,
                        res ? res->body.c_str() : "no answer");
            break;
        }
        bytes = res->body.size();
    }
    server.stop();
    listening.join();
    const double med = bench::median(ms), p99 = percentile99(ms);
    std::printf("%-52s %5zu requests: median %7.2f ms (target %.0f: %s)", label.c_str(), ms.size(), med,
                median_target, med < median_target ? "met" : "MISSED");
    if (p99_target > 0)
        std::printf(", 99th percentile %7.2f ms (target %.0f: %s)", p99, p99_target,
                    p99 < p99_target ? "met" : "MISSED");
    std::printf(", answer %zu KB\n", bytes / 1024);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const int requests = argc > 2 ? std::stoi(argv[2]) : 1000;
    const int national_requests = argc > 3 ? std::stoi(argv[3]) : 50;
    const std::string dir = "/tmp/fundsim-bench-serve";
    fs::remove_all(dir);
    fs::create_directories(dir + "/formulas");
    fs::create_directories(dir + "/scenarios");
    fs::copy_file(source + "/formulas/nff-2025-26.json", dir + "/formulas/nff-2025-26.json");
    fs::copy_file(source + "/scenarios/demo-2025-26.json", dir + "/scenarios/demo-2025-26.json");
    const std::string nff = dir + "/formulas/nff-2025-26.json";
    if (app::cmd_synth(
            {"--schools", "550", "--seed", "2025", "--formula", nff, "--out", dir + "/demo.csv"}) != 0 ||
        app::cmd_synth(
            {"--schools", "20000", "--seed", "7", "--formula", nff, "--out", dir + "/national.csv"}) != 0)
        return 1;
    const std::string demo = dir + "/scenarios/demo-2025-26.json";
    time_serve("POST /api/run, demo LA (550 schools), ledger", dir + "/demo.csv", demo, dir, true, requests,
               20, 50);
    time_serve("POST /api/run, demo LA (550 schools), no ledger", dir + "/demo.csv", demo, dir, false,
               requests, 20, 50);
    time_serve("POST /api/run, 20,000 schools (NFF), ledger", dir + "/national.csv", nff, dir, true,
               national_requests, 300, 0);
    return 0;
}
