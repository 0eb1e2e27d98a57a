// lump_sum (docs/funding-model.md §3): a sum per school by phase; its rates per phase (rate.{primary, ...}).
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

// Lump sum by phase; a middle school without its own rate gets the year-group-weighted mix, an
// all-through school without its own rate the secondary rate (as the APT did).
double lump_sum_for(const Factor& f, Phase phase, double yg_primary, double yg_ks3, double yg_ks4,
                    double yg) {
    const auto& v = f.lump.value;
    const auto& g = f.lump.given;
    switch (phase) {
        case Phase::primary:
            return v[0];
        case Phase::secondary:
            return v[1];
        case Phase::middle:
            return g[2] ? v[2] : (yg_primary * v[0] + (yg_ks3 + yg_ks4) * v[1]) / yg;
        case Phase::all_through:
            return g[3] ? v[3] : v[1];
    }
    return 0;
}

template <class S>
void lump_sum(const Factor& f, S& s) {
    const Census& c = s.census;
    if constexpr (S::one_school) {
        const Phase phase = c.phase[s.school];
        const double a = lump_sum_for(f, phase, s(c.yg_primary), s(c.yg_ks3), s(c.yg_ks4), s(c.yg));
        const bool own = f.lump.given[static_cast<std::size_t>(phase)];
        // The key of the rate used: the phase's own, the secondary one, or both (a middle school's mix).
        Key key{"rate", own ? to_string(phase) : "secondary"};
        if (phase == Phase::middle && !own) {
            key = Key{"rate"};
            s.note(note::MiddleLumpSum{s(c.yg_primary), s(c.yg_ks3) + s(c.yg_ks4), s(c.yg),
                                       s.money(f.lump.value[0], Key{"rate", "primary"}),
                                       s.money(f.lump.value[1], Key{"rate", "secondary"})});
        }
        if (phase == Phase::all_through && !own)
            s.note(note::AllThroughLumpSum{s.money(f.lump.value[1], Key{"rate", "secondary"})});
        s.term([&] { return std::string("Lump sum, ") + phase_label(phase) + " rate"; }, a, key, 1.0);
    } else {
        Eigen::ArrayXd out(static_cast<Eigen::Index>(c.size));
        for (std::size_t i = 0; i < c.size; ++i) {
            const Eigen::Index k = static_cast<Eigen::Index>(i);
            out[k] = lump_sum_for(f, c.phase[i], c.yg_primary[k], c.yg_ks3[k], c.yg_ks4[k], c.yg[k]);
        }
        s.add(std::move(out));
    }
}

template void lump_sum(const Factor&, ColumnSink&);
template void lump_sum(const Factor&, SchoolSink&);

PhaseValues phase_values(Obj& parent, const std::string& key, bool all_four) {
    Obj o = parent.object(key);
    PhaseValues pv;
    for (std::size_t p = 0; p < 4; ++p) {
        if (p < 2 || all_four || o.has(kPhaseKeys[p])) {
            pv.value[p] = o.number(kPhaseKeys[p]);
            pv.given[p] = true;
        }
    }
    o.done();
    return pv;
}

void parse_lump_sum(Obj& o, Factor& f) { f.lump = phase_values(o, "rate", false); }

void rates_lump_sum(const Factor& f, std::vector<FactorRate>& out) {
    for (std::size_t p = 0; p < 4; ++p)
        if (f.lump.given[p])
            out.push_back(rate_at(f, {"rate", kPhaseKeys[p]}, kPhaseKeys[p],
                                  phase_label(static_cast<Phase>(p)), f.lump.value[p]));
}

}  // namespace fundsim::kinds
