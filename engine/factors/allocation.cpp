// allocation (docs/funding-model.md §3): a fixed pot shared to the penny among the schools that pass its
// filters; its keys (pot, basis, urns, areas), basis column and pot.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/core/error.hpp"
#include "engine/factors/factors.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

using Eigen::ArrayXd;

namespace {

struct Shares {
    ArrayXd weight;  // basis × eligible (0 for a school the filters leave out)
    ArrayXd eligible;
    double total = 0;  // Σ weight
    ArrayXd amount;    // each school's share of the pot, in whole pennies
};

// A fixed pot shared in proportion to a basis among the schools that pass its filters. Shares are
// whole pennies that add up to the pot exactly (largest remainders get the odd pennies).
Shares share(const Factor& f, const Census& c, const ArrayXd& mask) {
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    Shares out;
    ArrayXd basis = f.basis == "nor" ? c.nor : (f.basis == "school" ? ArrayXd::Ones(n) : c.cached(f.basis));
    ArrayXd& eligible = out.eligible = mask;
    for (Eigen::Index i = 0; i < n; ++i) {
        const std::size_t s = static_cast<std::size_t>(i);
        if (!f.urns.empty() && std::find(f.urns.begin(), f.urns.end(), c.urn[s]) == f.urns.end())
            eligible[i] = 0;
        if (!f.areas.empty() && std::find(f.areas.begin(), f.areas.end(), c.area[s]) == f.areas.end())
            eligible[i] = 0;
    }
    for (std::int64_t u : f.urns)
        if (c.index_of(u) < 0)
            fail_json(f.file, f.path + "/urns",
                      "URN " + std::to_string(u) + " is not a school of the census " + c.file);
    ArrayXd& weight = out.weight = basis * eligible;
    const double total = out.total = weight.sum();
    if (!(total > 0))
        fail_json(f.file, f.path,
                  "no school of the census " + c.file +
                      " passes this allocation's filters (or all have a zero basis)");
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
    out.amount = pence / 100.0;
    return out;
}

}  // namespace

// The share of one school depends on every school's basis: its one-school form shares the pot again
// and reads the school's share (the same code, so the same pennies).
template <class S>
void allocation(const Factor& f, S& s) {
    if constexpr (S::one_school) {
        const Shares sh = share(f, s.census, factor_mask(f, s.census));
        note::Allocation n;
        n.pot = s.money(f.pot, Key{"pot"});
        n.basis = f.basis;
        n.basis_source = s.source(Key{"basis"});
        n.eligible = sh.eligible[s.i] > 0;
        n.schools = static_cast<std::size_t>((sh.eligible > 0).count());
        n.school_basis = sh.weight[s.i];
        n.total_basis = sh.total;
        s.note(std::move(n));
        s.piece("Share of the pot", f.pot, Key{"pot"}, sh.weight[s.i] / sh.total, sh.amount[s.i],
                Shape{Unit::money, Unit::fraction});
    } else {
        s.add(share(f, s.census, s.mask).amount);
    }
}

void parse_allocation(Obj& o, Factor& f) {
    f.pot = o.number("pot");
    f.basis = o.has("basis") ? o.string("basis") : "nor";
    if (o.has("urns")) {
        const Json& u = o.at("urns");
        if (!u.is_array()) fail_json(f.file, o.child("urns"), "expected a list of URNs");
        for (std::size_t i = 0; i < u.size(); ++i) {
            if (!u[i].is_number_integer() || u[i].get<std::int64_t>() <= 0)
                fail_json(f.file, o.child("urns") + "/" + std::to_string(i),
                          "expected a URN (a positive whole number)");
            f.urns.push_back(u[i].get<std::int64_t>());
        }
    }
    if (o.has("areas")) f.areas = o.strings("areas");
}

void columns_allocation(const Factor& f, std::vector<ColumnRead>& out) {
    if (f.basis != "nor" && f.basis != "school") out.push_back({f.basis});
}

void rates_allocation(const Factor& f, std::vector<FactorRate>& out) {
    out.push_back(rate_at(f, {"pot"}, "pot", "pot", f.pot));
}

template void allocation(const Factor&, ColumnSink&);
template void allocation(const Factor&, SchoolSink&);

}  // namespace fundsim::kinds
