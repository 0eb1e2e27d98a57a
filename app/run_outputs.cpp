// The files of `fundsim run` (app/run_outputs.hpp).
#include "app/run_outputs.hpp"

#include "reports/manifest.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

nlohmann::ordered_json add_run_outputs(OutputSet& out, const std::string& folder, const Result& r,
                                       const std::string& census_path, const FormulaSource& source,
                                       Manifest* manifest_out) {
    Manifest manifest;
    manifest.census = manifest_file(census_path);
    manifest.formula = manifest_formula(source);
    if (manifest_out) *manifest_out = manifest;
    return add_run_outputs(out, folder, r, manifest);
}

nlohmann::ordered_json add_run_outputs(OutputSet& out, const std::string& folder, const Result& r,
                                       const Manifest& manifest) {
    out.add(folder + "allocations.csv", allocations_csv(r));
    nlohmann::ordered_json summary = summary_json(r);
    summary["manifest"] = manifest_json(manifest);
    out.add(folder + "summary.json", summary.dump(2) + "\n");
    return summary;
}

}  // namespace fundsim::app
