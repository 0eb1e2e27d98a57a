// summary.json of `compare` (docs/interfaces.md §5): per option the totals, the lever, who gains and who
// loses, and the cost of each protection, for the LA and by phase, status and area.
#include <cmath>
#include <map>

#include "engine/core/money.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

OJson pennies(double v) {
    if (!std::isfinite(v)) return nullptr;
    const double p = round_penny(v);
    return p == 0 ? 0.0 : p;
}
OJson fraction(double v) {
    if (!std::isfinite(v)) return nullptr;
    const double f = round6(v);
    return f == 0 ? 0.0 : f;
}

OJson extreme(const Census& c, std::int64_t urn, double amount, double pct) {
    if (urn == 0) return nullptr;
    const long i = c.index_of(urn);
    return OJson{{"urn", urn},
                 {"name", i >= 0 ? c.name[static_cast<std::size_t>(i)] : ""},
                 {"amount", pennies(amount)},
                 {"fraction", fraction(pct)}};
}

OJson stats_json(const ChangeStats& st, const Census& c) {
    OJson j;
    j["schools"] = st.schools;
    j["total_budget_share"] = pennies(st.total);
    j["baseline_total"] = pennies(st.baseline_total);
    j["change_total"] = pennies(st.change_total);
    j["schools_gaining"] = st.gaining;
    j["schools_losing"] = st.losing;
    j["schools_unchanged"] = st.unchanged;
    j["schools_without_baseline"] = st.no_baseline;
    j["largest_gain"] = extreme(c, st.largest_gain_urn, st.largest_gain, st.largest_gain_pct);
    j["largest_loss"] = extreme(c, st.largest_loss_urn, st.largest_loss, st.largest_loss_pct);
    j["median_change_per_pupil"] = pennies(st.median_change_per_pupil);
    j["schools_on_mfg"] = st.on_mfg;
    j["mfg_total"] = pennies(st.mfg_total);
    j["schools_capped"] = st.capped;
    j["capping_total"] = pennies(st.capping_total);
    j["schools_on_mppl"] = st.on_mppl;
    j["mppl_total"] = pennies(st.mppl_total);
    return j;
}

// Calls f(kind, label, include) for each phase, status and area present in the census, in a fixed order.
template <class F>
void for_each_group(const Census& c, F f) {
    for (Phase p : {Phase::primary, Phase::secondary, Phase::middle, Phase::all_through}) {
        bool any = false;
        for (auto q : c.phase) any = any || q == p;
        if (any) f("phase", to_string(p), [&c, p](std::size_t s) { return c.phase[s] == p; });
    }
    for (Status st : {Status::maintained, Status::academy}) {
        bool any = false;
        for (auto q : c.status) any = any || q == st;
        if (any) f("status", to_string(st), [&c, st](std::size_t s) { return c.status[s] == st; });
    }
    std::map<std::string, int> areas;
    for (const auto& a : c.area) areas[a] = 1;
    for (const auto& [a, one] : areas)
        f("area", a.empty() ? std::string("(none)") : a,
          [&c, a = a](std::size_t s) { return c.area[s] == a; });
}

OJson lever_json(const Result& r) {
    if (!r.budget || r.budget->lever == Lever::none) return nullptr;
    return OJson{{"name", to_string(r.budget->lever)},
                 {"value", r.budget->lever_value},
                 {"at_limit", r.budget->lever_at_limit}};
}

OJson baseline_json(const Comparison& c) {
    const Census& cen = *c.census;
    OJson j;
    j["name"] = c.baseline_name;
    j["kind"] = c.baseline_is_prior_year ? "prior_year_budget" : "formula";
    if (c.baseline_result) {
        // A formula baseline is a full run: its summary is run's summary.json.
        OJson run = summary_json(*c.baseline_result);
        for (auto it = run.begin(); it != run.end(); ++it) j[it.key()] = it.value();
        return j;
    }
    auto totals = [&](auto include) {
        std::size_t schools = 0, with = 0;
        double total = 0;
        for (std::size_t s = 0; s < cen.size; ++s) {
            if (!include(s)) continue;
            ++schools;
            const double b = c.baseline[static_cast<Eigen::Index>(s)];
            if (std::isfinite(b)) {
                ++with;
                total += b;
            }
        }
        return OJson{
            {"schools", schools}, {"schools_with_baseline", with}, {"total_budget_share", pennies(total)}};
    };
    OJson all = totals([](std::size_t) { return true; });
    for (auto it = all.begin(); it != all.end(); ++it) j[it.key()] = it.value();
    j["available"] = nullptr;
    j["headroom"] = nullptr;
    j["lever"] = nullptr;
    OJson groups = {{"phase", OJson::object()}, {"status", OJson::object()}, {"area", OJson::object()}};
    for_each_group(cen, [&](const char* kind, const std::string& label, auto include) {
        groups[kind][label] = totals(include);
    });
    for (auto it = groups.begin(); it != groups.end(); ++it) j[it.key()] = it.value();
    return j;
}

}  // namespace

OJson comparison_summary_json(const Comparison& c) {
    const Census& cen = *c.census;
    OJson j;
    j["schools"] = cen.size;
    j["baseline"] = baseline_json(c);
    OJson list = OJson::array();
    for (const auto& s : c.scenarios) {
        const Result& r = s.result;
        OJson o;
        o["name"] = s.name;
        o["file"] = s.file;
        o["year"] = r.formula->year;
        o["available"] = r.budget ? OJson(r.budget->available) : OJson(nullptr);
        o["headroom"] = r.budget ? OJson(r.budget->headroom) : OJson(nullptr);
        o["lever"] = lever_json(r);
        OJson all = stats_json(change_stats(s, c, [](std::size_t) { return true; }), cen);
        for (auto it = all.begin(); it != all.end(); ++it) o[it.key()] = it.value();
        OJson groups = {{"phase", OJson::object()}, {"status", OJson::object()}, {"area", OJson::object()}};
        for_each_group(cen, [&](const char* kind, const std::string& label, auto include) {
            groups[kind][label] = stats_json(change_stats(s, c, include), cen);
        });
        for (auto it = groups.begin(); it != groups.end(); ++it) o[it.key()] = it.value();
        list.push_back(o);
    }
    j["scenarios"] = list;
    return j;
}

}  // namespace fundsim
