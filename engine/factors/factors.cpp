// Factor kinds of docs/funding-model.md §3, each a few array operations over all schools: the phase/status
// filter and the evaluation of a kind's rule (kinds.hpp, one file per kind family) column-wise.
#include "engine/factors/factors.hpp"

#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim {

using Eigen::ArrayXd;

ArrayXd factor_mask(const Factor& f, const Census& c) {
    ArrayXd m(static_cast<Eigen::Index>(c.size));
    for (std::size_t i = 0; i < c.size; ++i)
        m[static_cast<Eigen::Index>(i)] = kinds::applies_to(f, c.phase[i], c.status[i]) ? 1.0 : 0.0;
    return m;
}

ArrayXd evaluate_factor(const Factor& f, const Census& c, bool reception_uplift,
                        const std::vector<ArrayXd>& earlier) {
    const ArrayXd mask = factor_mask(f, c);
    kinds::ColumnSink s(c, reception_uplift, mask, earlier);
    kinds::apply(f, s);
    return s.out() * mask;
}

std::vector<ArrayXd> evaluate_factors(const std::vector<Factor>& factors, const Census& c,
                                      bool reception_uplift) {
    std::vector<ArrayXd> out(factors.size());
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (!follows_other_factors(factors[i])) out[i] = evaluate_factor(factors[i], c, reception_uplift);
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (follows_other_factors(factors[i])) out[i] = evaluate_factor(factors[i], c, reception_uplift, out);
    return out;
}

}  // namespace fundsim
