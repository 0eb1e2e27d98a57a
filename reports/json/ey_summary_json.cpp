// summary.json of the early years block (docs/early-years.md §3): the engine's totals, each in pounds to
// the penny.
#include "engine/core/money.hpp"
#include "reports/early_years_writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

double pounds_of(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }

OJson file_json(const ManifestFile& f) { return OJson{{"path", f.path}, {"sha256", f.sha256}}; }

}  // namespace

OJson ey_base_rate_json(const EyResult& r) {
    OJson rates;
    for (std::size_t g = 0; g < kEyGroups; ++g)
        rates[std::string(kEyGroupNames[g])] =
            g == index_of(EyGroup::three_four) ? r.three_four_rate : r.formula.base_rate[g];
    return rates;
}

OJson ey_pass_through_json(const EyPassThrough& pt) {
    return OJson{{"passed", pounds_of(pt.passed)},      {"allocation", pounds_of(pt.allocation)},
                 {"share", round6(pt.share)},           {"minimum", pt.minimum},
                 {"needed", pounds_of(pt.needed)},      {"pass", pt.pass},
                 {"shortfall", pounds_of(pt.shortfall)}};
}

OJson ey_supplement_share_json(const EySupplementShare& ss) {
    return OJson{{"supplements_three_four", pounds_of(ss.supplements)},
                 {"base_three_four", pounds_of(ss.base)},
                 {"share", round6(ss.share)},
                 {"cap", ss.cap ? OJson(*ss.cap) : OJson(nullptr)}};
}

nlohmann::ordered_json ey_summary_json(const EyResult& r, const EyInputs& inputs) {
    const EyFormula& f = r.formula;
    OJson j;
    j["name"] = f.name;
    j["year"] = f.year;
    j["providers"] = r.providers.size();
    OJson alloc;
    for (std::size_t g = 0; g < kEyGroups; ++g)
        alloc[std::string(kEyGroupNames[g])] = round_penny(f.allocation[g]);
    alloc["entitlements_total"] = pounds_of(r.allocation);
    if (f.allocation_eypp) alloc["eypp"] = round_penny(*f.allocation_eypp);
    if (f.allocation_daf) alloc["daf"] = round_penny(*f.allocation_daf);
    alloc["block_total"] = pounds_of(r.block_allocation());
    j["allocation"] = alloc;

    j["base_rate"] = ey_base_rate_json(r);
    j["base_rate_solved"] = r.solved_tenths.has_value();

    OJson hours;
    for (std::size_t g = 0; g < kEyGroups; ++g) hours[std::string(kEyGroupNames[g])] = r.totals.hours[g];
    j["hours"] = hours;

    OJson pay;
    OJson by_group;
    for (std::size_t g = 0; g < kEyGroups; ++g) {
        OJson one;
        one["base"] = pounds_of(r.totals.base[g]);
        OJson supps = OJson::object();
        for (std::size_t s = 0; s < f.supplements.size(); ++s)
            if (f.supplements[s].groups[g]) supps[f.supplements[s].id] = pounds_of(r.totals.supplement[s][g]);
        one["supplements"] = supps;
        if (static_cast<EyGroup>(g) == EyGroup::three_four)
            one["nursery_school_supp"] = pounds_of(r.totals.nursery_school_supp);
        one["total"] = pounds_of(r.group_payments(static_cast<EyGroup>(g)));
        by_group[std::string(kEyGroupNames[g])] = one;
    }
    pay["by_group"] = by_group;
    pay["base"] = pounds_of(r.totals.base_total());
    OJson supps = OJson::object();
    for (std::size_t s = 0; s < f.supplements.size(); ++s)
        supps[f.supplements[s].id] = pounds_of(r.totals.supplement_total(s));
    pay["supplements"] = supps;
    pay["nursery_school_supp"] = pounds_of(r.totals.nursery_school_supp);
    pay["eypp"] = pounds_of(r.totals.eypp);
    pay["daf"] = pounds_of(r.totals.daf);
    pay["total"] = pounds_of(r.totals.total());
    j["payments"] = pay;

    OJson central = OJson::object();
    for (const EyCentralLine& c : f.central)
        central[c.id] = OJson{{"amount", round_penny(c.amount)}, {"counts_as_passed", c.counts_as_passed}};
    j["central"] = central;
    j["central_total"] = pounds_of(r.central);

    j["pass_through"] = ey_pass_through_json(r.pass_through);
    j["supplement_share"] = ey_supplement_share_json(r.supplement_share);
    j["balance"] = OJson{{"allocation", pounds_of(r.allocation)},
                         {"spend", pounds_of(r.balance_spend)},
                         {"headroom", pounds_of(r.headroom)}};
    j["block"] =
        OJson{{"allocation", pounds_of(r.block_allocation())}, {"spend", pounds_of(r.block_spend())}};
    OJson s251 = OJson::array();
    for (const EyS251Line& l : r.s251_lines())
        s251.push_back(OJson{{"id", l.id}, {"label", l.label}, {"amount", pounds_of(l.pennies)}});
    j["s251"] = s251;
    OJson prov = OJson::array();
    for (const Provisional& p : f.provisional) prov.push_back(OJson{{"path", p.path}, {"mark", p.mark}});
    j["provisional"] = prov;
    j["manifest"] = OJson{{"fundsim_version", fundsim_version()},
                          {"formula", file_json(inputs.formula)},
                          {"providers", file_json(inputs.providers)},
                          {"hours", file_json(inputs.hours)}};
    return j;
}

}  // namespace fundsim
