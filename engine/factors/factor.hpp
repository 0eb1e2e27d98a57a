// What a factor is (docs/interfaces.md §2, docs/funding-model.md §3): its kind, the filters every kind may
// carry and each kind's parameters. Owned by engine/factors, where each kind's parser and rule live.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fundsim {

enum class FactorKind {
    per_pupil,
    per_pupil_by_year_group,
    per_unit,
    banded,
    per_unit_above_threshold,
    lump_sum,
    sparsity,
    actual,
    per_column,
    allocation,
    london_fringe
};
// The kind's name in formula files.
inline const char* to_string(FactorKind k) {
    switch (k) {
        case FactorKind::per_pupil:
            return "per_pupil";
        case FactorKind::per_pupil_by_year_group:
            return "per_pupil_by_year_group";
        case FactorKind::per_unit:
            return "per_unit";
        case FactorKind::banded:
            return "banded";
        case FactorKind::per_unit_above_threshold:
            return "per_unit_above_threshold";
        case FactorKind::lump_sum:
            return "lump_sum";
        case FactorKind::sparsity:
            return "sparsity";
        case FactorKind::actual:
            return "actual";
        case FactorKind::per_column:
            return "per_column";
        case FactorKind::allocation:
            return "allocation";
        case FactorKind::london_fringe:
            return "london_fringe";
    }
    return "?";
}

enum class YearGroupTaper { nff, linear, none };

// Rates per phase of school (lump sum, sparsity parameters); `given` says which were in the file.
struct PhaseValues {
    std::array<double, 4> value{};  // indexed by Phase
    std::array<bool, 4> given{};
};

struct Band {
    std::string name;  // a ... f: census columns <measure>_<name>_primary / _secondary
    double primary = 0, secondary = 0;
};

struct Factor {
    std::string id;
    FactorKind kind = FactorKind::per_pupil;
    std::string path;  // JSON path of the factor, for messages
    std::string file;  // formula file it came from, for messages

    // Filters: which schools the factor applies to (all when not given).
    std::array<bool, 4> phases{true, true, true, true};
    std::array<bool, 2> status{true, true};

    // per_pupil
    double rate_primary = 0, rate_ks3 = 0, rate_ks4 = 0;
    // per_pupil_by_year_group: a year group ("r", "y1" ... "y11", counted by the census column nor_<year
    // group>) and its rate, in file order
    std::vector<std::pair<std::string, double>> year_group_rates;
    // per_unit, banded, per_unit_above_threshold
    std::string measure;
    double rate_secondary = 0;  // (rate_primary shared with per_pupil)
    std::vector<Band> bands;
    double threshold = 0;
    // lump_sum
    PhaseValues lump;
    // sparsity
    PhaseValues maximum, distance_threshold, year_group_threshold;
    bool distance_taper = false;
    YearGroupTaper year_group_taper = YearGroupTaper::none;
    // actual
    std::string column;
    // per_column
    std::vector<std::pair<std::string, double>> column_rates;
    // allocation
    double pot = 0;
    std::string basis;  // "nor", "school" or a census column
    std::vector<std::int64_t> urns;
    std::vector<std::string> areas;
    // london_fringe
    double multiplier = 1;
    std::vector<std::string> fringe_factors;
    std::vector<int> fringe_indices;  // resolved indices into the same factor list
};

}  // namespace fundsim
