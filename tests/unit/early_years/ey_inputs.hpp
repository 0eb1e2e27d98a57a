// Early years inputs built in code for the tests: a formula from JSON text, providers and hours rows.
#pragma once

#include <string>

#include "engine/early_years/hours.hpp"
#include "engine/early_years/parse_ey_formula.hpp"
#include "engine/early_years/providers.hpp"

namespace fundsim::test {

// A formula of the spec's example shape (docs/early-years.md §1) with the parts a test varies.
inline std::string ey_formula_text(const std::string& supplements, const std::string& cap,
                                   const std::string& budget) {
    return R"({"name":"test","year":"2026-27","base_rate":{"u2":10.24,"two":7.62,"three_four":5.66},
      "supplements":)" +
           supplements + R"(,"supplement_cap":)" + cap + R"(,"nursery_school_supplement":4.63,
      "eypp":{"rate":1.15,"max_hours_per_week":15},"daf":{"rate":975},
      "term_weeks":{"summer":13,"autumn":14,"spring":11},"pass_through":{"minimum":0.97},"budget":)" +
           budget + "}";
}

inline const char* kDeprivation =
    R"({"deprivation":{"kind":"per_hour","column":"deprivation_hours","rate":0.13,"groups":["three_four"]}})";

inline EyFormula ey_formula(const std::string& text) {
    return parse_ey_formula(Json::parse(text), "ey.json");
}

inline void add_provider(EyProviders& p, const std::string& id, ProviderType t, std::size_t supplements) {
    p.add(id, "Provider " + id, t, "North");
    p.supplement_column.resize(supplements);
    for (auto& col : p.supplement_column) col.resize(p.size(), 0.0);
}

struct RowSpec {
    std::size_t provider;
    Term term;
    Entitlement entitlement;
    double children, hours, eypp_children = 0, eypp_hours = 0, daf_children = 0;
    std::vector<double> supplement = {};
};

inline void add_row(EyHours& h, const RowSpec& s, std::size_t supplements) {
    EyHoursRow r;
    r.provider = s.provider;
    r.term = s.term;
    r.entitlement = s.entitlement;
    r.children = s.children;
    r.hours = s.hours;
    r.eypp_children = s.eypp_children;
    r.eypp_hours = s.eypp_hours;
    r.daf_children = s.daf_children;
    r.supplement = s.supplement;
    r.supplement.resize(supplements, 0.0);
    h.rows.push_back(r);
}

}  // namespace fundsim::test
