// The breakdown of one factor for one school: the rate × count pieces the engine adds up to the factor's
// amount, each with the formula path of its rate and provisional mark, and notes for the non-linear rules.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/factors/sparsity.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim {

// Where a value of the formula comes from.
struct Provenance {
    std::string path;  // JSON pointer into the formula as run: /factors/basic_entitlement/rate/primary
    bool provisional = false;  // the formula's `provisional` list names this path or a parent of it
    std::string mark;          // that entry's mark ("⚠", "◐"), possibly empty
};

// A value of the formula as used for the school (`value`: money after the factor multiplier k, the London
// fringe's rate as multiplier − 1) and the number at `source.path` as written in the formula (`given`).
struct Param {
    double value = 0, given = 0;
    Provenance source;
};

// What a number is, so that each reader can word it the same way.
enum class Unit {
    none,      // not shown (the rate of a census amount passed through at cost)
    money,     // pounds
    count,     // pupils, units, year groups
    fraction,  // a share (the London fringe's multiplier − 1, an allocation's share of its basis)
    weight,    // sparsity's year-group weight × distance weight
};

// One rate × count piece of a factor for one school.
struct Component {
    std::string label;   // in a finance officer's words: "Primary pupils (R–Y6)", "Band A, secondary"
    std::string column;  // the census column counted ("" when the count is derived from several)
    Param rate;          // per unit (pounds unless `rate_unit` says otherwise), after k
    Unit rate_unit = Unit::money;
    double count = 0;
    Unit count_unit = Unit::count;
    double amount = 0;  // the engine's piece, unrounded, after k: rate × count for the linear kinds
};

// Notes on the rules that are not a plain rate × count, with every number they use.
namespace note {
// The reception uplift (January reception starters) counted with the primary pupils of a per-pupil factor.
struct ReceptionUplift {
    double pupils = 0;
};
// per_unit_above_threshold: only the units above `threshold` × the group's pupils are funded.
struct AboveThreshold {
    std::string group;   // "primary" or "secondary"
    std::string column;  // the measure's census column for the group
    double units = 0, pupils = 0, funded = 0;
    Param threshold;
};
// A middle school without its own lump sum: the primary and secondary rates weighted by its year groups.
struct MiddleLumpSum {
    double primary_year_groups = 0, secondary_year_groups = 0, year_groups = 0;
    Param primary, secondary;
};
// An all-through school without its own lump sum: the secondary rate.
struct AllThroughLumpSum {
    Param secondary;
};
// Sparsity: eligibility by distance and average year group, and the tapers (docs/funding-model.md §3.1).
struct Sparsity {
    Phase phase = Phase::primary;
    double distance = 0, pupils = 0, year_groups = 0;
    Param distance_threshold, year_group_threshold, maximum;
    bool distance_taper = false;
    Provenance distance_taper_source;
    YearGroupTaper year_group_taper = YearGroupTaper::none;
    Provenance year_group_taper_source;
    SparsityTerms terms;  // average year group, eligibility, weights and the amount before k
};
// allocation: a pot shared in whole pennies by a basis among the schools its filters let through.
struct Allocation {
    Param pot;
    std::string basis;  // "nor", "school" (equal shares) or a census column
    Provenance basis_source;
    bool eligible = false;  // this school passes the filters (phases, status, URNs, areas)
    std::size_t schools = 0;
    double school_basis = 0, total_basis = 0;  // this school's basis (0 when not eligible) and all eligible
};
// london_fringe: (multiplier − 1) × the listed factors' amounts, for a London fringe school.
struct LondonFringe {
    Param multiplier;
    std::vector<std::pair<std::string, double>> listed;  // factor id, its unrounded amount for the school
    double listed_total = 0;
    double fringe = 0;  // the census's london_fringe value (1 for a fringe school)
};
}  // namespace note

using Note = std::variant<note::ReceptionUplift, note::AboveThreshold, note::MiddleLumpSum,
                          note::AllThroughLumpSum, note::Sparsity, note::Allocation, note::LondonFringe>;

struct FactorBreakdown {
    bool applies = true;  // false: the factor's phase/status filter excludes the school (amount 0)
    double k = 1;         // the factor multiplier applied to the money values (1 when not scaled)
    std::vector<Component> components;
    std::vector<Note> notes;

    // Σ components' amounts in order: at k = 1, exactly evaluate_factor's amount for the school.
    double amount() const;
};

struct BreakdownOptions {
    // Provisional marks come from the formula's list (none when null).
    const Formula* formula = nullptr;
    // As evaluate_factor's flag: the formula's reception_uplift for its factors, false for grants and
    // de-delegation.
    bool reception_uplift = false;
    // The solved factor multiplier where the lever scales this factor (Result::multiplier where
    // Result::factors.scaled), else 1. A london_fringe factor is never scaled itself: it follows the amounts
    // it lists.
    double k = 1;
    // london_fringe only: the amounts of the formula's factors, unrounded and after k (Result::factors.raw,
    // or evaluate_factors' output).
    const std::vector<Eigen::ArrayXd>* earlier = nullptr;
};

// The breakdown of factor `f` for the school at row `school` of a census prepared for the formula. The
// pieces come from the same rule code evaluate_factor runs (engine/factors/kinds.hpp).
FactorBreakdown breakdown(const Factor& f, const Census& c, std::size_t school,
                          const BreakdownOptions& o = {});

// Where `path` (a JSON pointer into the formula) stands in the formula's provisional list.
Provenance provenance_of(const Formula* formula, const std::string& path);

}  // namespace fundsim
