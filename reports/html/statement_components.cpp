// The rate × count pieces of each factor kind on a budget statement, and the notes that explain them
// (reports/html/statement_components.hpp).
#include "reports/html/statement_components.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/factors/sparsity.hpp"
#include "reports/format.hpp"
#include "reports/labels.hpp"

namespace fundsim::statement {

using Eigen::Index;

std::string rate_text(double v) {
    if (std::fabs(v * 100 - std::round(v * 100)) < 1e-6) return pounds(v);
    const std::string whole = pounds(std::trunc(v));  // grouping of the whole pounds
    return whole.substr(0, whole.size() - 3) + number_text("%.4f", std::fabs(v - std::trunc(v))).substr(1);
}

std::vector<Component> components(const Result& r, const Factor& f, std::size_t s, double k, bool uplift,
                                  std::vector<StatementLine>& notes) {
    const Census& c = *r.census;
    const Index i = static_cast<Index>(s);
    std::vector<Component> out;
    auto add = [&](std::string label, double rate, double n) {
        if (n != 0) out.push_back({std::move(label), rate_text(rate * k), count(n), rate * k * n});
    };
    auto col = [&](const std::string& name) { return c.cached(name)[i]; };
    switch (f.kind) {
        case FactorKind::per_pupil: {
            const double up = uplift ? c.reception_uplift[i] : 0.0;
            add(up > 0 ? "Primary pupils (R–Y6), with " + count(up) + " reception uplift"
                       : "Primary pupils (R–Y6)",
                f.rate_primary, c.nor_primary[i] + up);
            add("KS3 pupils (Y7–Y9)", f.rate_ks3, c.nor_ks3[i]);
            add("KS4 pupils (Y10–Y11)", f.rate_ks4, c.nor_ks4[i]);
            break;
        }
        case FactorKind::per_unit:
            add("Primary (" + f.measure + "_primary)", f.rate_primary, col(f.measure + "_primary"));
            add("Secondary (" + f.measure + "_secondary)", f.rate_secondary, col(f.measure + "_secondary"));
            break;
        case FactorKind::banded:
            for (const auto& b : f.bands) {
                std::string band = b.name;
                for (char& ch : band) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                add("Band " + band + ", primary", b.primary, col(f.measure + "_" + b.name + "_primary"));
                add("Band " + band + ", secondary", b.secondary,
                    col(f.measure + "_" + b.name + "_secondary"));
            }
            break;
        case FactorKind::per_unit_above_threshold: {
            // Only pupils above the threshold share of each group are funded (NFF mobility, funding-model
            // §3).
            const double mp = col(f.measure + "_primary"), ms = col(f.measure + "_secondary");
            const double np = c.nor_primary[i], ns = c.nor_ks3[i] + c.nor_ks4[i];
            if (np > 0 || mp > 0)
                notes.push_back(info("Primary: " + count(mp) + " " + f.measure + " pupils, less " +
                                         percent_text(f.threshold, 2) + " of " + count(np) +
                                         " pupils, funded units",
                                     count(std::max(0.0, mp - f.threshold * np))));
            if (ns > 0 || ms > 0)
                notes.push_back(info("Secondary: " + count(ms) + " " + f.measure + " pupils, less " +
                                         percent_text(f.threshold, 2) + " of " + count(ns) +
                                         " pupils, funded units",
                                     count(std::max(0.0, ms - f.threshold * ns))));
            add("Primary funded units", f.rate_primary, std::max(0.0, mp - f.threshold * np));
            add("Secondary funded units", f.rate_secondary, std::max(0.0, ms - f.threshold * ns));
            break;
        }
        case FactorKind::lump_sum: {
            const auto& v = f.lump.value;
            const auto& g = f.lump.given;
            double rate = 0;
            switch (c.phase[s]) {
                case Phase::primary:
                    rate = v[0];
                    break;
                case Phase::secondary:
                    rate = v[1];
                    break;
                case Phase::middle:
                    if (g[2]) {
                        rate = v[2];
                    } else {
                        // The APT's rule for a middle school without its own rate: year-group-weighted mix.
                        rate = (c.yg_primary[i] * v[0] + (c.yg_ks3[i] + c.yg_ks4[i]) * v[1]) / c.yg[i];
                        notes.push_back(info("Middle school: (" + count(c.yg_primary[i]) +
                                             " primary year groups × " + pounds(v[0]) + " + " +
                                             count(c.yg_ks3[i] + c.yg_ks4[i]) + " secondary × " +
                                             pounds(v[1]) + ") / " + count(c.yg[i])));
                    }
                    break;
                case Phase::all_through:
                    rate = g[3] ? v[3] : v[1];
                    if (!g[3]) notes.push_back(info("All-through school: the secondary rate"));
                    break;
            }
            out.push_back(
                {"Lump sum, " + phase_label(c.phase[s]) + " rate", rate_text(rate * k), "1", rate * k});
            break;
        }
        case FactorKind::sparsity: {
            const int p = static_cast<int>(c.phase[s]);
            const double D = col("sparsity_distance");
            SparsityTerms t = sparsity_for(f, c.phase[s], c.nor[i], c.yg[i], D);
            notes.push_back(info("Sparsity distance " + number_text("%.2f", D) + " miles; threshold " +
                                 number_text("%g", f.distance_threshold.value[p]) + " miles" +
                                 (f.distance_taper ? " (tapered from 80% of it)" : "")));
            notes.push_back(info("Average year group " + number_text("%.2f", t.average_year_group) + " (" +
                                 count(c.nor[i]) + " pupils / " + count(c.yg[i]) +
                                 " year groups); threshold " +
                                 number_text("%g", f.year_group_threshold.value[p])));
            if (t.eligible) {
                notes.push_back(info("Eligible: maximum " + rate_text(f.maximum.value[p] * k) +
                                     " × year-group weight " + number_text("%.4f", t.year_weight) +
                                     " × distance weight " + number_text("%.4f", t.distance_weight)));
                out.push_back({"Sparsity, " + phase_label(c.phase[s]) + " maximum × weights",
                               rate_text(f.maximum.value[p] * k),
                               number_text("%.4f", t.year_weight * t.distance_weight), t.amount * k});
            } else {
                notes.push_back(info("Not eligible for sparsity funding"));
            }
            break;
        }
        case FactorKind::actual:
            out.push_back({"Census " + f.column, "", "", col(f.column)});
            break;
        case FactorKind::per_column:
            for (const auto& [name, rate] : f.column_rates) add(name, rate, col(name));
            break;
        case FactorKind::allocation: {
            // A fixed pot shared by a basis among the schools that pass its filters (funding-model §3).
            const Eigen::ArrayXd mask = [&] {
                Eigen::ArrayXd m(static_cast<Index>(c.size));
                for (std::size_t j = 0; j < c.size; ++j) {
                    bool in =
                        f.phases[static_cast<int>(c.phase[j])] && f.status[static_cast<int>(c.status[j])];
                    if (!f.urns.empty() && std::find(f.urns.begin(), f.urns.end(), c.urn[j]) == f.urns.end())
                        in = false;
                    if (!f.areas.empty() &&
                        std::find(f.areas.begin(), f.areas.end(), c.area[j]) == f.areas.end())
                        in = false;
                    m[static_cast<Index>(j)] = in ? 1.0 : 0.0;
                }
                return m;
            }();
            const Eigen::ArrayXd basis =
                f.basis == "nor"
                    ? c.nor
                    : (f.basis == "school" ? Eigen::ArrayXd::Ones(static_cast<Index>(c.size)).eval()
                                           : c.cached(f.basis));
            const double total = (basis * mask).sum();
            const std::string what = f.basis == "school" ? "equal shares" : f.basis;
            notes.push_back(info("Share of a pot of " + rate_text(f.pot * k) + " by " + what + " among " +
                                 count(mask.sum()) + " schools: this school " + count(basis[i] * mask[i]) +
                                 " of " + count(total)));
            // The engine shares the pot in whole pennies (largest remainders): the amount is the line itself.
            out.push_back({"Share of the pot", rate_text(f.pot * k),
                           count(basis[i] * mask[i]) + " / " + count(total), NAN});
            break;
        }
        case FactorKind::london_fringe: {
            double listed = 0;
            for (int x : f.fringe_indices) listed += r.factor_raw[static_cast<std::size_t>(x)][i];
            const double flag = col("london_fringe");
            std::string names;
            for (const auto& id : f.fringe_factors) names += (names.empty() ? "" : ", ") + factor_label(id);
            notes.push_back(info("(" + number_text("%g", f.multiplier) + " − 1) × (" + names + ")" +
                                 (flag > 0 ? "" : ": not a London fringe school")));
            if (flag > 0)
                out.push_back({"Fringe uplift on " + pounds(listed), number_text("%g", f.multiplier - 1),
                               pounds(listed), (f.multiplier - 1) * listed * flag});
            break;
        }
    }
    return out;
}

}  // namespace fundsim::statement
