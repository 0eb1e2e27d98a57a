// High needs options against a baseline (docs/high-needs.md §6): changes per provider by URN, each a
// difference of penny amounts rounded to the penny, totals summed exactly.
#include "engine/compare/hn_compare.hpp"

#include "engine/compare/provider_tally.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim::hn {

namespace {

double diff(double a, double b) { return round_penny(a - b); }

std::optional<double> diff(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return std::nullopt;
    return diff(*a, *b);
}

HnProviderChange row_of(const Provider& p) {
    HnProviderChange row;
    row.urn = p.urn;
    row.name = p.name;
    row.setting = p.setting;
    return row;
}

void add_row(HnOptionResult& o, HnProviderChange row) {
    set_change(row);
    o.providers.push_back(std::move(row));
}

// docs/high-needs.md §6: each provider's total from the LA under the option against the baseline's, by URN.
void compare_providers(const HnResult& base, HnOptionResult& o) {
    const Providers& bp = *base.providers;
    const Providers& op = *o.result.providers;
    for (std::size_t k = 0; k < bp.rows.size(); ++k) {
        const Provider& p = bp.rows[k];
        HnProviderChange row = row_of(p);
        row.in_baseline = true;
        row.baseline = base.provider_lines[k].total_from_la;
        const long j = op.find(p.urn);
        if (j >= 0) {
            row.in_option = true;
            row.option = o.result.provider_lines[static_cast<std::size_t>(j)].total_from_la;
        }
        add_row(o, std::move(row));
    }
    for (std::size_t j = 0; j < op.rows.size(); ++j) {
        const Provider& p = op.rows[j];
        if (bp.find(p.urn) >= 0) continue;
        HnProviderChange row = row_of(p);
        row.in_option = true;
        row.option = o.result.provider_lines[j].total_from_la;
        add_row(o, std::move(row));
    }
    const ProviderTally t = tally_changes(o.providers);
    o.gaining = t.gaining;
    o.losing = t.losing;
    o.unchanged = t.unchanged;
    if (t.largest_gain_row) {
        const HnProviderChange& r = o.providers[*t.largest_gain_row];
        o.largest_gain = r.change;
        o.largest_gain_urn = r.urn;
        o.largest_gain_name = r.name;
    }
    if (t.largest_loss_row) {
        const HnProviderChange& r = o.providers[*t.largest_loss_row];
        o.largest_loss = r.change;
        o.largest_loss_urn = r.urn;
        o.largest_loss_name = r.name;
    }
    o.total_change = t.total_change();
}

}  // namespace

HnComparison compare_high_needs(const HnCase& baseline, const std::vector<HnCase>& options,
                                const PositionInputs& in) {
    HnComparison c;
    c.baseline_name = baseline.name;
    c.baseline_file = baseline.file;
    c.baseline = with_context("while calculating the baseline " + baseline.file, [&] {
        return calculate_high_needs(*baseline.formula, *baseline.providers, *baseline.placements, in);
    });
    const Position& bpos = c.baseline.position;
    for (const auto& opt : options) {
        HnOptionResult o;
        o.name = opt.name;
        o.file = opt.file;
        // An error in an option's calculation (a band its changes removed, say) says which option it was.
        o.result = with_context("while calculating the option " + opt.file, [&] {
            return calculate_high_needs(*opt.formula, *opt.providers, *opt.placements, in);
        });
        compare_providers(c.baseline, o);
        const Position& pos = o.result.position;
        o.position.spend = pos.spend;
        o.position.spend_change = diff(pos.spend, bpos.spend);
        o.position.available = pos.available;
        o.position.available_change = diff(pos.available, bpos.available);
        o.position.in_year = pos.in_year;
        o.position.in_year_change = diff(pos.in_year, bpos.in_year);
        c.options.push_back(std::move(o));
    }
    return c;
}

}  // namespace fundsim::hn
