// The finance officer's summary that `compare` prints: the baseline, then per option the total and its
// change, the headroom, the lever, who gains and who loses, and the cost of each protection.
#include <cmath>
#include <cstdio>

#include "engine/core/money.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

std::string lever_text(const Result& r) {
    if (!r.budget) return "no budget given: nothing balanced";
    if (r.budget->lever == Lever::none) return "no lever (the budget is not solved)";
    return std::string(to_string(r.budget->lever)) + " = " + number_text("%.6f", r.budget->lever_value) +
           (r.budget->lever_at_limit ? " (at its limit)" : "");
}

}  // namespace

std::string comparison_summary_text(const Comparison& c) {
    const Census& cen = *c.census;
    std::string t;
    char b[512];
    double base_total = 0;
    std::size_t with = 0;
    for (Eigen::Index i = 0; i < c.baseline.size(); ++i)
        if (std::isfinite(c.baseline[i])) {
            base_total += c.baseline[i];
            ++with;
        }
    std::snprintf(b, sizeof b, "Baseline: %s\n  %s over %zu of %zu schools\n", c.baseline_name.c_str(),
                  pounds(base_total).c_str(), with, cen.size);
    t += b;
    for (std::size_t k = 0; k < c.scenarios.size(); ++k) {
        const ScenarioResult& s = c.scenarios[k];
        const Result& r = s.result;
        const ChangeStats st = change_stats(s, c, [](std::size_t) { return true; });
        std::snprintf(b, sizeof b, "\nOption %zu: %s\n", k + 1, s.name.c_str());
        t += b;
        const double ch = round_penny(st.change_total);
        t += "  Total " + pounds(st.total) + " (" + (ch > 0 ? "+" : "") + pounds(ch) + " on the baseline";
        if (st.no_baseline)
            t += " for the " + std::to_string(st.schools - st.no_baseline) + " schools that have one";
        t += ")";
        if (r.budget) {
            t += "; available " + pounds(r.budget->available) + ", headroom " + pounds(r.budget->headroom) +
                 (r.budget->headroom < 0 ? " (OVERSPENT)" : "");
        }
        t += "\n  Lever: " + lever_text(r) + "\n";
        std::snprintf(b, sizeof b, "  Schools gaining %zu, losing %zu, unchanged %zu", st.gaining, st.losing,
                      st.unchanged);
        t += b;
        if (st.no_baseline) t += ", without a baseline " + std::to_string(st.no_baseline);
        t += "\n";
        if (st.largest_gain_urn)
            t += "  Largest gain " + pounds(st.largest_gain) + " (URN " +
                 std::to_string(st.largest_gain_urn) + ")";
        if (st.largest_loss_urn)
            t += std::string(st.largest_gain_urn ? "; largest" : "  Largest") + " loss " +
                 pounds(st.largest_loss) + " (URN " + std::to_string(st.largest_loss_urn) + ")";
        if (st.largest_gain_urn || st.largest_loss_urn) t += "\n";
        std::snprintf(b, sizeof b, "  On MFG %zu (%s), capped %zu (%s), on MPPL %zu (%s)\n", st.on_mfg,
                      pounds(st.mfg_total).c_str(), st.capped, pounds(st.capping_total).c_str(), st.on_mppl,
                      pounds(st.mppl_total).c_str());
        t += b;
    }
    return t;
}

}  // namespace fundsim
