// per_pupil_by_year_group (docs/funding-model.md §3): a rate per pupil of the National Curriculum year groups
// a formula names (Reception, Year 7, ...), counted by the census columns nor_r ... nor_y11; its keys,
// columns and rates.
#include <array>
#include <cstdio>
#include <string>

#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

namespace {

// The year groups a census counts (docs/interfaces.md §1), each the suffix of its column nor_<year group>.
constexpr std::array<const char*, 12> kYearGroups = {"r",  "y1", "y2", "y3", "y4",  "y5",
                                                     "y6", "y7", "y8", "y9", "y10", "y11"};

bool is_year_group(const std::string& key) {
    for (const char* y : kYearGroups)
        if (key == y) return true;
    return false;
}

// A pupil count as words: "4", "2.5".
std::string pupils_text(double n) {
    char t[32];
    std::snprintf(t, sizeof t, "%g", n);
    return t;
}

// "Reception", "Year 7".
std::string year_group_name(const std::string& year_group) {
    return year_group == "r" ? "Reception" : "Year " + year_group.substr(1);
}

}  // namespace

// Σ rate × pupils of each named year group. The reception uplift (January Reception starters) counts with
// the Reception pupils exactly where per_pupil counts it with the primary pupils: when the formula asks for
// it, for the formula's own factors (not grants or de-delegation items).
template <class S>
void per_pupil_by_year_group(const Factor& f, S& s) {
    const Census& c = s.census;
    for (const auto& entry : f.year_group_rates) {
        // Named, not a structured binding: lambdas below capture it (clang 14, which builds the fuzz targets,
        // cannot capture a structured binding).
        const std::string& year_group = entry.first;
        const double rate = entry.second;
        const std::string column = "nor_" + year_group;
        auto label = [&] { return year_group_name(year_group) + " pupils"; };
        if (year_group == "r" && s.reception_uplift) {
            if constexpr (S::one_school) {
                // The starters are named in the line itself, as the statements name them with per_pupil's.
                const double starters = s(c.reception_uplift);
                s.term(
                    [&] {
                        return starters > 0
                                   ? label() + ", with " + pupils_text(starters) + " reception uplift"
                                   : label();
                    },
                    rate, Key{"rate", year_group}, s.column(column) + starters, column);
                if (starters > 0) s.note(note::ReceptionUplift{starters});
            } else {
                s.term(label, rate, Key{"rate", year_group}, s.column(column) + s(c.reception_uplift),
                       column);
            }
        } else {
            s.term(label, rate, Key{"rate", year_group}, s.column(column), column);
        }
    }
}

template void per_pupil_by_year_group(const Factor&, ColumnSink&);
template void per_pupil_by_year_group(const Factor&, SchoolSink&);

void parse_per_pupil_by_year_group(Obj& o, Factor& f) {
    Obj r = o.object("rate");
    for (auto it = r.json().begin(); it != r.json().end(); ++it) {
        const std::string& key = it.key();
        if (!is_year_group(key))
            fail_json(f.file, r.child(key), "\"" + key + "\" is not a year group: expected r, y1 ... y11");
        const double rate = r.number(key);
        if (rate < 0) fail_json(f.file, r.child(key), "must not be negative");
        f.year_group_rates.emplace_back(key, rate);
    }
    if (f.year_group_rates.empty()) fail_json(f.file, o.child("rate"), "names no year group");
}

void columns_per_pupil_by_year_group(const Factor& f, std::vector<ColumnRead>& out) {
    for (const auto& [year_group, rate] : f.year_group_rates) out.push_back({"nor_" + year_group});
}

void rates_per_pupil_by_year_group(const Factor& f, std::vector<FactorRate>& out) {
    for (const auto& [year_group, rate] : f.year_group_rates)
        out.push_back(rate_at(f, {"rate", year_group}, year_group, year_group_name(year_group), rate));
}

}  // namespace fundsim::kinds
