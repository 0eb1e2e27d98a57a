// Command dispatch and the option handling shared by every command.
#include "app/commands.hpp"

#include <iostream>
#include <map>

#include "engine/core/error.hpp"

namespace fundsim::app {

bool parse_options(const std::string& command, const std::string& summary, po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm) {
    desc.add_options()("help,h", "show this help");
    try {
        po::parsed_options parsed = po::command_line_parser(args).options(desc).run();
        // Boost keeps a bare word (no --option before it) as a positional token and store() drops it
        // silently; every fundsim argument is an option, so a stray word is a usage error.
        for (const auto& o : parsed.options)
            if (o.position_key >= 0 && !o.original_tokens.empty())
                throw UsageError("unexpected argument '" + o.original_tokens.front() +
                                 "': every argument is an option such as --census FILE\n(see 'fundsim " + command +
                                 " --help')");
        po::store(parsed, vm);
        if (vm.count("help")) {
            std::cout << "Usage: fundsim " << command << " [options]\n" << summary << "\n\n" << desc << "\n";
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string(e.what()) + "\n(see 'fundsim " + command + " --help')");
    }
    return true;
}

Formula formula_from_options(const po::variables_map& vm) {
    const bool has_f = vm.count("formula"), has_s = vm.count("scenario");
    if (has_s) {
        Scenario s = load_scenario(vm["scenario"].as<std::string>());
        if (has_f) {
            // The command line's formula replaces the scenario's own base.
            Json base = read_json_file(vm["formula"].as<std::string>());
            Json sdoc = read_json_file(vm["scenario"].as<std::string>());
            base.merge_patch(sdoc["changes"]);
            if (!sdoc["changes"].contains("name")) base["name"] = s.name;
            return parse_formula(base, vm["scenario"].as<std::string>() + " (patched " + vm["formula"].as<std::string>() + ")");
        }
        return s.formula;
    }
    if (!has_f) throw UsageError("give --formula F (or --scenario S)");
    return load_formula(vm["formula"].as<std::string>());
}

}  // namespace fundsim::app

namespace {

const char* kUsageText =
    "fundsim: school funding formulae, protections and balancing for English local authorities\n"
    "\n"
    "Usage: fundsim COMMAND [options]   (fundsim COMMAND --help for each)\n"
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
    const std::string command = args[0];
    args.erase(args.begin());
    static const std::map<std::string, int (*)(const std::vector<std::string>&)> commands = {
        {"run", cmd_run}, {"validate", cmd_validate}, {"explain", cmd_explain}, {"synth", cmd_synth},
        {"ingest", cmd_ingest},
        {"compare", cmd_compare}, {"sweep", cmd_sweep}, {"statements", cmd_statements}};
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
        std::cerr << "fundsim " << command << ": error: out of memory (is an input file far larger than expected?)\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "fundsim " << command << ": error: " << e.what() << "\n";
        return kBadInput;
    }
}
