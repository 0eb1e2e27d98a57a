// Scenarios against a baseline: results, changes and their attribution (the Schools Forum's "why did
// my budget move"), all from reported (rounded) lines so that the parts add up to the penny.
#include "engine/compare/compare.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/needs.hpp"
#include "engine/run/calculate.hpp"

namespace fundsim {

Attribution attribute(const Result& now, const Result* base, const Eigen::ArrayXd& baseline) {
    Attribution a;
    const Eigen::Index n = static_cast<Eigen::Index>(now.size());
    const Eigen::ArrayXd zero = Eigen::ArrayXd::Zero(n);
    if (base) {
        // Factor by factor: ids of this option in its order, then any the baseline had and this option
        // dropped.
        for (std::size_t k = 0; k < now.formula->factors.size(); ++k) {
            const std::string& id = now.formula->factors[k].id;
            const int b = base->formula->factor_index(id);
            a.labels.push_back(id);
            a.parts.push_back(now.factors.amount[k] -
                              (b >= 0 ? base->factors.amount[static_cast<std::size_t>(b)] : zero));
        }
        for (std::size_t k = 0; k < base->formula->factors.size(); ++k) {
            const std::string& id = base->formula->factors[k].id;
            if (now.formula->factor_index(id) >= 0) continue;
            a.labels.push_back(id);
            a.parts.push_back(-base->factors.amount[k]);
        }
        a.labels.push_back("mppl");
        a.parts.push_back(now.mppl.topup - base->mppl.topup);
        a.labels.push_back("mfg");
        a.parts.push_back(now.mfg.topup - base->mfg.topup);
        a.labels.push_back("capping");
        a.parts.push_back(-(now.capping.deduction - base->capping.deduction));
    } else {
        // Against last year's budget there is no factor breakdown: the formula's move, then the protections.
        // Taken as the change less the protections' parts, so that the parts add up to the (rounded)
        // change even when a prior-year budget in the census is not a whole number of pennies.
        a.labels.push_back("formula_vs_prior_year");
        a.parts.push_back(round_penny(now.budget_share.amount - baseline) - now.mppl.topup - now.mfg.topup +
                          now.capping.deduction);
        a.labels.push_back("mppl");
        a.parts.push_back(now.mppl.topup);
        a.labels.push_back("mfg");
        a.parts.push_back(now.mfg.topup);
        a.labels.push_back("capping");
        a.parts.push_back(-now.capping.deduction);
    }
    // Parts are differences of penny amounts: clear binary noise so that they print and add exactly.
    for (auto& p : a.parts) p = round_penny(p);
    return a;
}

Comparison compare(Census census, const std::optional<Formula>& baseline, const std::string& baseline_name,
                   const std::vector<std::pair<std::string, Formula>>& scenarios) {
    if (baseline) prepare_census(census, *baseline);
    for (const auto& scenario : scenarios) prepare_census(census, scenario.second);
    return compare(std::make_shared<const Census>(std::move(census)), baseline, baseline_name, scenarios);
}

Comparison compare(std::shared_ptr<const Census> census_ptr, const std::optional<Formula>& baseline,
                   const std::string& baseline_name,
                   const std::vector<std::pair<std::string, Formula>>& scenarios) {
    Comparison c;
    c.census = std::move(census_ptr);
    const Census& census = *c.census;
    c.baseline_name = baseline_name;
    const Eigen::Index n = static_cast<Eigen::Index>(census.size);
    if (baseline) {
        c.baseline_result = calculate(c.census, *baseline);
        c.baseline = c.baseline_result->budget_share.amount;
    } else {
        c.baseline_is_prior_year = true;
        if (!census.has_prior_year_budget)
            throw Error(Where{.file = census.file, .line = 1, .column = "prior_year_budget"},
                        "is missing from the header: give --baseline FORMULA, or a census with last year's "
                        "budgets");
        c.baseline = census.prior_year_budget;
    }
    for (const auto& [file, formula] : scenarios) {
        ScenarioResult s;
        s.name = formula.name;
        s.file = file;
        s.result = calculate(c.census, formula);
        s.change = round_penny(s.result.budget_share.amount - c.baseline);
        s.change_pct = Eigen::ArrayXd(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double b = c.baseline[i];
            if (!std::isfinite(b)) s.change[i] = std::nan("");
            s.change_pct[i] = std::isfinite(b) && b != 0 ? s.change[i] / b : std::nan("");
        }
        s.change_per_pupil = s.change / census.nor;
        s.attribution = attribute(s.result, c.baseline_result ? &*c.baseline_result : nullptr, c.baseline);
        c.scenarios.push_back(std::move(s));
    }
    return c;
}

}  // namespace fundsim
