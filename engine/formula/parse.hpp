// Reading a formula file (docs/interfaces.md §2) into a Formula: strict, so that an unknown key, a wrong type
// or an inconsistent section is an error naming the file and the JSON path.
#pragma once

#include <string>
#include <vector>

#include "engine/formula/formula.hpp"

namespace fundsim {

// Parses and checks a formula document; `file` is used in messages.
Formula parse_formula(const Json& doc, const std::string& file);
// Reads the MPPL, MFG, capping and budget sections of `f.doc` again into `f` (with parse_formula's checks,
// in its order), leaving the factors and the rest as they are: for a document changed only in numbers
// inside those sections since `f` was parsed from it (a sweep varying /mfg/percent). Afterwards `f` is
// what parse_formula(f.doc, f.file) gives; if it throws, `f` is left part-read and must be parsed again.
void reparse_settings(Formula& f);
// The "provisional" list of `top` (docs/interfaces.md §2): each entry a JSON pointer, or {path, mark,
// note}, at a value of `doc`; the high needs and early years formulas read it too.
std::vector<Provisional> parse_provisional(Obj& top, const Json& doc, const std::string& file);
// read_json_file, then parse_formula.
Formula load_formula(const std::string& path);

}  // namespace fundsim
