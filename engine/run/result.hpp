// The result table: every school's factor amounts and every intermediate value of the protections,
// balancing, de-delegation, grants and notional SEN, kept so that writers and `explain` never recompute.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/run/result_lines.hpp"

namespace fundsim {

struct FactorBreakdown;  // engine/factors/breakdown.hpp
class CappingSearch;     // engine/balance/capping_search.hpp

using Eigen::ArrayXd;

struct BudgetOutcome {
    double schools_block = 0;
    std::vector<std::pair<std::string, double>> deductions;  // id -> pounds (rounded)
    double available = 0;
    double total = 0;     // Σ rounded budget shares
    double headroom = 0;  // available - total
    Lever lever = Lever::none;
    double lever_value = 0;
    bool lever_at_limit = false;  // the lever could not use all the money (e.g. no cap binds)
    // The rise in the total from the solved lever value to its next representable value: the smallest
    // move the lever can make. Where one rounded line is the same in many schools (a lump sum scaled by a
    // multiplier), the total jumps by a penny per school at once, and no lever value lands under £1.
    double step = 0;
};

// The factors (docs/funding-model.md §3), in formula order.
struct FactorStage {
    std::vector<ArrayXd> base;    // unrounded at multiplier 1 (the solver rescales from these)
    std::vector<bool> scaled;     // true for the factors the multiplier lever scales
    std::vector<ArrayXd> raw;     // unrounded (used by the protections)
    std::vector<ArrayXd> amount;  // reported (rounded)
    ArrayXd formula_raw, formula_total;
};

// MPPL (§4.1)
struct MpplStage {
    ArrayXd level, counted, raw, topup;
};

// MFG (§4.2): pp0 = baseline per pupil, pp1 = this year per pupil, guarantee = pp0 × (1 + m)
struct MfgStage {
    ArrayXd excluded_raw, c1, pp0, pp1, guarantee, change, raw, topup;
};

// Capping (§4.3)
struct CappingStage {
    ArrayXd gain_excess, limit, raw, deduction;
};

// Budget share (§4.4)
struct BudgetShareStage {
    ArrayXd amount, per_pupil;
};

// After the budget share (§6): de-delegation, grants and notional SEN.
struct AfterShareStage {
    std::vector<ArrayXd> de_delegation;
    ArrayXd delegated_budget;
    std::vector<std::vector<ArrayXd>> grant_parts;
    std::vector<ArrayXd> grants;
    ArrayXd notional_sen;
};

struct Result {
    // The run's inputs, owned and read-only: several results (years, scenarios, sweep rows, threads) may
    // share one census. The formula is the one calculated; the solver's lever values are below, not in it.
    std::shared_ptr<const Census> census;
    std::shared_ptr<const Formula> formula;

    // Lever values in force (from the formula, or solved).
    double cap = 0, scaling = 0, multiplier = 1;

    // The journey's stages, in order (docs/funding-model.md §3-§6), then the balancing outcome (§5).
    FactorStage factors;
    MpplStage mppl;
    MfgStage mfg;
    CappingStage capping;
    BudgetShareStage budget_share;
    AfterShareStage after_share;
    std::optional<BudgetOutcome> budget;
    // What the solver of the scaling or cap lever worked out before searching (engine/balance/
    // capping_search.hpp), kept for a recalculation that changes only the budget.
    std::shared_ptr<const CappingSearch> capping_search;

    std::size_t size() const { return census ? census->size : 0; }
    bool is_new(std::size_t i) const { return census->has_baseline[static_cast<Eigen::Index>(i)] == 0; }
    bool on_mfg(std::size_t i) const { return mfg.topup[static_cast<Eigen::Index>(i)] > 0; }
    bool capped(std::size_t i) const { return capping.deduction[static_cast<Eigen::Index>(i)] > 0; }
    bool on_mppl(std::size_t i) const { return mppl.topup[static_cast<Eigen::Index>(i)] > 0; }
    std::string flags(std::size_t i) const;
    // The reported per-school lines in order (engine/run/result_lines.cpp): the factors, formula_total,
    // the MPPL, MFG and capping lines, the budget share, then de-delegation, grants and notional SEN. The
    // values point into this result.
    std::vector<ReportedLine> lines() const;
    // One factor's breakdown for school i as this run computed it: `k` the solved factor multiplier for a
    // scaled factor (else 1), `uplift` the reception uplift as the engine applied it to this factor (the
    // formula's flag for its own factors, never for grants). What explain and the statements read.
    FactorBreakdown breakdown_of(const Factor& f, std::size_t i, double k, bool uplift) const;
};

}  // namespace fundsim
