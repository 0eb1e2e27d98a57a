// `fundsim sweep`: every combination of a few varied formula values, each balanced → sweep.csv, with a
// progress bar on stderr when stderr is a terminal (none in scripts and logs).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_formula.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "engine/compare/compare.hpp"
#include "engine/compare/sweep.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/needs.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

// A one-line bar redrawn in place; redrawn only when the shown percentage moves, so a fast sweep of a
// million combinations does not spend its time writing to the terminal.
class ProgressBar {
  public:
    void operator()(std::size_t done, std::size_t total) {
        const int pct = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
        if (pct == shown_ && done != total) return;
        shown_ = pct;
        const int width = 40, filled = pct * width / 100;
        std::fprintf(stderr, "\r[%s%s] %3d%%  %zu/%zu",
                     std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), '.').c_str(), pct, done, total);
        if (done == total) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

  private:
    int shown_ = -1;
};

}  // namespace

int cmd_sweep(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    add_census_option(desc);
    desc.add_options()("formula,f", po::value<std::string>()->required(),
                       "formula JSON (or a scenario JSON: its changes applied to its base formula)")(
        "vary,v", po::value<std::vector<std::string>>()->required(),
        "PATH=FROM:TO:STEP, a JSON pointer into the formula and its points, e.g. "
        "/mfg/percent=-0.005:0.005:0.0025 "
        "(repeat for more parameters; every combination is run)");
    add_out_folder_option(desc);
    desc.add_options()("threads,j", po::value<unsigned>()->default_value(0),
                       "worker threads (0 = one per processor)");
    add_quiet_option(desc);
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options("sweep",
                       "Runs the formula once per combination of the varied values, each balanced by the "
                       "formula's lever, and\n"
                       "writes sweep.csv: one row per combination (the first --vary changes slowest). A "
                       "combination that cannot\n"
                       "be balanced, or whose formula is invalid, is a row with its status and error; the "
                       "sweep goes on.",
                       desc, args, vm))
        return kOk;
    std::vector<SweepAxis> axes;
    try {
        for (const auto& spec : vm["vary"].as<std::vector<std::string>>())
            axes.push_back(parse_sweep_axis(spec));
        for (std::size_t i = 0; i < axes.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (axes[i].pointer == axes[j].pointer) fail("--vary " + axes[i].pointer + " is given twice");
        sweep_combinations(axes);
    } catch (const InputError& e) {
        throw UsageError(e.what());
    }
    const auto ledger = open_ledger_option(vm);  // before any work: a bad ledger stops the run here
    const FormulaSource source = load_formula_source(vm["formula"].as<std::string>());
    const Formula& formula = source.formula;
    Census loaded = load_census(vm["census"].as<std::string>());
    prepare_census(loaded, formula);  // once, before the threads: they share it read-only
    const auto census_ptr = std::make_shared<const Census>(std::move(loaded));
    const Census& census = *census_ptr;

    SweepOptions opt;
    opt.threads = vm["threads"].as<unsigned>();
    if (opt.threads == 0) opt.threads = std::max(1u, std::thread::hardware_concurrency());
    const bool quiet = vm["quiet"].as<bool>();
    ProgressBar bar;
    if (!quiet && ::isatty(STDERR_FILENO)) opt.progress = [&bar](std::size_t d, std::size_t t) { bar(d, t); };

    const auto t0 = std::chrono::steady_clock::now();
    const Sweep sw = run_sweep(census_ptr, formula, axes, opt);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    OutputSet out(vm["out"].as<std::string>());
    const std::string csv = sweep_csv(sw);
    out.add("sweep.csv", csv);
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    std::int64_t run_id = 0;
    if (ledger) {
        Manifest manifest;
        manifest.census = manifest_file(vm["census"].as<std::string>());
        manifest.formula = manifest_formula(source);
        run_id = record_in_ledger(*ledger, "sweep", manifest,
                                  sweep_formula_record(formula, vm["vary"].as<std::vector<std::string>>()),
                                  sweep_summary_json(sw, csv));
    }
    if (!quiet) {
        std::size_t ok = 0, limit = 0, unbalanced = 0, invalid = 0;
        for (const auto& r : sw.rows) {
            ok += r.status == SweepStatus::ok;
            limit += r.status == SweepStatus::lever_at_limit;
            unbalanced += r.status == SweepStatus::cannot_balance;
            invalid += r.status == SweepStatus::invalid;
        }
        // std::cout, not printf: main_entry unsyncs the C and C++ streams.
        char b[512];
        std::snprintf(b, sizeof b, "%zu combinations over %zu schools: %zu %s", sw.rows.size(), census.size,
                      ok, sw.has_budget ? "balanced" : "run (the formula has no budget: nothing to balance)");
        std::cout << "Read " << describe(source) << "\n";
        std::cout << "Formula: " << sw.formula_name << "\n" << b;
        if (limit) std::cout << ", " << limit << " with the lever at its limit";
        if (unbalanced) std::cout << ", " << unbalanced << " cannot be balanced";
        if (invalid) std::cout << ", " << invalid << " invalid";
        std::cout << "\n";
        if (!sw.has_prior_year)
            std::cout
                << "The census has no prior_year_budget: schools_gaining and schools_losing are blank.\n";
        std::cout << "Wrote " << out.path_of("sweep.csv") << "\n";
        if (ledger) std::cout << recorded_line(run_id, *ledger);
        // The timing varies run to run: on the terminal only, so that stdout stays the same for the same
        // inputs.
        if (opt.progress) std::fprintf(stderr, "(%.2f s on %u threads)\n", secs, opt.threads);
    }
    return kOk;
}

}  // namespace fundsim::app
