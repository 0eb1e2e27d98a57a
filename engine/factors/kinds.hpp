// The factor kinds of docs/funding-model.md §3, each rule written once as a template over a sink (sink.hpp):
// evaluate_factor runs it over all schools, breakdown for one school. Internal to engine/factors.
#pragma once

#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim::kinds {

class ColumnSink;
class SchoolSink;

// Each is defined in the file named after its kind (or family), for both sinks, before the phase/status
// filter is applied.
template <class S>
void per_pupil(const Factor& f, S& s);  // per_pupil.cpp
template <class S>
void per_unit(const Factor& f, S& s);  // per_unit.cpp
template <class S>
void banded(const Factor& f, S& s);  // per_unit.cpp
template <class S>
void above_threshold(const Factor& f, S& s);  // per_unit.cpp
template <class S>
void per_column(const Factor& f, S& s);  // per_column.cpp
template <class S>
void actual(const Factor& f, S& s);  // per_column.cpp
template <class S>
void lump_sum(const Factor& f, S& s);  // lump_sum.cpp
template <class S>
void sparsity(const Factor& f, S& s);  // sparsity.cpp
template <class S>
void allocation(const Factor& f, S& s);  // allocation.cpp
template <class S>
void london_fringe(const Factor& f, S& s);  // london_fringe.cpp

// The one dispatch over the kinds.
template <class S>
void apply(const Factor& f, S& s) {
    switch (f.kind) {
        case FactorKind::per_pupil:
            per_pupil(f, s);
            break;
        case FactorKind::per_unit:
            per_unit(f, s);
            break;
        case FactorKind::banded:
            banded(f, s);
            break;
        case FactorKind::per_unit_above_threshold:
            above_threshold(f, s);
            break;
        case FactorKind::lump_sum:
            lump_sum(f, s);
            break;
        case FactorKind::sparsity:
            sparsity(f, s);
            break;
        case FactorKind::actual:
            actual(f, s);
            break;
        case FactorKind::per_column:
            per_column(f, s);
            break;
        case FactorKind::allocation:
            allocation(f, s);
            break;
        case FactorKind::london_fringe:
            london_fringe(f, s);
            break;
    }
}

// The phase/status filter for one school (factor_mask for all).
inline bool applies_to(const Factor& f, Phase phase, Status status) {
    return f.phases[static_cast<int>(phase)] && f.status[static_cast<int>(status)];
}

// The lump sum of one school by the APT's rules (lump_sum.cpp).
double lump_sum_for(const Factor& f, Phase phase, double yg_primary, double yg_ks3, double yg_ks4, double yg);

}  // namespace fundsim::kinds
