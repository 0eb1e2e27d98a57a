// The command-line options several commands share, declared once (census, formula or scenario, baseline,
// output folder, --quiet), the parsing every command does, and small helpers on option values.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "engine/formula/formula.hpp"

namespace fundsim::app {

namespace po = boost::program_options;

// The --baseline value that means "the census's prior_year_budget column" (compare, statements).
constexpr const char* kPriorYear = "prior_year_budget";

// Parses `args` against `desc` (positional arguments are refused). Returns false if --help was asked
// (help printed). Throws UsageError for unknown or missing options.
bool parse_options(const std::string& command, const std::string& summary, po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm);

// --census C (required): the school-level census.
void add_census_option(po::options_description& desc);
// --formula F and --scenario S, each optional, each a formula or a scenario file (formula_from_options in
// app/formula_source.hpp says which combinations are valid).
void add_formula_options(po::options_description& desc);
// --out DIR (required): the output folder.
void add_out_folder_option(po::options_description& desc,
                           const char* help = "output folder (created if needed)");
// --quiet: print nothing on success.
void add_quiet_option(po::options_description& desc);

// The output options of both statements commands (`statements`, `statements --plan`): --out, --school,
// --quiet.
void add_statements_output_options(po::options_description& desc);

// The value of option `name`, an amount in pounds given as a plain number (--allocation 41500000); a
// UsageError otherwise.
double pounds_option(const po::variables_map& vm, const char* name);

// An output file's path split into its folder ("." when it has none) and its file name, for OutputSet.
struct FolderAndName {
    std::string folder, name;
};
FolderAndName split_path(const std::string& path);

}  // namespace fundsim::app
