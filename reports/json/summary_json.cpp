// summary.json of `run` (docs/interfaces.md §6): the LA totals, and the same by phase, status and area.
#include <map>

#include "engine/core/money.hpp"
#include "reports/writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

double pennies(double v) { return round_penny(v) == 0 ? 0.0 : round_penny(v); }

template <class Pred>
OJson group_totals(const Result& r, Pred include) {
    const Census& c = *r.census;
    OJson j;
    std::size_t schools = 0, on_mfg = 0, capped = 0, on_mppl = 0;
    double pupils = 0, total = 0, mfg = 0, capping = 0, mppl = 0, dd = 0, sen = 0;
    std::vector<double> grants(r.after_share.grants.size(), 0.0);
    for (std::size_t s = 0; s < c.size; ++s) {
        if (!include(s)) continue;
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        ++schools;
        pupils += c.nor[i];
        total += r.budget_share.amount[i];
        mfg += r.mfg.topup[i];
        capping += r.capping.deduction[i];
        mppl += r.mppl.topup[i];
        on_mfg += r.on_mfg(s);
        capped += r.capped(s);
        on_mppl += r.on_mppl(s);
        for (const auto& d : r.after_share.de_delegation) dd += d[i];
        for (std::size_t g = 0; g < r.after_share.grants.size(); ++g) grants[g] += r.after_share.grants[g][i];
        sen += r.after_share.notional_sen[i];
    }
    j["schools"] = schools;
    j["pupils"] = pupils;
    j["total_budget_share"] = pennies(total);
    j["schools_on_mfg"] = on_mfg;
    j["mfg_total"] = pennies(mfg);
    j["schools_capped"] = capped;
    j["capping_total"] = pennies(capping);
    j["schools_on_mppl"] = on_mppl;
    j["mppl_total"] = pennies(mppl);
    j["de_delegation_total"] = pennies(dd);
    OJson g = OJson::object();
    for (std::size_t k = 0; k < r.after_share.grants.size(); ++k)
        g[r.formula->grants[k].id] = pennies(grants[k]);
    j["grants"] = g;
    j["notional_sen_total"] = pennies(sen);
    return j;
}

}  // namespace

OJson summary_json(const Result& r) {
    const Census& c = *r.census;
    OJson all = group_totals(r, [](std::size_t) { return true; });
    OJson j;
    j["formula"] = r.formula->name;
    j["year"] = r.formula->year;
    j["schools"] = all["schools"];
    j["pupils"] = all["pupils"];
    j["total_budget_share"] = all["total_budget_share"];
    if (r.budget) {
        j["available"] = r.budget->available;
        j["headroom"] = r.budget->headroom;
        if (r.budget->lever != Lever::none) {
            j["lever"] = {{"name", to_string(r.budget->lever)},
                          {"value", r.budget->lever_value},
                          {"at_limit", r.budget->lever_at_limit},
                          {"step", r.budget->step}};
        } else {
            j["lever"] = nullptr;
        }
        OJson ded = OJson::object();
        for (const auto& [id, v] : r.budget->deductions) ded[id] = v;
        j["schools_block"] = r.budget->schools_block;
        j["deductions"] = ded;
        if (r.formula->budget && r.formula->budget->balance_clawback != 0)
            j["balance_clawback"] = round_penny(r.formula->budget->balance_clawback);
    } else {
        j["available"] = nullptr;
        j["headroom"] = nullptr;
        j["lever"] = nullptr;
    }
    j["cap"] = r.cap;
    j["scaling"] = r.scaling;
    j["factor_multiplier"] = r.multiplier;
    for (const char* k : {"schools_on_mfg", "mfg_total", "schools_capped", "capping_total", "schools_on_mppl",
                          "mppl_total", "de_delegation_total", "grants", "notional_sen_total"})
        j[k] = all[k];
    OJson factors = OJson::object();
    for (std::size_t k = 0; k < r.factors.amount.size(); ++k)
        factors[r.formula->factors[k].id] = pennies(r.factors.amount[k].sum());
    j["factors"] = factors;
    OJson phase = OJson::object(), status = OJson::object(), area = OJson::object();
    for (Phase p : {Phase::primary, Phase::secondary, Phase::middle, Phase::all_through}) {
        bool any = false;
        for (auto q : c.phase) any = any || q == p;
        if (any) phase[to_string(p)] = group_totals(r, [&](std::size_t s) { return c.phase[s] == p; });
    }
    for (Status st : {Status::maintained, Status::academy}) {
        bool any = false;
        for (auto q : c.status) any = any || q == st;
        if (any) status[to_string(st)] = group_totals(r, [&](std::size_t s) { return c.status[s] == st; });
    }
    std::map<std::string, int> areas;
    for (const auto& a : c.area) areas[a] = 1;
    // (A plain reference, not a structured binding: clang 14 cannot capture a binding in a lambda.)
    for (const auto& entry : areas) {
        const std::string& a = entry.first;
        area[a.empty() ? "(none)" : a] = group_totals(r, [&](std::size_t s) { return c.area[s] == a; });
    }
    j["phase"] = phase;
    j["status"] = status;
    j["area"] = area;
    return j;
}

}  // namespace fundsim
