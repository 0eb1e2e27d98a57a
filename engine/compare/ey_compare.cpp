// Early years options against a baseline (docs/early-years.md §8): changes per provider by id, each a
// difference of whole-penny totals, the tally and the block's figures exact in pennies.
#include "engine/compare/ey_compare.hpp"

#include "engine/core/error.hpp"

namespace fundsim {

namespace {

double pounds_of(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }

EyProviderChange row_of(const EyProviders& p, std::size_t k) {
    EyProviderChange row;
    row.provider = p.id[k];
    row.name = p.name[k];
    row.type = p.type[k];
    return row;
}

// docs/early-years.md §8: each provider's year total under the option against the baseline's, by id.
void compare_providers(const EyResult& base, EyOptionResult& o) {
    const EyProviders& bp = base.providers;
    const EyProviders& op = o.result.providers;
    for (std::size_t k = 0; k < bp.size(); ++k) {
        EyProviderChange row = row_of(bp, k);
        row.in_baseline = true;
        row.baseline = pounds_of(base.providers_year[k].total());
        const auto j = op.index.find(bp.id[k]);
        if (j != op.index.end()) {
            row.in_option = true;
            row.option = pounds_of(o.result.providers_year[j->second].total());
        }
        set_change(row);
        o.providers.push_back(std::move(row));
    }
    for (std::size_t j = 0; j < op.size(); ++j) {
        if (bp.index.count(op.id[j])) continue;
        EyProviderChange row = row_of(op, j);
        row.in_option = true;
        row.option = pounds_of(o.result.providers_year[j].total());
        set_change(row);
        o.providers.push_back(std::move(row));
    }
    o.tally = tally_changes(o.providers);
}

}  // namespace

EyComparison compare_early_years(const EyCase& baseline, const std::vector<EyCase>& options) {
    EyComparison c;
    c.baseline_name = baseline.name;
    c.baseline_file = baseline.file;
    c.baseline = with_context("while calculating the baseline " + baseline.file, [&] {
        return calculate_early_years(*baseline.formula, *baseline.providers, *baseline.hours);
    });
    const EyResult& b = c.baseline;
    for (const auto& opt : options) {
        EyOptionResult o;
        o.name = opt.name;
        o.file = opt.file;
        // An error in an option's calculation (a supplement cap its changes breach, say) names the option.
        o.result = with_context("while calculating the option " + opt.file, [&] {
            return calculate_early_years(*opt.formula, *opt.providers, *opt.hours);
        });
        compare_providers(b, o);
        const EyResult& r = o.result;
        o.payments_change = r.totals.total() - b.totals.total();
        o.headroom_change = r.headroom - b.headroom;
        o.passed_change = r.pass_through.passed - b.pass_through.passed;
        o.three_four_rate_change = round6(r.three_four_rate - b.three_four_rate);
        c.options.push_back(std::move(o));
    }
    return c;
}

}  // namespace fundsim
