// `fundsim run`: one formula (or scenario) over one census → allocations.csv, summary.json.
#include <iostream>

#include "engine/run/calculate.hpp"
#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "reports/output_file.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

Result run_checked(Census& census, const Formula& formula) {
    prepare_census(census, formula);
    Result r = calculate(census, formula);
    require_invariants(r);  // self-check (funding-model §8): refuse to write a result that breaks one
    return r;
}

int cmd_run(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("census,c", po::value<std::string>()->required(), "school-level census CSV")(
        "formula,f", po::value<std::string>(), "formula JSON")("scenario,s", po::value<std::string>(),
                                                                 "scenario JSON (a patch to its base formula, or to --formula)")(
        "out,o", po::value<std::string>()->required(), "output folder (created if needed)")(
        "quiet,q", po::bool_switch(), "print nothing on success");
    po::variables_map vm;
    if (!parse_options("run", "Applies a formula to a census and balances it: writes allocations.csv and summary.json.", desc, args, vm))
        return kOk;
    Formula formula = formula_from_options(vm);
    Census census = load_census(vm["census"].as<std::string>());
    Result r = run_checked(census, formula);
    OutputSet out(vm["out"].as<std::string>());
    out.add("allocations.csv", allocations_csv(r));
    out.add("summary.json", summary_json(r).dump(2) + "\n");
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << run_summary_text(r);
        std::cout << "\nWrote " << out.path_of("allocations.csv") << " and " << out.path_of("summary.json") << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
