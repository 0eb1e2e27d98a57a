// The factor kinds of docs/funding-model.md §3, each rule written once as a template over a sink (sink.hpp):
// evaluate_factor runs it over all schools, breakdown for one school; and each kind's parser, census
// columns and rates, which kind_table.cpp lists. Internal to engine/factors.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/factors/factor.hpp"
#include "engine/factors/kind_table.hpp"
#include "engine/factors/rates.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim::kinds {

class ColumnSink;
class SchoolSink;

// Each is defined in the file named after its kind (or family), for both sinks, before the phase/status
// filter is applied.
template <class S>
void per_pupil(const Factor& f, S& s);  // per_pupil.cpp
template <class S>
void per_pupil_by_year_group(const Factor& f, S& s);  // per_pupil_by_year_group.cpp
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
        case FactorKind::per_pupil_by_year_group:
            per_pupil_by_year_group(f, s);
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

// Each kind's own keys (parse_*), the census columns it reads (columns_*) and its rates (rates_*), defined
// beside its rule; kind_table.cpp holds the one table of them.
void parse_per_pupil(Obj& o, Factor& f);  // per_pupil.cpp
void rates_per_pupil(const Factor& f, std::vector<FactorRate>& out);
void parse_per_pupil_by_year_group(Obj& o, Factor& f);  // per_pupil_by_year_group.cpp
void columns_per_pupil_by_year_group(const Factor& f, std::vector<ColumnRead>& out);
void rates_per_pupil_by_year_group(const Factor& f, std::vector<FactorRate>& out);
void parse_per_unit(Obj& o, Factor& f);  // per_unit.cpp (per_unit and per_unit_above_threshold)
void parse_banded(Obj& o, Factor& f);
void columns_per_unit(const Factor& f, std::vector<ColumnRead>& out);
void columns_banded(const Factor& f, std::vector<ColumnRead>& out);
void rates_per_unit(const Factor& f, std::vector<FactorRate>& out);
void rates_banded(const Factor& f, std::vector<FactorRate>& out);
void rates_above_threshold(const Factor& f, std::vector<FactorRate>& out);
void parse_lump_sum(Obj& o, Factor& f);  // lump_sum.cpp
void rates_lump_sum(const Factor& f, std::vector<FactorRate>& out);
void parse_sparsity(Obj& o, Factor& f);  // sparsity.cpp
void columns_sparsity(const Factor& f, std::vector<ColumnRead>& out);
void rates_sparsity(const Factor& f, std::vector<FactorRate>& out);
void parse_actual(Obj& o, Factor& f);  // per_column.cpp
void columns_actual(const Factor& f, std::vector<ColumnRead>& out);
void parse_per_column(Obj& o, Factor& f);
void columns_per_column(const Factor& f, std::vector<ColumnRead>& out);
void rates_per_column(const Factor& f, std::vector<FactorRate>& out);
void parse_allocation(Obj& o, Factor& f);  // allocation.cpp
void columns_allocation(const Factor& f, std::vector<ColumnRead>& out);
void rates_allocation(const Factor& f, std::vector<FactorRate>& out);
void parse_london_fringe(Obj& o, Factor& f);  // london_fringe.cpp
void columns_london_fringe(const Factor& f, std::vector<ColumnRead>& out);
void rates_london_fringe(const Factor& f, std::vector<FactorRate>& out);

// The phases' names in formula files, indexed by Phase.
inline constexpr std::array<const char*, 4> kPhaseKeys = {"primary", "secondary", "middle", "all_through"};
// A value per phase at parent[key]: primary and secondary always, middle and all_through when `all_four` or
// given (lump_sum.cpp).
PhaseValues phase_values(Obj& parent, const std::string& key, bool all_four);
// A rate of `f` listed under `key`, at the JSON path below the factor made of `path_keys` (kind_table.cpp).
FactorRate rate_at(const Factor& f, const std::vector<std::string>& path_keys, std::string key,
                   std::string words, double value, RateUnit unit = RateUnit::money);

// The phase/status filter for one school (factor_mask for all).
inline bool applies_to(const Factor& f, Phase phase, Status status) {
    return f.phases[static_cast<int>(phase)] && f.status[static_cast<int>(status)];
}

// The lump sum of one school by the APT's rules (lump_sum.cpp).
double lump_sum_for(const Factor& f, Phase phase, double yg_primary, double yg_ks3, double yg_ks4, double yg);

}  // namespace fundsim::kinds
