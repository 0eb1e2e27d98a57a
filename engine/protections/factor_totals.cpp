// The reported factor lines and the formula total they add up to (docs/funding-model.md §3, each line rounded
// to the penny as §7 says), and sums of listed factors for what the MPPL and the MFG exclude.
#include "engine/core/money.hpp"
#include "engine/protections/protections.hpp"

namespace fundsim {

Eigen::ArrayXd sum_of_factors(const Result& r, const std::vector<std::string>& ids) {
    Eigen::ArrayXd s = Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(r.size()));
    for (const auto& id : ids) s += r.factor_raw.at(static_cast<std::size_t>(r.formula->factor_index(id)));
    return s;
}

void total_factors(Result& r) {
    const Eigen::Index n = static_cast<Eigen::Index>(r.size());
    r.factor.resize(r.factor_raw.size());
    r.formula_raw = Eigen::ArrayXd::Zero(n);
    r.formula_total = Eigen::ArrayXd::Zero(n);
    for (std::size_t k = 0; k < r.factor_raw.size(); ++k) {
        r.factor[k] = round_penny(r.factor_raw[k]);
        r.formula_raw += r.factor_raw[k];
        r.formula_total += r.factor[k];
    }
}

}  // namespace fundsim
