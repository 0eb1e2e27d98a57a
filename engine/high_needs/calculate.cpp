// The high needs calculation of docs/high-needs.md §2: each line rounded to the penny where it is computed,
// every total an exact sum of whole pennies.
#include "engine/high_needs/calculate.hpp"

#include <algorithm>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim::hn {

namespace {

// An exact running total of amounts that are whole pennies (docs/funding-model.md §7).
struct Pennies {
    long long p = 0;
    void add(double pounds) {
        if (!add_pennies(p, pounds))
            fail("a high needs total is beyond any budget (more than £46 million billion)");
    }
    double pounds() const { return static_cast<double>(p) / 100.0; }
};

// docs/high-needs.md §2: place funding by academic-year places, 5/12 of the year ending in August and 7/12
// of the one starting in September; mainstream and independent providers have none.
double place_funding(const HnFormula& f, const Providers& ps, const Provider& p) {
    if (!has_place_funding(p.setting)) return 0;
    const auto& rate = f.place_rates[index_of(p.setting)];
    if (!rate)
        fail_at(
            ps.file, p.line, "setting", to_string(p.setting),
            "has no place rate in the formula " + f.file + " (/place_rates/" + to_string(p.setting) + ")");
    return round_penny(*rate * (p.places_before * 5.0 + p.places_after * 7.0) / 12.0);
}

// docs/high-needs.md §2: the annual top-up is the placement's agreed rate, else its band in the table of
// the provider's setting.
double annual_top_up(const HnFormula& f, const Placements& pl, const Placement& m, const Provider& p) {
    if (m.rate) return *m.rate;
    const BandTable* t = f.bands_of(p.setting);
    if (!t)
        fail_at(pl.file, m.line, "band", m.band,
                std::string("cannot be priced: provider ") + std::to_string(p.urn) + " is " +
                    to_string(p.setting) +
                    ", which has no table in the formula's bands: give the placement a rate");
    const double* v = t->find(m.band);
    if (!v) {
        std::string known;
        for (const auto& r : t->rates) known += (known.empty() ? "" : ", ") + r.first;
        fail_at(pl.file, m.line, "band", m.band,
                std::string("is not a band of ") + to_string(p.setting) + " in the formula (" + t->path +
                    ": " + known + ")");
    }
    return *v;
}

void add_to_band(ProviderLine& line, const Placement& m, const PlacementLine& pl) {
    const std::string band = pl.agreed_rate ? std::string() : m.band;
    auto it = std::find_if(line.bands.begin(), line.bands.end(),
                           [&](const BandTotal& b) { return b.annual == pl.annual && b.band == band; });
    if (it == line.bands.end()) {
        line.bands.push_back({band, pl.annual, 0, 0, 0, 0});
        it = line.bands.end() - 1;
    }
    it->placements += 1;
    it->pupils_fte += m.fte;
    it->fte_units += m.fte * pl.on_roll.units;
    Pennies t{whole_pennies(it->top_ups)};
    t.add(pl.top_up);
    it->top_ups = t.pounds();
}

}  // namespace

HnResult calculate_high_needs(const HnFormula& f, const Providers& ps, const Placements& pl,
                              const PositionInputs& in) {
    HnResult r;
    r.formula = &f;
    r.providers = &ps;
    r.placements = &pl;
    const std::size_t np = ps.rows.size();
    r.provider_lines.resize(np);
    std::vector<Pennies> top_ups(np);
    std::array<Pennies, kSettings> by_setting_la, by_setting_dfe, by_setting_top;
    Pennies la_place, dfe_place, all_top, inside, outside, mfg_total, central_total, from_la;

    for (std::size_t k = 0; k < np; ++k) {
        const Provider& p = ps.rows[k];
        ProviderLine& line = r.provider_lines[k];
        line.place_funding = place_funding(f, ps, p);
        (p.funded_by == FundedBy::la ? by_setting_la : by_setting_dfe)[index_of(p.setting)].add(
            line.place_funding);
        (p.funded_by == FundedBy::la ? la_place : dfe_place).add(line.place_funding);
    }

    // docs/high-needs.md §2: top-up = annual × fte × share of the year on roll.
    r.placement_lines.resize(pl.rows.size());
    for (std::size_t j = 0; j < pl.rows.size(); ++j) {
        const Placement& m = pl.rows[j];
        const long k = ps.find(m.provider);
        if (k < 0)
            fail_at(pl.file, m.line, "provider", std::to_string(m.provider),
                    "is not a provider in " + ps.file);
        const std::size_t pk = static_cast<std::size_t>(k);
        const Provider& p = ps.rows[pk];
        PlacementLine& out = r.placement_lines[j];
        out.provider = pk;
        out.agreed_rate = m.rate.has_value();
        out.annual = annual_top_up(f, pl, m, p);
        out.on_roll = time_on_roll(f.proration, f.fy, m.start, m.end);
        out.top_up = round_penny(out.annual * m.fte * out.on_roll.units / out.on_roll.per_year);
        ProviderLine& line = r.provider_lines[pk];
        line.placements += 1;
        line.pupils_fte += m.fte;
        top_ups[pk].add(out.top_up);
        by_setting_top[index_of(p.setting)].add(out.top_up);
        all_top.add(out.top_up);
        if (!f.la.empty()) (p.la == f.la ? inside : outside).add(out.top_up);
        add_to_band(line, m, out);
    }

    for (std::size_t k = 0; k < np; ++k) {
        const Provider& p = ps.rows[k];
        ProviderLine& line = r.provider_lines[k];
        line.top_ups = top_ups[k].pounds();
        // docs/high-needs.md §2: special MFG = max(0, baseline × (1 + percent) − top-ups / pupils) × pupils,
        // pupils = Σ fte (⚠ rule); written as baseline × (1 + percent) × pupils − top-ups, the same amount.
        if (f.special_mfg_percent && p.topup_baseline_per_pupil && line.pupils_fte > 0)
            line.special_mfg = round_penny(
                std::max(0.0, *p.topup_baseline_per_pupil * (1.0 + *f.special_mfg_percent) * line.pupils_fte -
                                  line.top_ups));
        mfg_total.add(line.special_mfg);
        Pennies total;
        if (p.funded_by == FundedBy::la) total.add(line.place_funding);
        total.add(line.top_ups);
        total.add(line.special_mfg);
        line.total_from_la = total.pounds();
        from_la.add(line.total_from_la);
    }

    for (const auto& [name, amount] : f.central) {
        r.central.emplace_back(name, round_penny(amount));
        central_total.add(r.central.back().second);
    }

    for (std::size_t s = 0; s < kSettings; ++s) {
        r.place_funding_la[s] = by_setting_la[s].pounds();
        r.place_funding_dfe[s] = by_setting_dfe[s].pounds();
        r.top_ups[s] = by_setting_top[s].pounds();
    }
    r.place_funding_la_total = la_place.pounds();
    r.top_ups_total = all_top.pounds();
    if (!f.la.empty()) {
        r.top_ups_inside = inside.pounds();
        r.top_ups_outside = outside.pounds();
    }
    r.special_mfg_total = mfg_total.pounds();
    r.total_from_la = from_la.pounds();
    r.central_total = central_total.pounds();

    // docs/high-needs.md §2: the position. import/export = rate × (imports − exports).
    Position& pos = r.position;
    if (f.import_export)
        pos.import_export =
            round_penny(f.import_export->rate * (f.import_export->imports - f.import_export->exports));
    pos.transfers_in = round_penny(in.transfers_in);
    pos.dfe_place_deductions = dfe_place.pounds();
    Pennies spend;
    spend.add(r.place_funding_la_total);
    spend.add(r.top_ups_total);
    spend.add(r.special_mfg_total);
    spend.add(r.central_total);
    pos.spend = spend.pounds();
    if (in.allocation) {
        pos.allocation = round_penny(*in.allocation);
        Pennies avail;
        avail.add(*pos.allocation);
        avail.add(pos.import_export);
        avail.add(pos.transfers_in);
        avail.add(-pos.dfe_place_deductions);
        pos.available = avail.pounds();
        Pennies iy;
        iy.add(*pos.available);
        iy.add(-pos.spend);
        pos.in_year = iy.pounds();
    }
    return r;
}

}  // namespace fundsim::hn
