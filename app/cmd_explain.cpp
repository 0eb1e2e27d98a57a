// `fundsim explain --school URN`: how each line of that school's budget was computed.
#include <iostream>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "app/run_checked.hpp"
#include "engine/core/error.hpp"
#include "engine/run/calculate.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

int cmd_explain(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    add_census_option(desc);
    add_formula_options(desc);
    desc.add_options()("school,u", po::value<long long>()->required(), "the school's URN");
    po::variables_map vm;
    if (!parse_options("explain", "Prints how each line of one school's budget was computed.", desc, args,
                       vm))
        return kOk;
    const FormulaSource source = formula_from_options(vm);
    Census census = load_census(vm["census"].as<std::string>());
    const long long urn = vm["school"].as<long long>();
    const long idx = census.index_of(urn);
    if (idx < 0) fail("school " + std::to_string(urn) + " is not in the census " + census.file);
    Result r = run_checked(std::move(census), source.formula);
    std::cout << "Read " << describe(source) << "\n";
    std::cout << explain_school(r, static_cast<std::size_t>(idx));
    return kOk;
}

}  // namespace fundsim::app
