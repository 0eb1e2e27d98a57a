// `fundsim ledger`: the runs recorded in a run ledger, newest first, or one of them replayed: its input
// files checked against their SHA-256 and its summary made again from the recorded formula
// (docs/ledger.md §4).
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/replay.hpp"
#include "engine/core/version.hpp"
#include "reports/ledger_writers.hpp"
#include "store/db.hpp"
#include "store/query.hpp"

namespace fundsim::app {

namespace {

int replay(store::Db& db, std::int64_t id) {
    const store::RunRecord run = store::find_run(db, id);
    std::cout << "Run " << run.id << ": " << run.command << " at " << run.time_utc << " (fundsim "
              << run.version << ")\n";
    const ReplayOutcome out = replay_run(run, db.path());
    if (out.changed_inputs.empty()) {
        std::cout << "Inputs: all " << run.inputs.size() << " unchanged (SHA-256 as recorded)\n";
    } else {
        std::cout << "Inputs changed since the run:\n";
        for (const auto& line : out.changed_inputs) std::cout << "  " << line << "\n";
    }
    // budget and plan are run again from their files, the others from the recorded formula (§4).
    const std::string from =
        run.command == "budget" || run.command == "plan" ? "from its files" : "from the recorded formula";
    if (!out.replayed) {
        std::cout << "Not replayed: " << out.not_replayed << ".\n";
    } else if (out.differences.empty()) {
        std::cout << "Replayed " << from << ": the summary is identical.\n  " << run_headline(run) << "\n";
    } else {
        std::cout << "Replayed " << from << ": the summary differs in " << out.differences.size()
                  << (out.differences.size() == 1 ? " figure" : " figures") << ":\n";
        for (const auto& line : out.differences) std::cout << "  " << line << "\n";
    }
    if (run.version != std::string(fundsim_version()))
        std::cout << "(recorded by fundsim " << run.version << ", replayed by fundsim "
                  << std::string(fundsim_version()) << ")\n";
    if (out.ok()) return kOk;
    std::cerr << "fundsim ledger: run " << run.id << " does not replay: "
              << (out.changed_inputs.empty()
                      ? ""
                      : std::to_string(out.changed_inputs.size()) + " input(s) changed")
              << (!out.changed_inputs.empty() && !out.differences.empty() ? ", " : "")
              << (out.differences.empty() ? "" : std::to_string(out.differences.size()) + " figure(s) differ")
              << "\n";
    return kBadInput;
}

}  // namespace

int cmd_ledger(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("ledger", po::value<std::string>()->required(), "the run ledger (SQLite)")(
        "limit,n", po::value<std::size_t>()->default_value(20), "list the latest N runs")(
        "replay", po::value<std::int64_t>(),
        "run ID again from its recorded formula and input files: exit 0 only if every input is unchanged "
        "and the summary identical");
    po::variables_map vm;
    if (!parse_options(
            "ledger",
            "Lists the runs recorded in a run ledger (by run, compare, sweep, budget or plan given "
            "--ledger), "
            "newest first, or\n"
            "replays one: checks its input files' SHA-256 and makes its summary again from the "
            "recorded formula.",
            desc, args, vm))
        return kOk;
    store::Db db(vm["ledger"].as<std::string>(), store::Db::Mode::read);
    if (vm.count("replay")) {
        if (vm.count("limit") && !vm["limit"].defaulted())
            throw UsageError("give --limit or --replay, not both");
        return replay(db, vm["replay"].as<std::int64_t>());
    }
    const std::size_t limit = vm["limit"].as<std::size_t>();
    if (limit == 0) throw UsageError("--limit must be at least 1");
    std::cout << ledger_list_text(db.path(), store::latest_runs(db, limit), store::count_runs(db));
    return kOk;
}

}  // namespace fundsim::app
