// The files of `fundsim run` (app/run_outputs.hpp).
#include "app/run_outputs.hpp"

#include "reports/manifest.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

nlohmann::ordered_json add_run_outputs(OutputSet& out, const std::string& folder, const Result& r,
                                       const std::string& census_path, const FormulaSource& source,
                                       Manifest* manifest_out) {
    out.add(folder + "allocations.csv", allocations_csv(r));
    Manifest manifest;
    manifest.census = manifest_file(census_path);
    manifest.formula = manifest_formula(source);
    nlohmann::ordered_json summary = summary_json(r);
    summary["manifest"] = manifest_json(manifest);
    out.add(folder + "summary.json", summary.dump(2) + "\n");
    if (manifest_out) *manifest_out = manifest;
    return summary;
}

}  // namespace fundsim::app
