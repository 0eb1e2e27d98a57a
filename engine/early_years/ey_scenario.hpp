// An early years option for `compare --early-years` (docs/early-years.md §8): an early years formula file,
// or a scenario (a base formula with an RFC 7386 merge patch) that may also name its own providers or hours
// file (paying on places: an hours file whose hours are the places × hours a week × weeks).
#pragma once

#include <string>

#include "engine/early_years/ey_formula.hpp"
#include "engine/early_years/hours.hpp"
#include "engine/early_years/providers.hpp"
#include "engine/formula/block_option.hpp"

namespace fundsim {

// The option's file, a scenario's base, its own "providers" and "hours" files (file("hours"); "" = the
// command's), and the formula to run.
using EyOptionSource = BlockOption<EyFormula>;

// Reads an early years formula file, or a scenario applied to its base: errors at a path the scenario's
// changes wrote are reported in the scenario at /changes/...; "providers" and "hours" are paths relative to
// the scenario's folder.
EyOptionSource load_ey_option(const std::string& path);

// An option's providers and hours: its own files, else `providers` and `hours` (the command's), each read
// against the option's formula (the columns its supplements name).
struct EyOptionInputs {
    EyProviders providers;
    EyHours hours;
};
EyOptionInputs load_ey_option_inputs(const EyOptionSource& option, const std::string& providers,
                                     const std::string& hours);

}  // namespace fundsim
