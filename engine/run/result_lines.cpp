// The reported per-school lines of a result, in the order of the journey (docs/interfaces.md §6, the columns
// of allocations.csv): written here once, so that no writer keeps its own list.
#include "engine/run/result_lines.hpp"

#include "engine/run/result.hpp"

namespace fundsim {

const char* to_string(Stage s) {
    switch (s) {
        case Stage::factors:
            return "factors";
        case Stage::mppl:
            return "mppl";
        case Stage::mfg:
            return "mfg";
        case Stage::capping:
            return "capping";
        case Stage::budget_share:
            return "budget_share";
        case Stage::after_share:
            return "after_share";
    }
    return "?";
}

std::vector<ReportedLine> Result::lines() const {
    std::vector<ReportedLine> out;
    auto add = [&out](std::string id, Stage stage, const ArrayXd& values,
                      LineValue value = LineValue::money) {
        out.push_back(ReportedLine{std::move(id), stage, value, &values});
    };
    for (std::size_t k = 0; k < factors.amount.size(); ++k)
        add(formula->factors[k].id, Stage::factors, factors.amount[k]);
    add("formula_total", Stage::factors, factors.formula_total);
    add("mppl_level", Stage::mppl, mppl.level);
    add("mppl_topup", Stage::mppl, mppl.topup);
    add("mfg_baseline_per_pupil", Stage::mfg, mfg.pp0, LineValue::money_if_baseline);
    add("mfg_per_pupil", Stage::mfg, mfg.pp1);
    add("mfg_change", Stage::mfg, mfg.change, LineValue::fraction_if_baseline);
    add("mfg_topup", Stage::mfg, mfg.topup);
    add("capping_deduction", Stage::capping, capping.deduction);
    add("budget_share", Stage::budget_share, budget_share.amount);
    add("budget_share_per_pupil", Stage::budget_share, budget_share.per_pupil);
    for (std::size_t k = 0; k < after_share.de_delegation.size(); ++k)
        add(formula->de_delegation[k].id, Stage::after_share, after_share.de_delegation[k]);
    add("delegated_budget", Stage::after_share, after_share.delegated_budget);
    for (std::size_t k = 0; k < after_share.grants.size(); ++k)
        add(formula->grants[k].id, Stage::after_share, after_share.grants[k]);
    add("notional_sen", Stage::after_share, after_share.notional_sen);
    return out;
}

}  // namespace fundsim
