// `fundsim run`: one formula (or scenario) over one census → allocations.csv, summary.json.
#include <iostream>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_formula.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "app/run_checked.hpp"
#include "app/run_outputs.hpp"
#include "engine/core/error.hpp"
#include "engine/run/calculate.hpp"
#include "reports/output_file.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

int cmd_run(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    add_census_option(desc);
    add_formula_options(desc);
    add_out_folder_option(desc);
    add_quiet_option(desc);
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "run", "Applies a formula to a census and balances it: writes allocations.csv and summary.json.",
            desc, args, vm))
        return kOk;
    const auto ledger = open_ledger_option(vm);  // before any work: a bad ledger stops the run here
    const FormulaSource source = formula_from_options(vm);
    Census census = load_census(vm["census"].as<std::string>());
    Result r = run_checked(std::move(census), source.formula);
    OutputSet out(vm["out"].as<std::string>());
    Manifest manifest;
    const nlohmann::ordered_json summary =
        add_run_outputs(out, "", r, vm["census"].as<std::string>(), source, &manifest);
    out.commit();
    // Recorded after the outputs are written (docs/ledger.md §1).
    const std::int64_t run_id =
        ledger ? record_in_ledger(*ledger, "run", manifest, run_formula_record(source.formula), summary) : 0;
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read " << describe(source) << "\n" << run_summary_text(r);
        std::cout << "\nWrote " << out.path_of("allocations.csv") << " and " << out.path_of("summary.json")
                  << "\n";
        if (ledger) std::cout << recorded_line(run_id, *ledger);
    }
    return kOk;
}

}  // namespace fundsim::app
