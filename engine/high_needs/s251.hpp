// The high needs lines of the LA's section 251 budget statement (docs/la-budget.md §6): place funding the
// LA pays and top-ups, each by setting, the special schools MFG and each central line, from a result.
#pragma once

#include <string>
#include <vector>

#include "engine/high_needs/result.hpp"

namespace fundsim::hn {

struct S251Line {
    std::string id;     // "place_funding.special", "top_ups.fe", "special_mfg", "central.<name>"
    std::string label;  // for people
    double amount = 0;  // the exact sum of the provider-, placement- or formula-level lines it names
};

// Settings with nothing on a line are left out; the special MFG line is there when the formula has one.
// The lines add up to the block's spend (Position::spend), to the penny.
std::vector<S251Line> s251_lines(const HnResult& r);

}  // namespace fundsim::hn
