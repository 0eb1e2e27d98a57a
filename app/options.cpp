// The options shared by the commands and their parsing (app/options.hpp).
#include "app/options.hpp"

#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "engine/core/number.hpp"

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
                                 "': every argument is an option such as --census FILE\n(see 'fundsim " +
                                 command + " --help')");
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

void add_census_option(po::options_description& desc) {
    desc.add_options()("census,c", po::value<std::string>()->required(), "school-level census CSV");
}

void add_formula_options(po::options_description& desc) {
    desc.add_options()("formula,f", po::value<std::string>(),
                       "formula JSON (or a scenario JSON: its changes applied to its base formula)")(
        "scenario,s", po::value<std::string>(),
        "scenario JSON: its changes applied to its base formula, or to --formula if given (or a formula "
        "JSON)");
}

void add_out_folder_option(po::options_description& desc, const char* help) {
    desc.add_options()("out,o", po::value<std::string>()->required(), help);
}

void add_quiet_option(po::options_description& desc) {
    desc.add_options()("quiet,q", po::bool_switch(), "print nothing on success");
}

void add_statements_output_options(po::options_description& desc) {
    add_out_folder_option(desc);
    desc.add_options()("school", po::value<long long>(),
                       "write only this school's statement (and the index)");
    add_quiet_option(desc);
}

FolderAndName split_path(const std::string& path) {
    const std::filesystem::path p(path);
    return {p.parent_path().empty() ? "." : p.parent_path().string(), p.filename().string()};
}

double pounds_option(const po::variables_map& vm, const char* name) {
    const std::string v = vm[name].as<std::string>();
    double x = 0;
    if (!parse_number(v, x) || std::fabs(x) > 1e12)
        throw UsageError(std::string("--") + name + " \"" + v +
                         "\" is not an amount in pounds (e.g. 41500000)");
    return x;
}

}  // namespace fundsim::app
