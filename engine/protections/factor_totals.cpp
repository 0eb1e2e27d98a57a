// The reported factor lines and the formula total they add up to (docs/funding-model.md §3, each line rounded
// to the penny as §7 says), and sums of listed factors for what the MPPL and the MFG exclude.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

Eigen::ArrayXd sum_of_factors(const Result& r, const std::vector<std::string>& ids) {
    Eigen::ArrayXd s = Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(r.size()));
    for (const auto& id : ids) s += r.factors.raw.at(static_cast<std::size_t>(r.formula->factor_index(id)));
    return s;
}

void total_factors(Result& r) {
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    r.factors.amount.resize(r.factors.raw.size());
    r.factors.formula_raw = Eigen::ArrayXd::Zero(n);
    r.factors.formula_total = Eigen::ArrayXd::Zero(n);
    for (std::size_t k = 0; k < r.factors.raw.size(); ++k) {
        r.factors.amount[k] = round_penny(r.factors.raw[k]);
        r.factors.formula_raw += r.factors.raw[k];
        r.factors.formula_total += r.factors.amount[k];
    }
}

}  // namespace fundsim
