// Reading an early years formula file (docs/early-years.md §1) strictly: an unknown key, a wrong type or a
// value out of range is an error of kind formula naming the file and the JSON path.
#pragma once

#include <string>

#include "engine/early_years/ey_formula.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

// Parses and checks an early years formula document; `file` is used in messages.
EyFormula parse_ey_formula(const Json& doc, const std::string& file);
// read_json_file, then parse_ey_formula.
EyFormula load_ey_formula(const std::string& path);

}  // namespace fundsim
