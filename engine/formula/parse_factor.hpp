// Parsing one factor (a factor, a de-delegation item or a grant part: docs/interfaces.md §2) from its JSON
// object: what every factor has, then its kind's keys by the kind's parser (engine/factors/kind_table.hpp).
// Used by parse_formula.
#pragma once

#include <string>
#include <vector>

#include "engine/formula/formula.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

// The factor `id` at JSON path `path` of `file`: its kind, filters and the kind's parameters.
Factor parse_factor(const Json& j, const std::string& id, const std::string& path, const std::string& file);
// Every factor of the object parent[key], in file order.
std::vector<Factor> parse_factor_map(Obj& parent, const std::string& key, const std::string& file);

}  // namespace fundsim
