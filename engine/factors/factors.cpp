// Factor kinds of funding-model §3, each a few array operations over all schools: the phase/status
// filter and the dispatch to the kinds (one file per kind family beside this one).
#include "engine/factors/factors.hpp"

#include "engine/factors/kinds.hpp"
#include "engine/factors/sparsity.hpp"

namespace fundsim {

using Eigen::ArrayXd;

ArrayXd factor_mask(const Factor& f, const Census& c) {
    ArrayXd m(static_cast<Eigen::Index>(c.size));
    for (std::size_t i = 0; i < c.size; ++i)
        m[static_cast<Eigen::Index>(i)] =
            f.phases[static_cast<int>(c.phase[i])] && f.status[static_cast<int>(c.status[i])] ? 1.0 : 0.0;
    return m;
}

ArrayXd evaluate_factor(const Factor& f, const Census& c, bool reception_uplift,
                        const std::vector<ArrayXd>& earlier) {
    const ArrayXd mask = factor_mask(f, c);
    switch (f.kind) {
        case FactorKind::per_pupil:
            return kinds::per_pupil(f, c, reception_uplift) * mask;
        case FactorKind::per_unit:
            return kinds::per_unit(f, c) * mask;
        case FactorKind::banded:
            return kinds::banded(f, c) * mask;
        case FactorKind::per_unit_above_threshold:
            return kinds::above_threshold(f, c) * mask;
        case FactorKind::lump_sum:
            return kinds::lump_sum(f, c) * mask;
        case FactorKind::sparsity:
            return evaluate_sparsity(f, c) * mask;
        case FactorKind::actual:
            return kinds::actual(f, c) * mask;
        case FactorKind::per_column:
            return kinds::per_column(f, c) * mask;
        case FactorKind::allocation:
            return kinds::allocation(f, c, mask);
        case FactorKind::london_fringe:
            return kinds::london_fringe(f, c, earlier) * mask;
    }
    return ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
}

std::vector<ArrayXd> evaluate_factors(const std::vector<Factor>& factors, const Census& c,
                                      bool reception_uplift) {
    std::vector<ArrayXd> out(factors.size());
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (factors[i].kind != FactorKind::london_fringe)
            out[i] = evaluate_factor(factors[i], c, reception_uplift);
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (factors[i].kind == FactorKind::london_fringe)
            out[i] = evaluate_factor(factors[i], c, reception_uplift, out);
    return out;
}

}  // namespace fundsim
