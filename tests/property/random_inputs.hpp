// Random inputs for the property tests: formulas as JSON text (random factor kinds, rates, filters and
// protections), census files as CSV text (synthetic LAs and hand-rolled rows with edge values), and budgets.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/synth/rng.hpp"
#include "engine/synth/synth.hpp"

namespace fundsim::proptest {

// What a formula generator may refer to: the URNs and areas the census will hold.
struct CensusInfo {
    std::int64_t first_urn = 100001;
    std::size_t schools = 1;
    // The census gives the year-group columns nor_r ... nor_y11 (random_census_csv), so the formula may have
    // a per_pupil_by_year_group factor (random_formula_json). Off, neither draws anything more.
    bool year_groups = false;
};

// The area names both census generators use (synth_census_csv's five areas).
const std::vector<std::string>& area_names();

// A random formula without a budget: a random subset of every factor kind with random rates and
// phases/status filters (per_pupil_by_year_group only with info.year_groups), MPPL on or off, MFG percent in
// [−0.015, 0.02] or none, a cap at or above the MFG percent and a scaling (above 0 when `lever` is cap),
// reception uplift on or off, de-delegation items, grants and notional SEN. Returns JSON text for
// parse_formula.
std::string random_formula_json(Rng& rng, const CensusInfo& info, Lever lever);

// A census of `schools` hand-rolled rows (docs/interfaces.md §1) with edge values: tiny schools, middle
// schools with stated year groups, infant schools, zero characteristics, fractional counts, new and growing
// schools, distances at the sparsity thresholds, either pupil-number layout, quoted names, CRLF.
std::string random_census_csv(Rng& rng, const CensusInfo& info);

// The total of the reported budget shares with the given lever values (engine steps, no balancing):
// formula `f` must have been prepared on `census`. Used to place a budget where a lever binds.
double engine_total(const Census& census, const Formula& f, Lever lever, double cap, double scaling,
                    double multiplier);

// Where a budget sits relative to the range of totals its lever can reach.
enum class BudgetPlace { binds, below_reach, above_reach };

// Adds a budget to a formula document: the lever `lever` and a schools block whose available amount
// (after random deductions: a high-needs transfer percent and a growth-fund amount) is placed between the
// totals at the lever's two limits (binds), below both (unaffordable) or above both. With Lever::none,
// the block is within ±2% of the unbalanced total. `f` is the parsed document, prepared on `census`.
// `range`, when given, receives the totals at the lever's limits (see lever_range).
Json with_budget(const Json& doc, const Formula& f, const Census& census, Lever lever, BudgetPlace place,
                 Rng& rng, std::pair<double, double>* range = nullptr);

// The totals at the lever's limits: [least spending, most spending].
std::pair<double, double> lever_range(const Census& census, const Formula& f, Lever lever,
                                      const std::vector<std::string>& multiplier_factors);

}  // namespace fundsim::proptest
