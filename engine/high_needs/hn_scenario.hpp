// A high needs option for `compare --high-needs` (docs/high-needs.md §6): a high needs formula file, or a
// scenario (a base formula with an RFC 7386 merge patch, as for the schools formula) that may also name its
// own providers or placements file ("more places").
#pragma once

#include <string>

#include "engine/high_needs/formula.hpp"

namespace fundsim::hn {

struct HnOptionSource {
    std::string path;  // the file named on the command line
    bool is_scenario = false;
    std::string base_path;        // a scenario's base formula, as opened
    std::string providers_path;   // a scenario's own providers file ("" = the command's), as opened
    std::string placements_path;  // a scenario's own placements file ("" = the command's), as opened
    HnFormula formula;            // the formula to run (a scenario's applied to its base)
};

// Reads a high needs formula file, or a scenario applied to its base: errors at a path the scenario's
// changes wrote are reported in the scenario at /changes/...; "providers" and "placements" are paths
// relative to the scenario's folder.
HnOptionSource load_hn_option(const std::string& path);

}  // namespace fundsim::hn
