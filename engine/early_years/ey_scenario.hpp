// An early years option for `compare --early-years` (docs/early-years.md §8): an early years formula file,
// or a scenario (a base formula with an RFC 7386 merge patch) that may also name its own providers or hours
// file (paying on places: an hours file whose hours are the places × hours a week × weeks).
#pragma once

#include <string>

#include "engine/early_years/ey_formula.hpp"

namespace fundsim {

struct EyOptionSource {
    std::string path;  // the file named on the command line
    bool is_scenario = false;
    std::string base_path;       // a scenario's base formula, as opened
    std::string providers_path;  // a scenario's own providers file ("" = the command's), as opened
    std::string hours_path;      // a scenario's own hours file ("" = the command's), as opened
    EyFormula formula;           // the formula to run (a scenario's applied to its base)
};

// Reads an early years formula file, or a scenario applied to its base: errors at a path the scenario's
// changes wrote are reported in the scenario at /changes/...; "providers" and "hours" are paths relative to
// the scenario's folder.
EyOptionSource load_ey_option(const std::string& path);

}  // namespace fundsim
