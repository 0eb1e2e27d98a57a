// comparison.csv and attribution.csv of `compare` (docs/interfaces.md §5-§6): long CSV files a finance
// officer filters in Excel; money to the penny, fractions to 6 decimals, and every text cell from the inputs
// (option names, school names, areas, parts) through csv_text, so that Excel never runs it as a formula.
#include <cmath>

#include "reports/comparison_writers.hpp"
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

std::string money_or_blank(double v) { return std::isfinite(v) ? money(v) : ""; }
std::string fraction_or_blank(double v) { return std::isfinite(v) ? fraction6(v) : ""; }

}  // namespace

std::string comparison_csv(const Comparison& c) {
    const Census& cen = *c.census;
    std::string out;
    out.reserve(c.scenarios.size() * cen.size * 200 + 256);
    out +=
        "scenario,urn,name,phase,status,area,nor,baseline,budget_share,change,change_pct,change_per_pupil,"
        "mfg_topup,"
        "capping_deduction,mppl_topup,baseline_per_pupil,budget_share_per_pupil,flags\n";
    for (const auto& s : c.scenarios) {
        const std::string scen = csv_text(s.name);
        const Result& r = s.result;
        for (std::size_t k = 0; k < cen.size; ++k) {
            const Eigen::Index i = static_cast<Eigen::Index>(k);
            out += scen + "," + std::to_string(cen.urn[k]) + "," + csv_text(cen.name[k]) + "," +
                   to_string(cen.phase[k]) + "," + to_string(cen.status[k]) + "," + csv_text(cen.area[k]) +
                   "," + count(cen.nor[i]) + ",";
            out += money_or_blank(c.baseline[i]) + "," + money(r.budget_share.amount[i]) + "," +
                   money_or_blank(s.change[i]) + "," + fraction_or_blank(s.change_pct[i]) + "," +
                   money_or_blank(s.change_per_pupil[i]) + "," + money(r.mfg.topup[i]) + "," +
                   money(r.capping.deduction[i]) + "," + money(r.mppl.topup[i]) + ",";
            out += money_or_blank(c.baseline[i] / cen.nor[i]) + "," + money(r.budget_share.per_pupil[i]) +
                   "," + r.flags(k) + "\n";
        }
    }
    return out;
}

std::string attribution_csv(const Comparison& c) {
    const Census& cen = *c.census;
    std::string out = "scenario,urn,part,amount\n";
    for (const auto& s : c.scenarios) {
        const std::string scen = csv_text(s.name);
        const Attribution& a = s.attribution;
        // A part that is zero for every school of this option says nothing: it is left out (the rest
        // still add up to each change).
        std::vector<std::size_t> keep;
        for (std::size_t p = 0; p < a.parts.size(); ++p) {
            bool any = false;
            for (Eigen::Index i = 0; i < a.parts[p].size() && !any; ++i) any = !(a.parts[p][i] == 0);
            if (any) keep.push_back(p);
        }
        for (std::size_t k = 0; k < cen.size; ++k) {
            const std::string head = scen + "," + std::to_string(cen.urn[k]) + ",";
            for (std::size_t p : keep)
                out += head + csv_text(a.labels[p]) + "," +
                       money_or_blank(a.parts[p][static_cast<Eigen::Index>(k)]) + "\n";
        }
    }
    return out;
}

}  // namespace fundsim
