// ey-comparison.csv of `fundsim compare --early-years` (docs/early-years.md §8): every amount as the engine
// rounded it, every text cell through csv_text.
#include "reports/csv/csv_text.hpp"
#include "reports/ey_comparison_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

std::string ey_comparison_csv(const EyComparison& c) {
    std::string out =
        "option,provider,name,type,in_baseline,in_option,baseline_total,option_total,change,change_pct\n";
    for (const auto& o : c.options)
        for (const auto& p : o.providers)
            out += csv_text(o.name) + ',' + csv_text(p.provider) + ',' + csv_text(p.name) + ',' +
                   std::string(kProviderTypeNames[static_cast<std::size_t>(p.type)]) + ',' +
                   (p.in_baseline ? "yes" : "no") + ',' + (p.in_option ? "yes" : "no") + ',' +
                   money(p.baseline) + ',' + money(p.option) + ',' + money(p.change) + ',' +
                   (p.change_pct ? fraction6(*p.change_pct) : std::string()) + '\n';
    return out;
}

}  // namespace fundsim
