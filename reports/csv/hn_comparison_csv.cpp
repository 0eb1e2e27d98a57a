// hn-comparison.csv of `fundsim compare --high-needs` (docs/high-needs.md §6): every amount as the engine
// rounded it, every text cell through csv_text.
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"
#include "reports/hn_comparison_writers.hpp"

namespace fundsim {

std::string hn_comparison_csv(const hn::HnComparison& c) {
    std::string out =
        "option,urn,name,setting,in_baseline,in_option,baseline_total_from_la,option_total_from_la,change,"
        "change_pct\n";
    for (const auto& o : c.options)
        for (const auto& p : o.providers)
            out += csv_text(o.name) + ',' + std::to_string(p.urn) + ',' + csv_text(p.name) + ',' +
                   hn::to_string(p.setting) + ',' + (p.in_baseline ? "yes" : "no") + ',' +
                   (p.in_option ? "yes" : "no") + ',' + money(p.baseline) + ',' + money(p.option) + ',' +
                   money(p.change) + ',' + (p.change_pct ? fraction6(*p.change_pct) : std::string()) + '\n';
    return out;
}

}  // namespace fundsim
