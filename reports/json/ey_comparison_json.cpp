// summary.json of `fundsim compare --early-years` (docs/early-years.md §8): the block's figures under the
// baseline and each option, each option's changes and its providers gaining and losing, in pounds to the
// penny.
#include "engine/core/money.hpp"
#include "reports/early_years_writers.hpp"
#include "reports/ey_comparison_writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

double pounds_of(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }
double pennies(double v) { return round_penny(v) == 0 ? 0.0 : round_penny(v); }

// The figures of one calculation that an option is judged on.
void add_figures(OJson& j, const EyResult& r) {
    j["providers"] = r.providers.size();
    j["base_rate"] = ey_base_rate_json(r);
    j["base_rate_solved"] = r.solved_tenths.has_value();
    j["payments_total"] = pounds_of(r.totals.total());
    j["balance"] = OJson{{"allocation", pounds_of(r.allocation)},
                         {"spend", pounds_of(r.balance_spend)},
                         {"headroom", pounds_of(r.headroom)}};
    j["pass_through"] = ey_pass_through_json(r.pass_through);
    OJson ss = ey_supplement_share_json(r.supplement_share);
    ss["within_cap"] = r.supplement_share.within();
    j["supplement_share"] = ss;
    OJson prov = OJson::array();
    for (const Provisional& p : r.formula.provisional)
        prov.push_back(OJson{{"path", p.path}, {"mark", p.mark}});
    j["provisional"] = prov;
}

OJson extreme(const EyOptionResult& o, const std::optional<std::size_t>& row) {
    if (!row) return nullptr;
    const EyProviderChange& p = o.providers[*row];
    return OJson{{"provider", p.provider},
                 {"name", p.name},
                 {"change", pennies(p.change)},
                 {"change_pct", p.change_pct ? OJson(round6(*p.change_pct)) : OJson(nullptr)}};
}

}  // namespace

OJson ey_comparison_json(const EyComparison& c) {
    OJson j;
    OJson base{{"name", c.baseline_name}, {"file", c.baseline_file}};
    add_figures(base, c.baseline);
    j["baseline"] = std::move(base);
    OJson opts = OJson::array();
    for (const auto& o : c.options) {
        OJson e{{"name", o.name}, {"file", o.file}};
        add_figures(e, o.result);
        e["change"] = OJson{{"base_rate_three_four", o.three_four_rate_change},
                            {"payments_total", pounds_of(o.payments_change)},
                            {"headroom", pounds_of(o.headroom_change)},
                            {"passed", pounds_of(o.passed_change)},
                            {"providers_total", pennies(o.tally.total_change())}};
        e["gaining"] = o.tally.gaining;
        e["losing"] = o.tally.losing;
        e["unchanged"] = o.tally.unchanged;
        e["largest_gain"] = extreme(o, o.tally.largest_gain_row);
        e["largest_loss"] = extreme(o, o.tally.largest_loss_row);
        opts.push_back(std::move(e));
    }
    j["options"] = std::move(opts);
    return j;
}

}  // namespace fundsim
