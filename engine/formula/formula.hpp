// A formula (docs/interfaces.md §2) as plain data: factors in file order, protections, budget, de-delegation,
// grants and notional SEN. Types only: parse.hpp reads one from JSON, scenario.hpp patches one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

enum class FactorKind {
    per_pupil,
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

struct Mppl {
    double primary = 0, ks3 = 0, ks4 = 0;
    std::vector<std::string> excludes;
};

struct Mfg {
    double percent = 0;
    std::vector<std::string> excludes;
};

struct Capping {
    double cap = 0, scaling = 0;
};

enum class Lever { none, scaling, cap, factor_multiplier };
// The lever's name in formula files ("solve_for").
inline const char* to_string(Lever l) {
    switch (l) {
        case Lever::none:
            return "none";
        case Lever::scaling:
            return "scaling";
        case Lever::cap:
            return "cap";
        case Lever::factor_multiplier:
            return "factor_multiplier";
    }
    return "?";
}

struct Deduction {
    std::string id;
    bool is_percent = false;
    double value = 0;
};

struct Budget {
    double schools_block = 0;
    std::vector<Deduction> deductions;
    Lever solve_for = Lever::none;
    std::vector<std::string> multiplier_factors;  // factor_multiplier: the factors whose rates scale
};

struct Grant {
    std::string id;
    std::vector<Factor> parts;  // one part when the grant is a single factor
};

struct Provisional {
    std::string path, mark, note;
};

// The scenario a formula came from (load_scenario): its file and its changes as written, so that a problem
// at a path the changes wrote is reported where the user wrote it (/changes/...).
struct ScenarioPatch {
    std::string file;
    Json changes;
};

struct Formula {
    std::string file;  // where it came from (for messages)
    std::string name, year, source;
    bool reception_uplift = false;
    std::vector<Factor> factors;
    std::optional<Mppl> mppl;
    std::optional<Mfg> mfg;
    Capping capping;
    std::optional<Budget> budget;
    std::vector<Factor> de_delegation;
    std::vector<Grant> grants;
    std::vector<std::pair<std::string, double>> notional_sen;
    std::vector<Provisional> provisional;
    Json doc;                            // the JSON it was parsed from (scenarios patch it, sweeps vary it)
    std::optional<ScenarioPatch> patch;  // set when `doc` is a base formula patched by a scenario

    int factor_index(const std::string& id) const {  // -1 if absent
        for (std::size_t i = 0; i < factors.size(); ++i)
            if (factors[i].id == id) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace fundsim
