// The high needs calculation (docs/high-needs.md §2): place funding, top-ups, import/export, the special
// schools MFG, central lines and the block's in-year position, from a parsed formula, providers and
// placements. The entry point `fundsim high-needs` and the LA budget call.
#pragma once

#include <optional>

#include "engine/high_needs/result.hpp"

namespace fundsim::hn {

// The LA-level amounts that are not in the formula: the high needs allocation (unknown if not given) and
// transfers in from other blocks (the schools block transfer, say).
struct PositionInputs {
    std::optional<double> allocation;
    double transfers_in = 0;
};

// Checks every provider against the formula (a place rate for its setting) and every placement against
// the providers and the formula (a known provider, a band of its setting's table, or an agreed rate):
// errors name the file, line, column and value. The result points at the three inputs.
HnResult calculate_high_needs(const HnFormula& formula, const Providers& providers,
                              const Placements& placements, const PositionInputs& position = {});

}  // namespace fundsim::hn
