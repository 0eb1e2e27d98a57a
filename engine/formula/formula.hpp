// A formula (docs/interfaces.md §2) as plain data: factors in file order, protections, budget, de-delegation,
// grants and notional SEN. Types only (a factor is engine/factors/factor.hpp): parse.hpp reads one from
// JSON, scenario.hpp patches one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/factors/factor.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

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

// A deduction from the schools block (docs/funding-model.md §5). `to` is where the money goes
// (docs/la-budget.md §2): kept in the schools block (a growth fund) or transferred to another DSG block.
struct Deduction {
    std::string id;
    bool is_percent = false;
    double value = 0;
    std::string to = "schools";  // schools, high_needs, early_years or central
    bool forum_agreed = false;   // a transfer out without the Forum's agreement needs the Secretary of State
};

struct Budget {
    double schools_block = 0;
    std::vector<Deduction> deductions;
    Lever solve_for = Lever::none;
    std::vector<std::string> multiplier_factors;  // factor_multiplier: the factors whose rates scale
    // Schools' balances clawed back the year before, returned to the block (docs/la-budget.md §5): added to
    // the money available. A plan started from a budget file writes it (docs/multi-year.md §5); 0 otherwise.
    double balance_clawback = 0;
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
