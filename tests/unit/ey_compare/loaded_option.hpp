// An early years option read as `compare --early-years` reads it (the option, then its providers and hours
// against its own formula), for the unit and property tests of the comparison.
#pragma once

#include <string>

#include "engine/compare/ey_compare.hpp"
#include "engine/early_years/ey_scenario.hpp"

namespace fundsim::test {

struct LoadedOption {
    EyOptionSource source;
    EyOptionInputs in;
    LoadedOption(const std::string& path, const std::string& providers, const std::string& hours)
        : source(load_ey_option(path)), in(load_ey_option_inputs(source, providers, hours)) {}
    EyCase as_case(const std::string& name) const {
        return EyCase{name, source.path, &source.formula, &in.providers, &in.hours};
    }
};

}  // namespace fundsim::test
