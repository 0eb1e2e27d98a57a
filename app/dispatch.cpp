// Command dispatch: argv[1] names the command; errors map to exit codes (app/dispatch.hpp).
#include "app/dispatch.hpp"

#include <iostream>
#include <map>
#include <new>

#include "app/commands.hpp"
#include "app/huge_pages.hpp"
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
    "  plan       a multi-year plan: projected censuses, uprated formulas, chained MFG baselines\n"
    "  high-needs the high needs block: place funding, top-ups, special MFG, the in-year position\n"
    "  early-years pay early years providers on hours taken; solve the base rate; pass-through\n"
    "  budget     the LA's whole Schools Budget: DSG blocks, transfers, recoupment, s251 statement\n"
    "  ledger     the runs recorded in a run ledger (--ledger FILE), or one replayed and checked\n"
    "  serve      the what-if server: a patch over the formula, every school's budget (JSON over HTTP)\n"
    "\n"
    "Exit codes: 0 success; 1 bad input: a census, formula or other file is wrong, or the budget cannot\n"
    "be balanced (the message on stderr says where); 2 usage error (the command line); 3 a fault in\n"
    "fundsim itself, not in your files (please report it).\n";

// After the message of an exit 3: whose fault it is (and its kind), and what to do.
void tell_fault(std::ostream& err, const char* kind) {
    err << "This is a fault in fundsim (" << kind
        << "), not in your files. Please report it to the fundsim maintainers\n"
           "with this message, the command you ran and the version (fundsim "
        << fundsim::fundsim_version() << ").\n";
}

}  // namespace

int fundsim::app::run_command(const std::string& name, const Command& command,
                              const std::vector<std::string>& args, std::ostream& err) {
    try {
        return command(args);
    } catch (const UsageError& e) {
        err << "fundsim " << name << ": " << e.what() << "\n";
        return kUsage;
    } catch (const fundsim::Error& e) {
        if (!is_fundsims_fault(e.kind())) {
            err << "fundsim " << name << ": error: " << e.what() << "\n";
            return kBadInput;
        }
        err << "fundsim " << name << ": error: " << e.what() << "\n";
        tell_fault(err, kind_text(e.kind()));
        return kFault;
    } catch (const std::bad_alloc&) {
        err << "fundsim " << name << ": error: out of memory (is an input file far larger than expected?)\n";
        return kBadInput;
    } catch (const std::exception& e) {
        err << "fundsim " << name << ": error: " << e.what() << "\n";
        tell_fault(err, "internal error");
        return kFault;
    } catch (...) {
        err << "fundsim " << name << ": error: an exception that is not a std::exception\n";
        tell_fault(err, "internal error");
        return kFault;
    }
}

int fundsim::app::main_entry(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    use_huge_pages();
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
        {"run", cmd_run},
        {"validate", cmd_validate},
        {"explain", cmd_explain},
        {"synth", cmd_synth},
        {"ingest", cmd_ingest},
        {"compare", cmd_compare},
        {"sweep", cmd_sweep},
        {"statements", cmd_statements},
        {"plan", cmd_plan},
        {"high-needs", cmd_high_needs},
        {"early-years", cmd_early_years},
        {"budget", cmd_budget},
        {"ledger", cmd_ledger},
        {"serve", cmd_serve}};
    auto it = commands.find(command);
    if (it == commands.end()) {
        std::cerr << "fundsim: unknown command '" << command << "'\n\n" << kUsageText;
        return kUsage;
    }
    return run_command(command, it->second, args, std::cerr);
}
