// Sparsity (docs/funding-model.md §3.1; docs/funding-model.md §3.1 and its addendum): a school is eligible
// when its average year-group size A is below the threshold B and its sparsity distance D reaches the
// distance threshold T (or passes 0.8 T with the distance taper); the amount is M × year weight × distance
// weight.
#include "engine/factors/sparsity.hpp"

#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim {

SparsityTerms sparsity_for(const Factor& f, Phase phase, double nor, double year_groups, double distance) {
    const int p = static_cast<int>(phase);
    const double M = f.maximum.value[p], T = f.distance_threshold.value[p],
                 B = f.year_group_threshold.value[p];
    SparsityTerms t;
    t.average_year_group = year_groups > 0 ? nor / year_groups : 0;
    const double A = t.average_year_group, D = distance;
    const bool distance_ok = f.distance_taper ? D > 0.8 * T : D >= T;
    t.eligible = A < B && distance_ok;
    if (!t.eligible) return t;
    t.distance_weight = D >= T ? 1.0 : (D - 0.8 * T) / (0.2 * T);
    switch (f.year_group_taper) {
        case YearGroupTaper::linear:
            t.year_weight = 1.0 - A / B;
            break;
        case YearGroupTaper::none:
            t.year_weight = 1.0;
            break;
        case YearGroupTaper::nff:
            // Primary schools keep the full amount below half the threshold, then taper to zero at B
            // (regulations 2022-2024); other phases taper linearly from zero pupils.
            if (phase == Phase::primary)
                t.year_weight = A < B / 2 ? 1.0 : (B - A) / (B / 2);
            else
                t.year_weight = 1.0 - A / B;
            break;
    }
    t.amount = M * t.year_weight * t.distance_weight;
    return t;
}

Eigen::ArrayXd evaluate_sparsity(const Factor& f, const Census& c) {
    const Eigen::Index n = static_cast<Eigen::Index>(c.size);
    Eigen::ArrayXd M(n), T(n), B(n), primary(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const int p = static_cast<int>(c.phase[static_cast<std::size_t>(i)]);
        M[i] = f.maximum.value[p];
        T[i] = f.distance_threshold.value[p];
        B[i] = f.year_group_threshold.value[p];
        primary[i] = p == static_cast<int>(Phase::primary) ? 1.0 : 0.0;
    }
    const Eigen::ArrayXd& D = c.cached("sparsity_distance");
    const Eigen::ArrayXd A = c.nor / c.yg;
    const Eigen::ArrayXd zero = Eigen::ArrayXd::Zero(n), one = Eigen::ArrayXd::Ones(n);
    Eigen::ArrayXd distance_ok(n);
    if (f.distance_taper)
        distance_ok = (D > 0.8 * T).cast<double>();
    else
        distance_ok = (D >= T).cast<double>();
    Eigen::ArrayXd eligible = (A < B).cast<double>() * distance_ok;
    Eigen::ArrayXd dw = (D >= T).select(one, (D - 0.8 * T) / (0.2 * T));
    Eigen::ArrayXd yw;
    switch (f.year_group_taper) {
        case YearGroupTaper::linear:
            yw = 1.0 - A / B;
            break;
        case YearGroupTaper::none:
            yw = one;
            break;
        case YearGroupTaper::nff: {
            Eigen::ArrayXd primary_w = (A < B / 2).select(one, (B - A) / (B / 2));
            yw = (primary > 0).select(primary_w, 1.0 - A / B);
            break;
        }
    }
    return (eligible > 0).select(M * yw * dw, zero);
}

namespace kinds {

// The rule has two forms: sparsity_for for one school and evaluate_sparsity, its column-wise fast path
// (tests/unit/factors/sparsity_test.cpp and breakdown_test.cpp hold them equal).
template <class S>
void sparsity(const Factor& f, S& s) {
    const Census& c = s.census;
    if constexpr (S::one_school) {
        const Phase phase = c.phase[s.school];
        const int p = static_cast<int>(phase);
        const char* key = to_string(phase);
        note::Sparsity n;
        n.phase = phase;
        n.distance = s.column("sparsity_distance");
        n.pupils = s(c.nor);
        n.year_groups = s(c.yg);
        n.distance_threshold = s.value(f.distance_threshold.value[p], Key{"distance_threshold", key});
        n.year_group_threshold = s.value(f.year_group_threshold.value[p], Key{"year_group_threshold", key});
        n.maximum = s.money(f.maximum.value[p], Key{"maximum", key});
        n.distance_taper = f.distance_taper;
        n.distance_taper_source = s.source(Key{"distance_taper"});
        n.year_group_taper = f.year_group_taper;
        n.year_group_taper_source = s.source(Key{"year_group_taper"});
        n.terms = sparsity_for(f, phase, n.pupils, n.year_groups, n.distance);
        const SparsityTerms t = n.terms;
        s.note(std::move(n));
        if (t.eligible)
            s.piece([&] { return std::string("Sparsity, ") + phase_label(phase) + " maximum × weights"; },
                    f.maximum.value[p], Key{"maximum", key}, t.year_weight * t.distance_weight, t.amount,
                    Shape{Unit::money, Unit::weight});
    } else {
        s.add(evaluate_sparsity(f, c));
    }
}

template void sparsity(const Factor&, ColumnSink&);
template void sparsity(const Factor&, SchoolSink&);

void parse_sparsity(Obj& o, Factor& f) {
    f.maximum = phase_values(o, "maximum", true);
    f.distance_threshold = phase_values(o, "distance_threshold", true);
    f.year_group_threshold = phase_values(o, "year_group_threshold", true);
    for (std::size_t p = 0; p < 4; ++p) {
        if (f.distance_threshold.value[p] <= 0)
            fail_json(f.file, o.child("distance_threshold") + "/" + kPhaseKeys[p], "must be above 0 miles");
        if (f.year_group_threshold.value[p] <= 0)
            fail_json(f.file, o.child("year_group_threshold") + "/" + kPhaseKeys[p],
                      "must be above 0 pupils");
    }
    f.distance_taper = o.boolean("distance_taper");
    const std::string t = o.string("year_group_taper");
    if (t == "nff")
        f.year_group_taper = YearGroupTaper::nff;
    else if (t == "linear")
        f.year_group_taper = YearGroupTaper::linear;
    else if (t == "none")
        f.year_group_taper = YearGroupTaper::none;
    else
        fail_json(f.file, o.child("year_group_taper"),
                  "\"" + t + "\" is not a taper: expected nff, linear or none");
}

void columns_sparsity(const Factor&, std::vector<ColumnRead>& out) { out.push_back({"sparsity_distance"}); }

void rates_sparsity(const Factor& f, std::vector<FactorRate>& out) {
    for (std::size_t p = 0; p < 4; ++p) {
        const std::string key = kPhaseKeys[p], ph = phase_label(static_cast<Phase>(p));
        if (f.maximum.given[p])
            out.push_back(
                rate_at(f, {"maximum", key}, "maximum/" + key, "maximum, " + ph, f.maximum.value[p]));
        if (f.distance_threshold.given[p])
            out.push_back(rate_at(f, {"distance_threshold", key}, "distance/" + key,
                                  "distance threshold, " + ph, f.distance_threshold.value[p],
                                  RateUnit::miles));
        if (f.year_group_threshold.given[p])
            out.push_back(rate_at(f, {"year_group_threshold", key}, "year_group/" + key,
                                  "year-group threshold, " + ph, f.year_group_threshold.value[p],
                                  RateUnit::number));
    }
}

}  // namespace kinds

}  // namespace fundsim
