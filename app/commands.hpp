// The commands of the fundsim program (interfaces §5) and what they share: option parsing with
// --help, loading census and formula or scenario, exit codes (0 ok, 1 bad input, 2 usage).
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/run/invariants.hpp"
#include "engine/run/result.hpp"

namespace fundsim::app {

namespace po = boost::program_options;

constexpr int kOk = 0, kBadInput = 1, kUsage = 2;

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses `args` against `desc` (positional arguments are refused). Returns false if --help was asked
// (help printed). Throws UsageError for unknown or missing options.
bool parse_options(const std::string& command, const std::string& summary, po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm);

// The formula of a run: --formula F, or --scenario S (which names its base), or both: the scenario
// patches the formula given on the command line instead of its own base.
Formula formula_from_options(const po::variables_map& vm);

// Prepares the census for the formula, calculates, and makes the self-check (require_invariants) before
// anything is written: run, validate and explain.
Result run_checked(Census& census, const Formula& formula);

// The program: dispatches argv[1] to a command and maps errors to exit codes.
int main_entry(int argc, char** argv);

int cmd_run(const std::vector<std::string>& args);
int cmd_validate(const std::vector<std::string>& args);
int cmd_explain(const std::vector<std::string>& args);
int cmd_synth(const std::vector<std::string>& args);
int cmd_ingest(const std::vector<std::string>& args);
int cmd_compare(const std::vector<std::string>& args);
int cmd_sweep(const std::vector<std::string>& args);
int cmd_statements(const std::vector<std::string>& args);

}  // namespace fundsim::app
