// Comparison of options against a baseline (docs/interfaces.md §5-§6): each scenario's result, each school's
// change against the baseline, and its attribution to factors, MPPL, MFG and capping.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

// Why a school's budget moved: parts that add up to the change to the penny.
struct Attribution {
    std::vector<std::string>
        labels;  // factor ids (union of baseline and scenario, scenario order first), then mppl, mfg, capping
    std::vector<Eigen::ArrayXd>
        parts;  // one per label, pounds per school (capping part is minus the deduction's change)
};

struct ScenarioResult {
    std::string name, file;
    Result result;
    Eigen::ArrayXd change, change_pct,
        change_per_pupil;  // change_pct is NaN where the baseline is 0 or missing
    Attribution attribution;
};

struct Comparison {
    std::shared_ptr<const Census> census;  // shared with every result
    std::string baseline_name;
    bool baseline_is_prior_year = false;
    std::optional<Result> baseline_result;  // when the baseline is a formula or scenario
    Eigen::ArrayXd baseline;                // baseline budget share per school (NaN where unknown)
    std::vector<ScenarioResult> scenarios;
};

// The baseline is either a formula (already patched if it came from a scenario) or, when `baseline`
// is empty, the census's prior_year_budget column (an error if the census has none; a school whose cell
// is blank has no baseline: its change, change_pct and attribution are NaN and it counts in no_baseline).
// The census must be prepared for the baseline and every scenario (prepare_census); every result shares
// it. Scenarios are calculated in order.
Comparison compare(std::shared_ptr<const Census> census, const std::optional<Formula>& baseline,
                   const std::string& baseline_name,
                   const std::vector<std::pair<std::string, Formula>>& scenarios);
// The same on a census that is loaded but not yet prepared: it is prepared for the baseline and then every
// scenario, in that order (the first bad or missing column is the error), and then shared read-only.
Comparison compare(Census census, const std::optional<Formula>& baseline, const std::string& baseline_name,
                   const std::vector<std::pair<std::string, Formula>>& scenarios);

// Attribution of `now` against a baseline result (factor by factor) or against prior-year budgets.
Attribution attribute(const Result& now, const Result* base, const Eigen::ArrayXd& baseline);

}  // namespace fundsim

// change_stats(), which the writers reach through this header.
#include "engine/compare/change_stats.hpp"
