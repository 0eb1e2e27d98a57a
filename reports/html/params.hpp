// The values in force of a result, one row each, for the factor table of report.html (section 5):
// every factor's rates by kind, the MPPL levels, the MFG, cap, scaling and a solved factor multiplier.
#pragma once

#include <string>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

enum class ParamUnit { money, fraction, number, miles };

// One value: `key` is stable across formulas ("basic_entitlement/ks3"), so that options line up by it.
struct Param {
    std::string key, label;
    double value = 0;
    ParamUnit unit = ParamUnit::money;
};

// The values in force in a result: rates of the factors the multiplier lever scales are shown after
// the solved k (what schools are paid), and cap and scaling after balancing.
std::vector<Param> params_of(const Result& r);

// A value as the table shows it: £3,847 (£3,847.50 when not whole), 2.0000%, 2 miles, 21.4.
std::string param_text(double v, ParamUnit u);

}  // namespace fundsim
