// Test helpers: a census from CSV text, a formula from JSON text, and the full pipeline on them.
#pragma once

#include <string>

#include "calculate.hpp"
#include "census.hpp"
#include "formula.hpp"

namespace fundsim::test {

inline Formula formula_from(const std::string& json_text) { return parse_formula(Json::parse(json_text), "test-formula.json"); }

// Loads, prepares and calculates; the census is kept alive in `census`.
inline Result run_text(Census& census, const std::string& census_csv, const Formula& f) {
    census = census_from_csv_text(census_csv, "test-census.csv");
    prepare_census(census, f);
    return calculate(census, f);
}

inline std::string source_dir() { return FUNDSIM_SOURCE_DIR; }
inline std::string shared_dir() { return FUNDSIM_SHARED_DIR; }

}  // namespace fundsim::test
