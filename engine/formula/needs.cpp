// The census columns a formula's factors read (each kind says which: engine/factors/kind_table.hpp), in
// formula order, once each.
#include "engine/formula/needs.hpp"

#include "engine/factors/kind_table.hpp"

namespace fundsim {

std::vector<ColumnNeed> columns_needed(const Formula& f) {
    std::vector<ColumnNeed> out;
    auto add = [&](const std::string& c, const std::string& why, bool neg = false) {
        for (const auto& n : out)
            if (n.column == c) return;
        out.push_back({c, why, neg});
    };
    auto factor_columns = [&](const Factor& fac, const std::string& role) {
        const std::string why = "used by " + role + " " + fac.id;
        for (const ColumnRead& c : columns_read(fac)) add(c.column, why, c.allow_negative);
    };
    for (const auto& fac : f.factors) factor_columns(fac, "factor");
    for (const auto& d : f.de_delegation) factor_columns(d, "de-delegation item");
    for (const auto& g : f.grants)
        for (const auto& p : g.parts) factor_columns(p, "grant " + g.id + " part");
    return out;
}

void prepare_census(Census& census, const Formula& f) {
    for (const auto& need : columns_needed(f)) census.numeric(need.column, need.why, need.allow_negative);
}

}  // namespace fundsim
