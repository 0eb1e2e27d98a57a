// A formula (interfaces §2) as plain data: factors in file order, protections, budget, de-delegation,
// grants and notional SEN. Parsed strictly from JSON: unknown keys and kinds are errors with a JSON path.
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
const char* to_string(FactorKind k);

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
const char* to_string(Lever l);

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
    Json doc;  // the JSON it was parsed from (scenarios patch it, sweeps vary it)

    int factor_index(const std::string& id) const;  // -1 if absent
};

// Parses and checks a formula document; `file` is used in messages.
Formula parse_formula(const Json& doc, const std::string& file);
Formula load_formula(const std::string& path);

// A scenario (interfaces §3): its base formula with the RFC 7386 merge patch applied, validated whole.
struct Scenario {
    std::string file, name;
    Formula formula;
};
// The base must be a formula file: a base that is itself a scenario is refused (so a chain, and any loop
// A -> B -> A, stops at its first link), as are a missing base and a base that is the scenario's own file.
Scenario load_scenario(const std::string& path);

// Census columns a formula reads (for checking a census against a formula before any calculation).
struct ColumnNeed {
    std::string column, why;
    bool allow_negative = false;
};
std::vector<ColumnNeed> columns_needed(const Formula& f);

// Prepares every column the formula needs (parsing and checking it); throws InputError on bad data.
void prepare_census(Census& census, const Formula& f);

}  // namespace fundsim
