// The census columns of each factor kind (per_unit and banded measures, sparsity distance, actual and
// per_column columns, an allocation's basis, the London fringe flag), in formula order, once each.
#include "engine/formula/needs.hpp"

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
        switch (fac.kind) {
            case FactorKind::per_unit:
            case FactorKind::per_unit_above_threshold:
                add(fac.measure + "_primary", why);
                add(fac.measure + "_secondary", why);
                break;
            case FactorKind::banded:
                for (const auto& b : fac.bands) {
                    add(fac.measure + "_" + b.name + "_primary", why);
                    add(fac.measure + "_" + b.name + "_secondary", why);
                }
                break;
            case FactorKind::sparsity:
                add("sparsity_distance", why);
                break;
            case FactorKind::actual:
                add(fac.column, why, true);
                break;
            case FactorKind::per_column:
                for (const auto& [c, r] : fac.column_rates) add(c, why);
                break;
            case FactorKind::allocation:
                if (fac.basis != "nor" && fac.basis != "school") add(fac.basis, why);
                break;
            case FactorKind::london_fringe:
                add("london_fringe", why);
                break;
            default:
                break;
        }
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
