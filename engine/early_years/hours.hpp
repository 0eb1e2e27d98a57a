// The termly hours file of the early years block (docs/early-years.md §1): one row per provider, term and
// entitlement with the children, the funded hours taken and the counts the formula pays on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/early_years/entitlements.hpp"
#include "engine/early_years/ey_formula.hpp"
#include "engine/early_years/providers.hpp"
#include "engine/early_years/terms.hpp"

namespace fundsim {

struct EyHoursRow {
    std::size_t provider = 0;  // row of the providers file
    Term term = Term::summer;
    Entitlement entitlement = Entitlement::three_four_universal;
    double children = 0, hours = 0;
    double eypp_children = 0, eypp_hours = 0, daf_children = 0;
    // Per supplement of the formula (by index): the value of its hours-file column on this row (0 for
    // per_provider supplements).
    std::vector<double> supplement;
};

struct EyHours {
    std::string file;
    std::vector<EyHoursRow> rows;
};

// Reads and checks `path` against the formula and the providers (docs/early-years.md §4): a known
// provider, term and entitlement; one row per provider, term and entitlement; whole non-negative counts;
// non-negative hours, at most children × 30 × the term's weeks; the columns the formula pays on present.
// Each error names file, line, column and value.
EyHours load_ey_hours(const std::string& path, const EyFormula& formula, const EyProviders& providers);

}  // namespace fundsim
