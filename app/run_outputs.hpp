// The files of `fundsim run` (allocations.csv, summary.json with its manifest), added to an output set:
// written by run, and by budget into DIR/schools/ (docs/la-budget.md §7 invariant 5: the same bytes).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/formula_source.hpp"
#include "engine/run/result.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

// Adds `<folder>allocations.csv` and `<folder>summary.json` (folder "" or ending in '/') for the run of
// `source` over the census at `census_path`; returns the summary.json written (and its manifest, for the
// run ledger, through `manifest_out` when given).
nlohmann::ordered_json add_run_outputs(OutputSet& out, const std::string& folder, const Result& r,
                                       const std::string& census_path, const FormulaSource& source,
                                       Manifest* manifest_out = nullptr);
// The same with its manifest given (a plan's later years: files the plan wrote).
nlohmann::ordered_json add_run_outputs(OutputSet& out, const std::string& folder, const Result& r,
                                       const Manifest& manifest);

}  // namespace fundsim::app
