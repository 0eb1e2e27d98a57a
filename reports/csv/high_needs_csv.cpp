// providers.csv and placements.csv of `fundsim high-needs` (docs/high-needs.md §3): every amount as the
// engine rounded it, every text cell from the inputs through csv_text.
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"
#include "reports/high_needs_writers.hpp"

namespace fundsim {

std::string hn_providers_csv(const hn::HnResult& r) {
    std::string out =
        "urn,name,setting,la,funded_by,places_before,places_after,place_funding,placements,pupils_fte,"
        "top_ups,special_mfg,total_from_la\n";
    for (std::size_t k = 0; k < r.provider_lines.size(); ++k) {
        const hn::Provider& p = r.providers->rows[k];
        const hn::ProviderLine& l = r.provider_lines[k];
        out += std::to_string(p.urn) + ',' + csv_text(p.name) + ',' + hn::to_string(p.setting) + ',' +
               csv_text(p.la) + ',' + hn::to_string(p.funded_by) + ',' + count(p.places_before) + ',' +
               count(p.places_after) + ',' + money(l.place_funding) + ',' + std::to_string(l.placements) +
               ',' + count(l.pupils_fte) + ',' + money(l.top_ups) + ',' + money(l.special_mfg) + ',' +
               money(l.total_from_la) + '\n';
    }
    return out;
}

std::string hn_placements_csv(const hn::HnResult& r) {
    std::string out = "placement,provider,band,start,end,fte,annual,share_of_year,top_up\n";
    out.reserve(r.placement_lines.size() * 80);
    for (std::size_t j = 0; j < r.placement_lines.size(); ++j) {
        const hn::Placement& m = r.placements->rows[j];
        const hn::PlacementLine& l = r.placement_lines[j];
        out += csv_text(m.id);
        out += ',';
        out += std::to_string(m.provider);
        out += ',';
        out += csv_text(m.band);
        out += ',';
        out += hn::iso_date(m.start);
        out += ',';
        out += hn::iso_date(m.end);
        out += ',';
        out += count(m.fte);
        out += ',';
        append_money(out, l.annual);
        out += ',';
        out += fraction6(l.on_roll.share());
        out += ',';
        append_money(out, l.top_up);
        out += '\n';
    }
    return out;
}

}  // namespace fundsim
