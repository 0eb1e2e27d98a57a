// summary.json of `fundsim high-needs` (docs/high-needs.md §3) and of `compare --high-needs` (§6): the
// engine's exact totals, never recomputed; what was not computed (no allocation given) is null, never 0.
#include "engine/core/money.hpp"
#include "engine/high_needs/s251.hpp"
#include "reports/high_needs_writers.hpp"
#include "reports/hn_comparison_writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

double pennies(double v) { return round_penny(v) == 0 ? 0.0 : round_penny(v); }
OJson maybe(const std::optional<double>& v) { return v ? OJson(pennies(*v)) : OJson(nullptr); }

// The money available (docs/high-needs.md §2), its parts first.
void add_available(OJson& j, const hn::Position& pos) {
    j["allocation"] = maybe(pos.allocation);
    j["import_export"] = pennies(pos.import_export);
    j["direct_funding_deductions"] = pennies(pos.dfe_place_deductions);
    j["transfers_in"] = pennies(pos.transfers_in);
    j["available"] = maybe(pos.available);
}

}  // namespace

OJson hn_summary_json(const hn::HnResult& r) {
    const hn::HnFormula& f = *r.formula;
    const hn::Position& pos = r.position;
    OJson j;
    j["formula"] = f.name;
    j["year"] = f.year;
    j["proration"] = f.proration == hn::Proration::months ? "months" : "days";
    j["providers"] = r.provider_lines.size();
    j["placements"] = r.placement_lines.size();
    double fte = 0;
    for (const auto& l : r.provider_lines) fte += l.pupils_fte;
    j["pupils_fte"] = round6(fte);
    add_available(j, pos);
    j["place_funding_paid"] = pennies(r.place_funding_la_total);
    OJson places = OJson::object(), tops = OJson::object();
    for (hn::Setting s : hn::kAllSettings) {
        const std::size_t i = hn::index_of(s);
        if (hn::has_place_funding(s))
            places[hn::to_string(s)] = {{"la", pennies(r.place_funding_la[i])},
                                        {"dfe", pennies(r.place_funding_dfe[i])}};
        tops[hn::to_string(s)] = pennies(r.top_ups[i]);
    }
    j["place_funding_by_setting"] = places;
    j["top_ups"] = pennies(r.top_ups_total);
    j["top_ups_by_setting"] = tops;
    j["top_ups_inside_la"] = maybe(r.top_ups_inside);
    j["top_ups_outside_la"] = maybe(r.top_ups_outside);
    j["special_mfg"] = f.special_mfg_percent ? OJson(pennies(r.special_mfg_total)) : OJson(nullptr);
    OJson central = OJson::object();
    for (const auto& [name, amount] : r.central) central[name] = pennies(amount);
    j["central"] = central;
    j["central_total"] = pennies(r.central_total);
    j["spend"] = pennies(pos.spend);
    j["in_year"] = maybe(pos.in_year);
    OJson s251 = OJson::array();
    for (const auto& l : hn::s251_lines(r))
        s251.push_back({{"id", l.id}, {"label", l.label}, {"amount", pennies(l.amount)}});
    j["s251"] = s251;
    // The formula's values not confirmed in a source, so that no figure hides that it rests on them.
    OJson prov = OJson::array();
    for (const auto& p : f.provisional) prov.push_back({{"path", p.path}, {"mark", p.mark}});
    j["provisional"] = prov;
    return j;
}

}  // namespace fundsim

namespace fundsim {

namespace {

OJson position_json(const hn::Position& pos) {
    OJson j;
    add_available(j, pos);
    j["spend"] = pennies(pos.spend);
    j["in_year"] = maybe(pos.in_year);
    return j;
}

}  // namespace

// summary.json of `fundsim compare --high-needs` (docs/high-needs.md §6).
OJson hn_comparison_json(const hn::HnComparison& c) {
    OJson j;
    j["baseline"] = {{"name", c.baseline_name},
                     {"file", c.baseline_file},
                     {"providers", c.baseline.provider_lines.size()},
                     {"placements", c.baseline.placement_lines.size()},
                     {"total_from_la", pennies(c.baseline.total_from_la)},
                     {"position", position_json(c.baseline.position)}};
    OJson opts = OJson::array();
    for (const auto& o : c.options) {
        OJson e;
        e["name"] = o.name;
        e["file"] = o.file;
        e["providers"] = o.result.provider_lines.size();
        e["placements"] = o.result.placement_lines.size();
        e["total_from_la"] = pennies(o.result.total_from_la);
        e["position"] = position_json(o.result.position);
        e["change"] = {{"available", maybe(o.position.available_change)},
                       {"spend", pennies(o.position.spend_change)},
                       {"in_year", maybe(o.position.in_year_change)},
                       {"providers_total", pennies(o.total_change)}};
        e["gaining"] = o.gaining;
        e["losing"] = o.losing;
        e["unchanged"] = o.unchanged;
        e["largest_gain"] = o.largest_gain_urn ? OJson{{"urn", o.largest_gain_urn},
                                                       {"name", o.largest_gain_name},
                                                       {"change", pennies(o.largest_gain)}}
                                               : OJson(nullptr);
        e["largest_loss"] = o.largest_loss_urn ? OJson{{"urn", o.largest_loss_urn},
                                                       {"name", o.largest_loss_name},
                                                       {"change", pennies(o.largest_loss)}}
                                               : OJson(nullptr);
        opts.push_back(std::move(e));
    }
    j["options"] = std::move(opts);
    return j;
}

}  // namespace fundsim
