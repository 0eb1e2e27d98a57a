// Factor kinds of funding-model §3, each a few array operations over all schools.
#include "engine/factors/factors.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
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

namespace {

ArrayXd secondary_pupils(const Census& c) { return c.nor_ks3 + c.nor_ks4; }

// per_pupil: rate by key stage × pupils; the reception uplift adds to primary pupils here only.
ArrayXd per_pupil(const Factor& f, const Census& c, bool reception_uplift) {
    ArrayXd primary = c.nor_primary;
    if (reception_uplift) primary += c.reception_uplift;
    return f.rate_primary * primary + f.rate_ks3 * c.nor_ks3 + f.rate_ks4 * c.nor_ks4;
}

ArrayXd per_unit(const Factor& f, const Census& c) {
    return f.rate_primary * c.cached(f.measure + "_primary") + f.rate_secondary * c.cached(f.measure + "_secondary");
}

ArrayXd banded(const Factor& f, const Census& c) {
    ArrayXd out = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
    for (const auto& b : f.bands)
        out += b.primary * c.cached(f.measure + "_" + b.name + "_primary") +
               b.secondary * c.cached(f.measure + "_" + b.name + "_secondary");
    return out;
}

// Mobility: only pupils above the threshold share of each group are funded.
ArrayXd above_threshold(const Factor& f, const Census& c) {
    ArrayXd p = (c.cached(f.measure + "_primary") - f.threshold * c.nor_primary).max(0.0);
    ArrayXd s = (c.cached(f.measure + "_secondary") - f.threshold * secondary_pupils(c)).max(0.0);
    return f.rate_primary * p + f.rate_secondary * s;
}

// Lump sum by phase; a middle school without its own rate gets the year-group-weighted mix, an
// all-through school without its own rate the secondary rate (as the APT did).
ArrayXd lump_sum(const Factor& f, const Census& c) {
    ArrayXd out(static_cast<Eigen::Index>(c.size));
    const auto& v = f.lump.value;
    const auto& g = f.lump.given;
    for (std::size_t i = 0; i < c.size; ++i) {
        const Eigen::Index k = static_cast<Eigen::Index>(i);
        double a = 0;
        switch (c.phase[i]) {
            case Phase::primary: a = v[0]; break;
            case Phase::secondary: a = v[1]; break;
            case Phase::middle:
                a = g[2] ? v[2] : (c.yg_primary[k] * v[0] + (c.yg_ks3[k] + c.yg_ks4[k]) * v[1]) / c.yg[k];
                break;
            case Phase::all_through: a = g[3] ? v[3] : v[1]; break;
        }
        out[k] = a;
    }
    return out;
}

ArrayXd per_column(const Factor& f, const Census& c) {
    ArrayXd out = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
    for (const auto& [col, rate] : f.column_rates) out += rate * c.cached(col);
    return out;
}

// A fixed pot shared in proportion to a basis among the schools that pass its filters. Shares are
// whole pennies that add up to the pot exactly (largest remainders get the odd pennies).
ArrayXd allocation(const Factor& f, const Census& c, const ArrayXd& mask) {
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    ArrayXd basis = f.basis == "nor" ? c.nor : (f.basis == "school" ? ArrayXd::Ones(n) : c.cached(f.basis));
    ArrayXd eligible = mask;
    for (Eigen::Index i = 0; i < n; ++i) {
        const std::size_t s = static_cast<std::size_t>(i);
        if (!f.urns.empty() && std::find(f.urns.begin(), f.urns.end(), c.urn[s]) == f.urns.end()) eligible[i] = 0;
        if (!f.areas.empty() && std::find(f.areas.begin(), f.areas.end(), c.area[s]) == f.areas.end()) eligible[i] = 0;
    }
    for (std::int64_t u : f.urns)
        if (c.index_of(u) < 0) fail_json(f.file, f.path + "/urns",
                                         "URN " + std::to_string(u) + " is not a school of the census " + c.file);
    ArrayXd weight = basis * eligible;
    const double total = weight.sum();
    if (!(total > 0))
        fail_json(f.file, f.path, "no school of the census " + c.file + " passes this allocation's filters (or all have a zero basis)");
    const double pot_pence = std::round(f.pot * 100.0);
    ArrayXd exact = weight / total * pot_pence;
    ArrayXd pence = exact.floor();
    double left = pot_pence - pence.sum();
    std::vector<Eigen::Index> order;
    for (Eigen::Index i = 0; i < n; ++i)
        if (weight[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        return exact[a] - pence[a] > exact[b] - pence[b];
    });
    for (std::size_t k = 0; k < order.size() && left > 0.5; ++k, left -= 1) pence[order[k]] += 1;
    return pence / 100.0;
}

}  // namespace

ArrayXd evaluate_factor(const Factor& f, const Census& c, bool reception_uplift, const std::vector<ArrayXd>& earlier) {
    const ArrayXd mask = factor_mask(f, c);
    switch (f.kind) {
        case FactorKind::per_pupil: return per_pupil(f, c, reception_uplift) * mask;
        case FactorKind::per_unit: return per_unit(f, c) * mask;
        case FactorKind::banded: return banded(f, c) * mask;
        case FactorKind::per_unit_above_threshold: return above_threshold(f, c) * mask;
        case FactorKind::lump_sum: return lump_sum(f, c) * mask;
        case FactorKind::sparsity: return evaluate_sparsity(f, c) * mask;
        case FactorKind::actual: return c.cached(f.column) * mask;
        case FactorKind::per_column: return per_column(f, c) * mask;
        case FactorKind::allocation: return allocation(f, c, mask);
        case FactorKind::london_fringe: {
            ArrayXd sum = ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
            for (int k : f.fringe_indices) sum += earlier.at(static_cast<std::size_t>(k));
            return (f.multiplier - 1.0) * sum * c.cached("london_fringe") * mask;
        }
    }
    return ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
}

std::vector<ArrayXd> evaluate_factors(const std::vector<Factor>& factors, const Census& c, bool reception_uplift) {
    std::vector<ArrayXd> out(factors.size());
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (factors[i].kind != FactorKind::london_fringe) out[i] = evaluate_factor(factors[i], c, reception_uplift);
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (factors[i].kind == FactorKind::london_fringe) out[i] = evaluate_factor(factors[i], c, reception_uplift, out);
    return out;
}

}  // namespace fundsim
