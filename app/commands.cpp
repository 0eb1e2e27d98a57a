// Command dispatch: argv[1] names the command; errors map to exit codes.
#include "app/commands.hpp"

#include <iostream>
#include <map>

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"

namespace {

const char* kUsageText =
    "fundsim: school funding formulae, protections and balancing for English local authorities\n"
    "\n"
    "Usage: fundsim COMMAND [options]   (fundsim COMMAND --help for each)\n"
    "       fundsim --version           the version of fundsim (also: fundsim version)\n"
    "\n"
    "Commands:\n"
    "  run        one formula (or scenario) over one census: allocations.csv, summary.json\n"
    "  validate   check a census against a formula; no output files; exit 0 only if clean\n"
    "  explain    how each line of one school's budget was computed\n"
    "  synth      write a realistic synthetic LA census (for demos, tests, benchmarks)\n"
    "  ingest     turn a pupil-level census into the school-level census\n"
    "  compare    the Schools Forum pack: options against a baseline (CSV, JSON, workbook, report)\n"
    "  sweep      every combination of varied formula values, each balanced: sweep.csv\n"
    "  statements one printable budget statement per school (DIR/<urn>.html) and an index\n"
    "\n"
    "Exit codes: 0 success, 1 bad input (message on stderr), 2 usage error.\n";

}  // namespace

int fundsim::app::main_entry(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsageText;
        return args.empty() ? kUsage : kOk;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "fundsim " << fundsim_version() << "\n";
        return kOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    static const std::map<std::string, int (*)(const std::vector<std::string>&)> commands = {
        {"run", cmd_run},     {"validate", cmd_validate},    {"explain", cmd_explain},
        {"synth", cmd_synth}, {"ingest", cmd_ingest},        {"compare", cmd_compare},
        {"sweep", cmd_sweep}, {"statements", cmd_statements}};
    auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "fundsim: unknown command '" << command << "'\n\n" << kUsageText;
        return kUsage;
    }
    try {
        return it->second(args);
    } catch (const UsageError& e) {
        std::cerr << "fundsim " << command << ": " << e.what() << "\n";
        return kUsage;
    } catch (const fundsim::InputError& e) {
        std::cerr << "fundsim " << command << ": error: " << e.what() << "\n";
        return kBadInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "fundsim " << command
                  << ": error: out of memory (is an input file far larger than expected?)\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "fundsim " << command << ": error: " << e.what() << "\n";
        return kBadInput;
    }
}
