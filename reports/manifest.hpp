// The run manifest written into summary.json: fundsim's version and the path and SHA-256 of every input
// file, so that a summary says what produced it (code-review §3.8; the wave-2 run ledger reads the same).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/version.hpp"

namespace fundsim {

// One input file: its path as given on the command line (or, for a scenario's base, as opened) and the
// SHA-256 of its bytes.
struct ManifestFile {
    std::string path, sha256;
};
// Hashes the file at `path` now.
ManifestFile manifest_file(const std::string& path);

// A formula read from a formula file, or from a scenario applied to a base formula.
struct ManifestFormula {
    bool is_scenario = false;
    ManifestFile file;
    std::optional<ManifestFile> base;       // a scenario's
    bool base_from_formula_option = false;  // --formula F --scenario S: F in place of S's own base
};

struct Manifest {
    std::string version = fundsim_version();
    ManifestFile census;
    std::optional<ManifestFormula> formula;  // run: the formula or scenario run
    // compare: the baseline (nullopt: the census's prior_year_budget column) and the options, in order.
    bool comparison = false;
    std::optional<ManifestFormula> baseline;
    std::vector<ManifestFormula> options;
};

// {"fundsim_version", "census": {"path", "sha256"}, then "formula" (run) or "baseline" and "options"
// (compare)}; a formula entry is {"kind": "formula" | "scenario", "path", "sha256"} and a scenario's also
// has "base": {"path", "sha256"} (and "base_given_by": "--formula" when that replaced its own base); a
// baseline of last year's budgets is {"kind": "prior_year_budget"}, the census column.
nlohmann::ordered_json manifest_json(const Manifest& m);

}  // namespace fundsim
