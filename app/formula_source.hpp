// Where a command's formula came from: a formula file, or a scenario whose changes were applied to a
// formula. Either kind is read through either option (--formula, --scenario, --baseline), and said.
#pragma once

#include <string>

#include "app/options.hpp"
#include "engine/formula/formula.hpp"
#include "reports/manifest.hpp"

namespace fundsim::app {

struct FormulaSource {
    Formula formula;   // the formula to run (a scenario's already applied to its base)
    std::string path;  // the file named on the command line
    bool is_scenario = false;
    std::string base_path;  // a scenario's: the formula file its changes were applied to, as opened
    // --formula F --scenario S: F was used in place of the scenario's own base (own_base_path).
    bool base_from_formula_option = false;
    std::string own_base_path;
};

// Reads a formula file, or a scenario file applied to its base; which it was is in the result.
FormulaSource load_formula_source(const std::string& path);

// The formula of run, validate, explain and statements: --formula F or --scenario S, either file being a
// formula or a scenario; or both, when S must be a scenario and F a formula: S's changes are applied to F
// in place of S's own base.
FormulaSource formula_from_options(const po::variables_map& vm);
// The same from the two paths (either may be null): what `fundsim budget` reads from its budget file.
FormulaSource formula_from_files(const std::string* formula, const std::string* scenario);

// For a finance officer: "the formula F", or "the scenario S, applied to the formula B" (and, when
// --formula replaced the scenario's base, "(given by --formula, in place of its base B0)").
std::string describe(const FormulaSource& source);

// The files it came from, hashed now, for the manifest in summary.json.
ManifestFormula manifest_formula(const FormulaSource& source);

}  // namespace fundsim::app
