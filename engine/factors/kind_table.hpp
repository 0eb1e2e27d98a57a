// The factor kinds as one table (kind_table.cpp): each kind's name in formula files, the parser of its own
// keys and the census columns it reads, each defined in the kind's file. Its rule: kinds::apply (kinds.hpp).
#pragma once

#include <string>
#include <vector>

#include "engine/factors/factor.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

// The kind named `name` in a formula file; false when no kind has that name.
bool factor_kind_named(const std::string& name, FactorKind& kind);

// Every kind's name, as an error lists them: "per_pupil, per_unit, ... or london_fringe".
std::string factor_kind_list();

// Reads the keys of f.kind from `o` into `f` (id, kind, path, file and the filters are set); errors name
// f.file and the JSON path.
void parse_kind_keys(Obj& o, Factor& f);

// A census column a factor reads; `allow_negative` for a column passed through as it is (a correction).
struct ColumnRead {
    std::string column;
    bool allow_negative = false;
};
// The census columns `f` reads beyond the pupil numbers every census has, in the kind's order.
std::vector<ColumnRead> columns_read(const Factor& f);

// A kind whose amount follows other factors' amounts (london_fringe): evaluated after them.
bool follows_other_factors(const Factor& f);

}  // namespace fundsim
