// Uprating a formula a year (engine/years/uprate.hpp; docs/multi-year.md §1).
#include "engine/years/uprate.hpp"

#include <set>

#include "engine/core/money.hpp"
#include "engine/factors/rates.hpp"

namespace fundsim {

namespace {

// Every money rate of `f` in `doc` × (1 + change), to the penny. A rate the kind lists per phase may be
// written once for all phases (a number where the list expects an object): that number is uprated once.
void uprate_rates(Json& doc, const Factor& f, double change, std::set<std::string>& done) {
    for (const FactorRate& r : rates_of(f)) {
        if (r.unit != RateUnit::money) continue;
        Json::json_pointer at(r.path);
        while (!at.empty() && !doc.contains(at)) at = at.parent_pointer();
        if (at.empty() || !doc[at].is_number() || !done.insert(at.to_string()).second) continue;
        doc[at] = round_penny(doc[at].get<double>() * (1 + change));
    }
}

}  // namespace

Json uprate_formula(const Formula& prev, const Uprating& u, const std::string& year,
                    const std::string& name) {
    Json doc = prev.doc;
    doc["year"] = year;
    doc["name"] = name;
    std::set<std::string> done;
    for (const Factor& f : prev.factors) {
        double change = u.factors;
        if (f.kind == FactorKind::lump_sum && u.lump_sum) change = *u.lump_sum;
        if (f.kind == FactorKind::sparsity && u.sparsity) change = *u.sparsity;
        uprate_rates(doc, f, change, done);
    }
    for (const Grant& g : prev.grants)
        for (const Factor& part : g.parts) uprate_rates(doc, part, u.grants, done);

    const Json::json_pointer level("/mppl/level");
    if (doc.contains(level) && doc[level].is_object()) {
        Json& lv = doc[level];
        // Every level × (1 + factors), then the levels the plan gives replace theirs; "secondary" stands for
        // both key stages.
        for (auto& [k, v] : lv.items())
            if (v.is_number()) v = round_penny(v.get<double>() * (1 + u.factors));
        for (const auto& [k, v] : u.mppl) {
            if (k == "secondary" && !lv.contains("secondary")) {
                lv["ks3"] = v;
                lv["ks4"] = v;
            } else if ((k == "ks3" || k == "ks4") && lv.contains("secondary")) {
                const Json old = lv["secondary"];
                lv.erase("secondary");
                if (!lv.contains("ks3")) lv["ks3"] = old;
                if (!lv.contains("ks4")) lv["ks4"] = old;
                lv[k] = v;
            } else {
                lv[k] = v;
            }
        }
    }
    if (u.mfg_percent && doc.contains("mfg") && doc["mfg"].is_object())
        doc["mfg"]["percent"] = *u.mfg_percent;
    // Balances clawed back are one year's money (docs/la-budget.md §5): not carried into the next.
    if (doc.contains("budget") && doc["budget"].is_object()) doc["budget"].erase("balance_clawback");
    return doc;
}

}  // namespace fundsim
