// Test helpers for the high needs block: a formula from JSON text, providers and placements from CSV text
// (written to a temporary folder, since the readers read files), and the calculation on them.
#pragma once

#include <memory>
#include <string>

#include "engine/high_needs/calculate.hpp"
#include "tests/support.hpp"

namespace fundsim::test {

// The spec's example formula (docs/high-needs.md §1) with the proration and special MFG percent given.
inline std::string hn_formula_text(const std::string& proration = "months", double mfg = 0.0) {
    return R"({"name": "Test HN", "year": "2025-26", "la": "881",
  "place_rates": {"special": 10000, "ap": 10000, "sen_unit": 6000, "resourced_provision": 6000, "fe": 6000},
  "proration": ")" +
           proration + R"(",
  "bands": {"special": {"1": 6000, "2": 9500, "3": 14000, "4": 19500, "5": 26000},
            "ap": "special",
            "resourced_provision": {"1": 4000, "2": 8000, "3": 11000},
            "sen_unit": "resourced_provision",
            "mainstream": {"1": 2000, "2": 4000, "3": 6000, "4": 9000}},
  "import_export": {"rate": 6000, "imports": 130, "exports": 95},
  "central": {"sensory_support": 1800000, "hospital_education": 650000},
  "special_mfg": {"percent": )" +
           std::to_string(mfg) + "}}";
}

inline hn::HnFormula hn_formula_from(const std::string& text) {
    return hn::parse_hn_formula(Json::parse(text), "hn-formula.json");
}

// Formula, providers and placements kept together with the result that points at them; each in a folder
// of its own, since a test may hold several at once.
struct HnRun {
    static int next_id() {
        static int n = 0;
        return ++n;
    }
    TempDir dir;
    hn::HnFormula formula;
    hn::Providers providers;
    hn::Placements placements;
    hn::HnResult result;
    HnRun(const std::string& formula_text, const std::string& providers_csv,
          const std::string& placements_csv, const hn::PositionInputs& in = {})
        : dir("hn-test-" + std::to_string(next_id())),
          formula(hn_formula_from(formula_text)),
          providers(hn::load_providers(dir.write("hn-providers.csv", providers_csv))),
          placements(hn::load_placements(dir.write("hn-placements.csv", placements_csv))),
          result(hn::calculate_high_needs(formula, providers, placements, in)) {}
};

}  // namespace fundsim::test
