// Section 251 lines of the high needs block, read from the result's exact totals (never recomputed).
#include "engine/high_needs/s251.hpp"

namespace fundsim::hn {

namespace {

const char* setting_label(Setting s) {
    switch (s) {
        case Setting::special:
            return "special schools";
        case Setting::ap:
            return "alternative provision and PRUs";
        case Setting::sen_unit:
            return "SEN units";
        case Setting::resourced_provision:
            return "resourced provision";
        case Setting::fe:
            return "further education";
        case Setting::independent:
            return "independent schools";
        case Setting::mainstream:
            return "mainstream schools";
    }
    return "?";
}

}  // namespace

std::vector<S251Line> s251_lines(const HnResult& r) {
    std::vector<S251Line> out;
    for (Setting s : kAllSettings)
        if (r.place_funding_la[index_of(s)] != 0)
            out.push_back({std::string("place_funding.") + to_string(s),
                           std::string("High needs place funding: ") + setting_label(s),
                           r.place_funding_la[index_of(s)]});
    for (Setting s : kAllSettings)
        if (r.top_ups[index_of(s)] != 0)
            out.push_back({std::string("top_ups.") + to_string(s),
                           std::string("High needs top-ups: ") + setting_label(s), r.top_ups[index_of(s)]});
    if (r.formula && r.formula->special_mfg_percent)
        out.push_back({"special_mfg", "Special schools minimum funding guarantee", r.special_mfg_total});
    for (const auto& [name, amount] : r.central)
        out.push_back({"central." + name, "High needs central: " + name, amount});
    return out;
}

}  // namespace fundsim::hn
