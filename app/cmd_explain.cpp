// `fundsim explain --school URN`: how each line of that school's budget was computed.
#include <iostream>

#include "engine/run/calculate.hpp"
#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

int cmd_explain(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("census,c", po::value<std::string>()->required(), "school-level census CSV")(
        "formula,f", po::value<std::string>(), "formula JSON")("scenario,s", po::value<std::string>(), "scenario JSON")(
        "school,u", po::value<long long>()->required(), "the school's URN");
    po::variables_map vm;
    if (!parse_options("explain", "Prints how each line of one school's budget was computed.", desc, args, vm)) return kOk;
    Formula formula = formula_from_options(vm);
    Census census = load_census(vm["census"].as<std::string>());
    const long long urn = vm["school"].as<long long>();
    const long idx = census.index_of(urn);
    if (idx < 0) fail("school " + std::to_string(urn) + " is not in the census " + census.file);
    Result r = run_checked(census, formula);
    std::cout << explain_school(r, static_cast<std::size_t>(idx));
    return kOk;
}

}  // namespace fundsim::app
