// The effective formula a ledger row keeps, per command (docs/ledger.md §2), written when a run is
// recorded and read back, as formulas, when it is replayed.
//   run:     the formula document after the scenario's patch (Formula::doc)
//   compare: {"baseline": document or null (the census's prior_year_budget), "baseline_name",
//             "options": [{"file", "formula": document}, ...]}
//   sweep:   {"formula": document, "vary": ["PATH=FROM:TO:STEP", ...]}
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/compare/sweep.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim::app {

Json run_formula_record(const Formula& f);
Json compare_formula_record(const std::optional<Formula>& baseline, const std::string& baseline_name,
                            const std::vector<std::pair<std::string, Formula>>& options);
Json sweep_formula_record(const Formula& f, const std::vector<std::string>& vary);

// Read back: each document parsed as a formula, errors naming `label` (the ledger and run) and the path.
Formula formula_from_record(const Json& record, const std::string& label);
struct CompareFormulas {
    std::optional<Formula> baseline;
    std::string baseline_name;
    std::vector<std::pair<std::string, Formula>> options;
};
CompareFormulas compare_formulas_from_record(const Json& record, const std::string& label);
struct SweepFormula {
    Formula formula;
    std::vector<SweepAxis> axes;
};
SweepFormula sweep_formula_from_record(const Json& record, const std::string& label);

}  // namespace fundsim::app
