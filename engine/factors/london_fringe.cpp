// london_fringe (docs/funding-model.md §3): an uplift of (multiplier − 1) on the factors it lists, for the
// schools the census marks as London fringe; its keys (multiplier, factors), column and rate.
#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

template <class S>
void london_fringe(const Factor& f, S& s) {
    auto listed = s.zero();
    for (int k : f.fringe_indices) listed += s(s.earlier().at(static_cast<std::size_t>(k)));
    const auto& fringe = s.column("london_fringe");
    if constexpr (S::one_school) {
        note::LondonFringe n;
        n.multiplier = s.value(f.multiplier, Key{"multiplier"});
        for (std::size_t j = 0; j < f.fringe_indices.size(); ++j)
            n.listed.emplace_back(f.fringe_factors[j],
                                  s(s.earlier().at(static_cast<std::size_t>(f.fringe_indices[j]))));
        n.listed_total = listed;
        n.fringe = fringe;
        s.note(std::move(n));
        if (fringe == 0) return;  // not a fringe school: no uplift
    }
    s.piece("Fringe uplift", f.multiplier - 1.0, Key{"multiplier"}, listed,
            (f.multiplier - 1.0) * listed * fringe,
            Shape{Unit::fraction, Unit::money, "london_fringe", f.multiplier});
}

void parse_london_fringe(Obj& o, Factor& f) {
    f.multiplier = o.number("multiplier");
    if (f.multiplier < 1 || f.multiplier > 2) fail_json(f.file, o.child("multiplier"), "must be from 1 to 2");
    f.fringe_factors = o.strings("factors");
}

void columns_london_fringe(const Factor&, std::vector<ColumnRead>& out) { out.push_back({"london_fringe"}); }

void rates_london_fringe(const Factor& f, std::vector<FactorRate>& out) {
    out.push_back(rate_at(f, {"multiplier"}, "multiplier", "multiplier", f.multiplier, RateUnit::number));
}

template void london_fringe(const Factor&, ColumnSink&);
template void london_fringe(const Factor&, SchoolSink&);

}  // namespace fundsim::kinds
