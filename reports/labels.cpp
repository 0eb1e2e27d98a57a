// Names for people (reports/labels.hpp).
#include "reports/labels.hpp"

#include <map>

namespace fundsim {

std::string factor_label(const std::string& id) {
    // The NFF's own names for its factors (DfE schools operational guide); any other id is spelt out.
    static const std::map<std::string, std::string> known = {
        {"basic_entitlement", "Basic entitlement (AWPU)"},
        {"fsm", "Free school meals (FSM)"},
        {"fsm6", "FSM Ever 6"},
        {"idaci", "IDACI deprivation"},
        {"lpa", "Low prior attainment"},
        {"eal", "English as an additional language (EAL)"},
        {"mobility", "Mobility"},
        {"lump_sum", "Lump sum"},
        {"sparsity", "Sparsity"},
        {"rates", "Business rates"},
        {"pfi", "PFI"},
        {"split_sites", "Split sites"},
        {"exceptional", "Exceptional circumstances"},
        {"london_fringe", "London fringe"},
        {"mppl", "Minimum per-pupil level"},
        {"mfg", "Minimum funding guarantee"},
        {"capping", "Capping and scaling"},
        {"formula_vs_prior_year", "Formula funding against last year's budget share"},
        {"pupil_premium", "Pupil premium"},
        {"ever6", "Ever 6 FSM"},
        {"plac", "Previously looked-after children"},
        {"service", "Service children"},
    };
    if (auto it = known.find(id); it != known.end()) return it->second;
    std::string s = id;
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string status_label(Status s) { return s == Status::academy ? "Academy" : "Maintained"; }

const char* block_label(std::size_t k) {
    static const char* kNames[4] = {"Schools block", "Central school services block", "High needs block",
                                    "Early years block"};
    return k < 4 ? kNames[k] : "";
}

}  // namespace fundsim
