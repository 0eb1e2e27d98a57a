// report.html: the Schools Forum paper built from a Comparison. Everything is inline (CSS in <style>,
// charts as <svg> drawn here) so that the file opens offline, can be emailed, and prints on A4 landscape.
#include "reports/html/forum_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "reports/format.hpp"

namespace fundsim {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

std::string group_thousands(long long whole) {
    const std::string digits = std::to_string(whole < 0 ? -whole : whole);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string pounds_whole(double v) {
    const long long w = std::llround(v);  // half away from zero, as funding-model §7 rounds
    return std::string(w < 0 ? "-£" : "£") + group_thousands(w);
}

std::string signed_pounds_whole(double v) {
    const long long w = std::llround(v);
    // A change of a few pence is still a change (a school gains or loses from a penny): show the pence
    // rather than a "£0" that contradicts the count of gainers.
    if (w == 0 && std::fabs(v) >= 0.005) return (v > 0 ? "+" : "") + pounds(v);
    return std::string(w > 0 ? "+£" : (w < 0 ? "-£" : "£")) + group_thousands(w);
}

std::string percent_text(double fraction, int decimals, bool sign) {
    if (!std::isfinite(fraction)) return "—";
    double p = fraction * 100.0;
    if (std::fabs(p) < 0.5 * std::pow(10.0, -decimals)) p = 0;  // never "-0.00%"
    char b[64];
    std::snprintf(b, sizeof b, sign ? "%+.*f%%" : "%.*f%%", decimals, p);
    std::string s = b;
    if (sign && p == 0) s = s.substr(1);  // no sign on zero
    return s;
}

std::string factor_label(const std::string& id) {
    // The NFF's own names for its factors (DfE schools operational guide); any other id is spelt out.
    static const std::map<std::string, std::string> known = {
        {"basic_entitlement", "Basic entitlement (AWPU)"},
        {"fsm", "Free school meals (FSM)"},
        {"fsm6", "FSM Ever 6"},
        {"idaci", "IDACI deprivation"},
        {"lpa", "Low prior attainment"},
        {"eal", "English as an additional language (EAL)"},
        {"mobility", "Mobility"},
        {"lump_sum", "Lump sum"},
        {"sparsity", "Sparsity"},
        {"rates", "Business rates"},
        {"pfi", "PFI"},
        {"split_sites", "Split sites"},
        {"exceptional", "Exceptional circumstances"},
        {"london_fringe", "London fringe"},
        {"mppl", "Minimum per-pupil level"},
        {"mfg", "Minimum funding guarantee"},
        {"capping", "Capping and scaling"},
        {"formula_vs_prior_year", "Formula funding against last year's budget share"},
        {"pupil_premium", "Pupil premium"},
        {"ever6", "Ever 6 FSM"},
        {"plac", "Previously looked-after children"},
        {"service", "Service children"},
    };
    if (auto it = known.find(id); it != known.end()) return it->second;
    std::string s = id;
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

namespace {

using Eigen::Index;

const char* kGain = "#1a7f37";
const char* kLoss = "#c0392b";
const char* kSame = "#9aa5b1";

std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

std::string phase_label(Phase p) {
    switch (p) {
        case Phase::primary:
            return "Primary";
        case Phase::secondary:
            return "Secondary";
        case Phase::middle:
            return "Middle";
        case Phase::all_through:
            return "All-through";
    }
    return "";
}

const char* phase_colour(Phase p) {
    switch (p) {
        case Phase::primary:
            return "#1d4e89";
        case Phase::secondary:
            return "#d9822b";
        case Phase::middle:
            return "#7b3fa0";
        case Phase::all_through:
            return "#2a9d8f";
    }
    return "#000";
}

// A file's own name without its folders ("forum-a.json" for "../scenarios/forum-a.json"), so that a long
// path does not widen a column; the path in full goes in a title attribute and the footnote. A scenario's
// formula is named "SCENARIO (patched BASE)" (engine/formula/formula.cpp): both parts are shortened.
std::string file_name(const std::string& path) {
    auto base = [](const std::string& p) {
        const auto slash = p.find_last_of("/\\");
        return slash == std::string::npos || slash + 1 == p.size() ? p : p.substr(slash + 1);
    };
    static const std::string patched = " (patched ";
    const auto at = path.find(patched);
    if (at != std::string::npos && path.back() == ')') {
        const std::size_t from = at + patched.size();
        return base(path.substr(0, at)) + patched + base(path.substr(from, path.size() - 1 - from)) + ")";
    }
    return base(path);
}

std::string option_name(const ScenarioResult& s) { return s.name.empty() ? file_name(s.file) : s.name; }

// An option's name over the columns it spans, in a box that adds nothing to the columns' widths (class
// "fit": width 0, stretched to the cell) and so wraps within them: otherwise a long name widens the number
// columns under it and squeezes the school names or factor labels beside them.
std::string spanning_name(const std::string& name) {
    return "<div class=\"fit\">" + html_escape(name) + "</div>";
}

// The options split into runs of at most `per` (at least one run, empty when there are no options): a
// table with more columns than an A4 landscape page holds repeats its row labels for each run instead.
std::vector<std::pair<std::size_t, std::size_t>> runs_of(std::size_t n, std::size_t per) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t a = 0; a < n; a += per) out.emplace_back(a, std::min(n, a + per));
    if (out.empty()) out.emplace_back(0, 0);
    return out;
}

// Options per table, chosen so that every column fits 1,280 px and an A4 landscape page (277 mm printable,
// 1,047 CSS px): section 1 has one column per option; section 3 five (four and a bar); section 5 two;
// section 6 three.
constexpr std::size_t kOptionsPerSideBySide = 4, kOptionsPerGroupTable = 2, kOptionsPerFactorTable = 4,
                      kOptionsPerSchoolTable = 2;

// How the budget was balanced, as HTML: the lever and its value, then (in small type, on a line of its
// own so that the column stays narrow) the factors a multiplier scales.
std::string lever_html(const Result& r) {
    if (!r.budget) return "no budget set";
    const BudgetOutcome& b = *r.budget;
    std::string t, scaled;
    switch (b.lever) {
        case Lever::none:
            return "none (values as set)";
        case Lever::scaling:
            t = "scaling of gains = " + percent_text(b.lever_value, 4);
            break;
        case Lever::cap:
            t = "cap on gains = " + percent_text(b.lever_value, 4);
            break;
        case Lever::factor_multiplier: {
            t = "factor multiplier k = " + fmt("%.6f", b.lever_value);
            if (r.formula.budget && !r.formula.budget->multiplier_factors.empty()) {
                scaled = "on ";
                for (std::size_t k = 0; k < r.formula.budget->multiplier_factors.size(); ++k)
                    scaled += (k ? ", " : "") + factor_label(r.formula.budget->multiplier_factors[k]);
            }
            break;
        }
    }
    if (b.lever_at_limit) t += " (at its limit: the lever cannot use all the money)";
    return html_escape(t) +
           (scaled.empty() ? "" : "<br><span class=\"small\">" + html_escape(scaled) + "</span>");
}

bool baseline_is_nff(const Comparison& c) {
    if (!c.baseline_result) return false;
    std::string name = c.baseline_result->formula.name + " " + c.baseline_name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    std::string file = c.baseline_result->formula.file;
    const auto slash = file.find_last_of('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
    return name.find("national funding formula") != std::string::npos || file.rfind("nff", 0) == 0;
}

// A "nice" step (1, 2, 2.5 or 5 × 10^k) at least `raw`.
double nice_step(double raw) {
    if (!(raw > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw - 1e-12 * p) return m * p;
    return 10 * p;
}

std::string td_num(const std::string& text, const std::string& cls = "") {
    return "<td class=\"n" + (cls.empty() ? "" : " " + cls) + "\">" + text + "</td>";
}

// Pupils for people: 212,831 (a fractional count keeps its decimals).
std::string pupils_text(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return (v < 0 ? "-" : "") + group_thousands(std::llabs(static_cast<long long>(v)));
    return count(v);
}

std::string change_class(double v) {
    if (!std::isfinite(v)) return "";
    return v >= 0.005 ? "gain" : (v <= -0.005 ? "loss" : "");
}

// Σ of the changes of the schools selected that have a baseline (a school without one has no change).
template <class Pred>
double change_sum(const ScenarioResult& s, Pred include) {
    double sum = 0;
    for (Index i = 0; i < s.change.size(); ++i)
        if (include(static_cast<std::size_t>(i)) && std::isfinite(s.change[i])) sum += s.change[i];
    return sum;
}

// ---- 1. Options side by side -------------------------------------------------------------------

std::string urn_and_name(const Comparison& c, std::int64_t urn) {
    const long k = c.census->index_of(urn);
    if (k < 0) return std::to_string(urn);
    return std::to_string(urn) + " " + html_escape(c.census->name[static_cast<std::size_t>(k)]);
}

std::string baseline_heading(const Comparison& c) {
    return "Baseline" +
           std::string(baseline_is_nff(c) ? " (NFF)" : (c.baseline_is_prior_year ? " (last year)" : ""));
}

// A file cell: the file's name, its path in full in the title (and in the footnote under the table).
std::string file_cell(const std::string& path) {
    const std::string name = file_name(path);
    return "<td class=\"n file\"" + (name == path ? std::string() : " title=\"" + html_escape(path) + "\"") +
           ">" + html_escape(name) + "</td>";
}

// The options [first, last) beside the baseline.
std::string options_table(const Comparison& c, const std::vector<ChangeStats>& all, std::size_t first,
                          std::size_t last) {
    const bool base_formula = c.baseline_result.has_value();
    std::string h =
        "<table class=\"options\"><thead><tr><th></th><th class=\"n\">" + baseline_heading(c) + "</th>";
    for (std::size_t k = first; k < last; ++k)
        h += "<th class=\"n\">" + html_escape(option_name(c.scenarios[k])) + "</th>";
    h += "</tr></thead><tbody>";
    auto row = [&](const std::string& label, const std::string& base, auto cell) {
        h += "<tr><th>" + label + "</th>" + base;
        for (std::size_t k = first; k < last; ++k) h += cell(k);
        h += "</tr>";
    };
    const std::string dash = td_num("—");
    row("File",
        base_formula ? file_cell(c.baseline_result->formula.file)
                     : "<td class=\"n file\">census prior_year_budget</td>",
        [&](std::size_t k) { return file_cell(c.scenarios[k].file); });
    double base_total = 0;
    for (Index i = 0; i < c.baseline.size(); ++i)
        if (std::isfinite(c.baseline[i])) base_total += c.baseline[i];
    row("Total budget shares", td_num(pounds_whole(base_total)),
        [&](std::size_t k) { return td_num(pounds_whole(all[k].total)); });
    row("Change against the baseline", dash, [&](std::size_t k) {
        const double d = change_sum(c.scenarios[k], [](std::size_t) { return true; });
        return td_num(
            signed_pounds_whole(d) + " (" +
                percent_text(all[k].baseline_total != 0 ? d / all[k].baseline_total : NAN, 2, true) + ")",
            change_class(d));
    });
    auto budget_cell = [&](const Result& r, auto get) {
        return r.budget ? td_num(get(*r.budget)) : td_num("no budget set");
    };
    row("Money available",
        base_formula ? budget_cell(*c.baseline_result,
                                   [](const BudgetOutcome& b) { return pounds_whole(b.available); })
                     : dash,
        [&](std::size_t k) {
            return budget_cell(c.scenarios[k].result,
                               [](const BudgetOutcome& b) { return pounds_whole(b.available); });
        });
    // Headroom is under £1 when a lever is solved (funding-model §5): shown to the penny.
    row("Headroom (available − total)",
        base_formula
            ? budget_cell(*c.baseline_result, [](const BudgetOutcome& b) { return pounds(b.headroom); })
            : dash,
        [&](std::size_t k) {
            return budget_cell(c.scenarios[k].result,
                               [](const BudgetOutcome& b) { return pounds(b.headroom); });
        });
    row("Balanced by", base_formula ? td_num(lever_html(*c.baseline_result), "wrap") : dash,
        [&](std::size_t k) { return td_num(lever_html(c.scenarios[k].result), "wrap"); });
    row("Schools gaining", dash,
        [&](std::size_t k) { return td_num(std::to_string(all[k].gaining), "gain"); });
    row("Schools losing", dash, [&](std::size_t k) { return td_num(std::to_string(all[k].losing), "loss"); });
    row("Schools unchanged", dash, [&](std::size_t k) { return td_num(std::to_string(all[k].unchanged)); });
    std::size_t no_baseline = 0;
    for (Index i = 0; i < c.baseline.size(); ++i) no_baseline += std::isfinite(c.baseline[i]) ? 0 : 1;
    if (no_baseline > 0)
        row("Schools without a baseline (no change shown)", td_num(std::to_string(no_baseline)),
            [&](std::size_t) { return td_num(std::to_string(no_baseline)); });
    row("Largest gain", dash, [&](std::size_t k) {
        if (all[k].largest_gain_urn == 0) return td_num("none");
        return td_num(signed_pounds_whole(all[k].largest_gain) + " (" +
                      percent_text(all[k].largest_gain_pct, 2, true) + ")<br><span class=\"small\">" +
                      urn_and_name(c, all[k].largest_gain_urn) + "</span>");
    });
    row("Largest loss", dash, [&](std::size_t k) {
        if (all[k].largest_loss_urn == 0) return td_num("none");
        return td_num(signed_pounds_whole(all[k].largest_loss) + " (" +
                      percent_text(all[k].largest_loss_pct, 2, true) + ")<br><span class=\"small\">" +
                      urn_and_name(c, all[k].largest_loss_urn) + "</span>");
    });
    row("Median change per pupil", dash, [&](std::size_t k) {
        return td_num(signed_pounds_whole(all[k].median_change_per_pupil),
                      change_class(all[k].median_change_per_pupil));
    });
    auto protected_cell = [](std::size_t n, double cost) {
        return td_num(std::to_string(n) + " (" + pounds_whole(cost) + ")");
    };
    auto base_count = [&](auto pred, const Eigen::ArrayXd& cost) {
        if (!base_formula) return dash;
        std::size_t n = 0;
        for (std::size_t i = 0; i < c.census->size; ++i) n += pred(*c.baseline_result, i);
        return protected_cell(n, cost.sum());
    };
    row("Schools on the MFG (its cost)",
        base_count([](const Result& r, std::size_t i) { return r.on_mfg(i); },
                   base_formula ? c.baseline_result->mfg_topup : Eigen::ArrayXd()),
        [&](std::size_t k) { return protected_cell(all[k].on_mfg, all[k].mfg_total); });
    row("Schools capped (total deducted)",
        base_count([](const Result& r, std::size_t i) { return r.capped(i); },
                   base_formula ? c.baseline_result->capping_deduction : Eigen::ArrayXd()),
        [&](std::size_t k) { return protected_cell(all[k].capped, all[k].capping_total); });
    row("Schools on the MPPL (its cost)",
        base_count([](const Result& r, std::size_t i) { return r.on_mppl(i); },
                   base_formula ? c.baseline_result->mppl_topup : Eigen::ArrayXd()),
        [&](std::size_t k) { return protected_cell(all[k].on_mppl, all[k].mppl_total); });
    h += "</tbody></table>";
    return h;
}

// Section 1: the options beside the baseline (four to a table), then the files' paths in full when the
// table shows only their names.
std::string options_section(const Comparison& c, const std::vector<ChangeStats>& all) {
    std::string h;
    for (const auto& [first, last] : runs_of(c.scenarios.size(), kOptionsPerSideBySide))
        h += options_table(c, all, first, last);
    std::vector<std::pair<std::string, std::string>> paths;  // heading, path
    if (c.baseline_result) paths.emplace_back(baseline_heading(c), c.baseline_result->formula.file);
    for (const auto& s : c.scenarios) paths.emplace_back(option_name(s), s.file);
    if (std::all_of(paths.begin(), paths.end(),
                    [](const auto& p) { return file_name(p.second) == p.second; }))
        return h;
    h += "<p class=\"note files\">Files in full: ";
    for (std::size_t k = 0; k < paths.size(); ++k)
        h += (k ? "; " : "") + html_escape(paths[k].first) + ": <span class=\"path\">" +
             html_escape(paths[k].second) + "</span>";
    return h + ".</p>";
}

// ---- 2. Distribution of per-pupil % change -----------------------------------------------------

struct Bins {
    double lo = 0, step = 1;
    int count = 0;
    std::size_t below = 0, above = 0;  // schools beyond the 1st/99th percentile folded into the end bars
};

// Common bins for every option so that their shapes compare; the range runs from the 1st to the 99th
// percentile so that one outlier does not squash everyone else into a single bar.
Bins make_bins(std::vector<double> v) {
    Bins b;
    if (v.empty()) return b;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    double lo = v[static_cast<std::size_t>(std::floor(0.01 * static_cast<double>(n - 1)))];
    double hi = v[static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(n - 1)))];
    b.step = nice_step(std::max((hi - lo) / 24.0, 0.05));
    b.lo = std::floor(lo / b.step + 1e-9) * b.step;
    double top = std::ceil(hi / b.step - 1e-9) * b.step;
    if (top <= hi) top += b.step;  // the top value must fall inside the last bin [top - step, top)
    b.count = std::max(1, static_cast<int>(std::lround((top - b.lo) / b.step)));
    return b;
}

int bin_of(const Bins& b, double v) {
    const int k = static_cast<int>(std::floor((v - b.lo) / b.step + 1e-9));
    return std::clamp(k, 0, b.count - 1);
}

// One option's changes in percent, and whether each school's budget is unchanged (under half a penny).
struct Changes {
    std::vector<double> pct;
    std::vector<bool> same;
};

// A chart's title goes above it in HTML (chart_figure), where it wraps: SVG text does not, and an option's
// name is often longer than the chart is wide.
std::string chart_figure(const std::string& kind, const std::string& title, const std::string& svg) {
    return "<figure class=\"" + kind + "\"><figcaption class=\"ctitle\">" + html_escape(title) +
           "</figcaption>" + svg + "</figure>";
}

std::string histogram_svg(const std::string& title, const Changes& values, const Bins& b, int ymax) {
    const double W = 560, H = 232, L = 48, R = 30, T = 12, B = 46;
    const double pw = W - L - R, ph = H - T - B;
    std::vector<int> n(static_cast<std::size_t>(b.count), 0), same(static_cast<std::size_t>(b.count), 0);
    for (std::size_t k = 0; k < values.pct.size(); ++k) {
        const std::size_t bin = static_cast<std::size_t>(bin_of(b, values.pct[k]));
        ++n[bin];
        same[bin] += values.same[k] ? 1 : 0;
    }
    std::string s = "<svg class=\"chart\" width=\"" + fmt("%.0f", W) + "\" height=\"" + fmt("%.0f", H) +
                    "\" viewBox=\"0 0 " + fmt("%.0f", W) + " " + fmt("%.0f", H) +
                    "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
    const double ystep = nice_step(std::max(1.0, ymax / 5.0));
    const double ytop = std::max(ystep, std::ceil(ymax / ystep) * ystep);
    for (double y = 0; y <= ytop + 1e-9; y += ystep) {
        const double py = T + ph - y / ytop * ph;
        s += "<line x1=\"" + fmt("%.1f", L) + "\" x2=\"" + fmt("%.1f", L + pw) + "\" y1=\"" +
             fmt("%.1f", py) + "\" y2=\"" + fmt("%.1f", py) + "\" class=\"grid\"/>";
        s += "<text x=\"" + fmt("%.1f", L - 6) + "\" y=\"" + fmt("%.1f", py + 4) +
             "\" class=\"tick\" text-anchor=\"end\">" + fmt("%.0f", y) + "</text>";
    }
    const double bw = pw / b.count;
    auto schools = [](int c) { return std::to_string(c) + (c == 1 ? " school" : " schools"); };
    for (int k = 0; k < b.count; ++k) {
        const std::size_t q = static_cast<std::size_t>(k);
        const double x0 = b.lo + k * b.step, x1 = x0 + b.step;
        const double h_same = same[q] / ytop * ph, h_moved = (n[q] - same[q]) / ytop * ph;
        const char* colour = x1 <= 1e-12 ? kLoss : (x0 >= -1e-12 ? kGain : kSame);
        std::string range = fmt("%+.2f", x0) + "% to " + fmt("%+.2f", x1) + "%";
        if (k == 0 && b.below) range = "below " + fmt("%+.2f", x1) + "%";
        if (k == b.count - 1 && b.above) range = fmt("%+.2f", x0) + "% and above";
        const std::string x = fmt("%.1f", L + k * bw + 0.5), w = fmt("%.1f", std::max(0.5, bw - 1));
        if (same[q] > 0)
            s += "<rect x=\"" + x + "\" y=\"" + fmt("%.1f", T + ph - h_same) + "\" width=\"" + w +
                 "\" height=\"" + fmt("%.1f", h_same) + "\" fill=\"" + kSame + "\"><title>" +
                 schools(same[q]) + " unchanged</title></rect>";
        if (n[q] > same[q])
            s += "<rect x=\"" + x + "\" y=\"" + fmt("%.1f", T + ph - h_same - h_moved) + "\" width=\"" + w +
                 "\" height=\"" + fmt("%.1f", h_moved) + "\" fill=\"" + colour + "\"><title>" +
                 schools(n[q] - same[q]) + ": " + range + "</title></rect>";
    }
    // x ticks: at most about ten labels, at round values (multiples of a whole number of bins).
    int every = 1;
    for (int m : {1, 2, 5, 10, 20, 50, 100})
        if (b.count / m <= 10) {
            every = m;
            break;
        }
    for (int k = 0; k <= b.count; ++k) {
        const double units = (b.lo + k * b.step) / (b.step * every);
        if (std::fabs(units - std::round(units)) > 1e-6) continue;
        const double px = L + k * bw;
        s += "<line x1=\"" + fmt("%.1f", px) + "\" x2=\"" + fmt("%.1f", px) + "\" y1=\"" +
             fmt("%.1f", T + ph) + "\" y2=\"" + fmt("%.1f", T + ph + 4) + "\" class=\"axis\"/>";
        const double v = b.lo + k * b.step;
        s += "<text x=\"" + fmt("%.1f", px) + "\" y=\"" + fmt("%.1f", T + ph + 16) +
             "\" class=\"tick\" text-anchor=\"middle\">" +
             (std::fabs(v) < 1e-9
                  ? std::string("0%")
                  : fmt(b.step * every < 0.1 ? "%+.2f" : (b.step * every < 1 ? "%+.1f" : "%+.0f"), v) + "%") +
             "</text>";
    }
    // The zero line: left of it schools lose, right of it they gain.
    if (b.lo < 0 && b.lo + b.count * b.step > 0) {
        const double px = L + (-b.lo) / b.step * bw;
        s += "<line x1=\"" + fmt("%.1f", px) + "\" x2=\"" + fmt("%.1f", px) + "\" y1=\"" + fmt("%.1f", T) +
             "\" y2=\"" + fmt("%.1f", T + ph) + "\" class=\"zero\"/>";
    }
    s += "<line x1=\"" + fmt("%.1f", L) + "\" x2=\"" + fmt("%.1f", L + pw) + "\" y1=\"" +
         fmt("%.1f", T + ph) + "\" y2=\"" + fmt("%.1f", T + ph) + "\" class=\"axis\"/>";
    s += "<text x=\"" + fmt("%.1f", L + pw / 2) + "\" y=\"" + fmt("%.1f", H - 8) +
         "\" class=\"label\" text-anchor=\"middle\">change in budget share per pupil against the "
         "baseline</text>";
    s += "<text transform=\"translate(12," + fmt("%.1f", T + ph / 2) +
         ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">schools</text>";
    s += "</svg>";
    return s;
}

std::string distribution_section(const Comparison& c) {
    std::vector<Changes> values(c.scenarios.size());
    std::vector<double> all;
    for (std::size_t k = 0; k < c.scenarios.size(); ++k)
        for (Index i = 0; i < c.scenarios[k].change_pct.size(); ++i)
            if (std::isfinite(c.scenarios[k].change_pct[i])) {
                values[k].pct.push_back(c.scenarios[k].change_pct[i] * 100.0);
                values[k].same.push_back(std::fabs(c.scenarios[k].change[i]) < 0.005);
                all.push_back(values[k].pct.back());
            }
    if (all.empty()) return "<p>No school has a baseline budget, so there is no change to show.</p>";
    Bins b = make_bins(all);
    int ymax = 1;
    std::size_t below = 0, above = 0;
    for (const auto& v : values) {
        std::vector<int> n(static_cast<std::size_t>(b.count), 0);
        for (double x : v.pct) {
            ++n[static_cast<std::size_t>(bin_of(b, x))];
            below += x < b.lo;
            above += x >= b.lo + b.count * b.step;
        }
        ymax = std::max(ymax, *std::max_element(n.begin(), n.end()));
    }
    b.below = below;
    b.above = above;
    std::string h =
        "<p>Each bar counts the schools whose budget share per pupil moves by that much against the baseline "
        "(red: losing, green: gaining, grey: unchanged). All options share the same scale.";
    if (below + above)
        h += " The end bars also hold " +
             (below + above == 1 ? std::string("the one result")
                                 : "the " + std::to_string(below + above) + " results") +
             " beyond the range of the other 98% (see the school table).";
    h += "</p><div class=\"grid\">";
    for (std::size_t k = 0; k < c.scenarios.size(); ++k)
        h += chart_figure("hist", option_name(c.scenarios[k]),
                          histogram_svg(option_name(c.scenarios[k]), values[k], b, ymax));
    return h + "</div>";
}

// ---- 3. Gainers and losers by phase and area ---------------------------------------------------

std::string stacked_bar(const ChangeStats& st) {
    const double n = static_cast<double>(st.gaining + st.losing + st.unchanged);
    if (n == 0) return "";
    const double W = 120, g = st.gaining / n * W, u = st.unchanged / n * W, l = st.losing / n * W;
    return "<svg width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" role=\"img\" aria-label=\"gaining, "
           "unchanged, losing\">"
           "<rect x=\"0\" y=\"1\" width=\"" +
           fmt("%.1f", g) + "\" height=\"10\" fill=\"" + kGain +
           "\"/>"
           "<rect x=\"" +
           fmt("%.1f", g) + "\" y=\"1\" width=\"" + fmt("%.1f", u) + "\" height=\"10\" fill=\"" + kSame +
           "\"/>"
           "<rect x=\"" +
           fmt("%.1f", g + u) + "\" y=\"1\" width=\"" + fmt("%.1f", l) + "\" height=\"10\" fill=\"" + kLoss +
           "\"/></svg>";
}

// One group's row for the options [first, last).
template <class Pred>
std::string group_row(const Comparison& c, const std::string& label, Pred include, std::size_t first,
                      std::size_t last) {
    std::size_t schools = 0;
    for (std::size_t i = 0; i < c.census->size; ++i) schools += include(i) ? 1 : 0;
    std::string h = "<tr><th>" + html_escape(label) + "</th>" + td_num(std::to_string(schools));
    for (std::size_t k = first; k < last; ++k) {
        const ScenarioResult& s = c.scenarios[k];
        ChangeStats st = change_stats(s, c, include);
        const double net = change_sum(s, include);
        h += td_num(std::to_string(st.gaining), "gain sep") + td_num(std::to_string(st.losing), "loss") +
             td_num(std::to_string(st.unchanged)) + "<td class=\"bar\">" + stacked_bar(st) + "</td>" +
             td_num(signed_pounds_whole(net), change_class(net));
    }
    return h + "</tr>";
}

// The groups under the options [first, last).
std::string groups_table(const Comparison& c, const std::string& what, const std::vector<std::string>& labels,
                         const std::function<bool(std::size_t, std::size_t)>& in_group, std::size_t first,
                         std::size_t last) {
    std::string h = "<table class=\"groups\"><thead><tr><th rowspan=\"2\">" + what +
                    "</th><th rowspan=\"2\" class=\"n\">Schools</th>";
    for (std::size_t k = first; k < last; ++k)
        h += "<th colspan=\"5\" class=\"sep\">" + spanning_name(option_name(c.scenarios[k])) + "</th>";
    h += "</tr><tr>";
    for (std::size_t k = first; k < last; ++k)
        h += "<th class=\"n sep\">Gain</th><th class=\"n\">Lose</th><th class=\"n\">Same</th><th></th><th "
             "class=\"n\">Net change</th>";
    h += "</tr></thead><tbody>";
    for (std::size_t g = 0; g < labels.size(); ++g)
        h += group_row(
            c, labels[g], [&](std::size_t i) { return in_group(g, i); }, first, last);
    h += "</tbody><tfoot>" +
         group_row(
             c, "All schools", [](std::size_t) { return true; }, first, last) +
         "</tfoot></table>";
    return h;
}

// Two options to a table: each takes five columns, and a third would not fit the page.
std::string groups_tables(const Comparison& c, const std::string& what,
                          const std::vector<std::string>& labels,
                          const std::function<bool(std::size_t, std::size_t)>& in_group) {
    std::string h;
    for (const auto& [first, last] : runs_of(c.scenarios.size(), kOptionsPerGroupTable))
        h += groups_table(c, what, labels, in_group, first, last);
    return h;
}

std::string gainers_section(const Comparison& c) {
    const Census& cs = *c.census;
    std::vector<Phase> phases;
    for (Phase p : {Phase::primary, Phase::secondary, Phase::middle, Phase::all_through})
        if (std::find(cs.phase.begin(), cs.phase.end(), p) != cs.phase.end()) phases.push_back(p);
    std::vector<std::string> phase_labels;
    for (Phase p : phases) phase_labels.push_back(phase_label(p));
    std::string h = "<h3>By phase</h3>" +
                    groups_tables(c, "Phase", phase_labels,
                                  [&](std::size_t g, std::size_t i) { return cs.phase[i] == phases[g]; });
    std::set<std::string> areas(cs.area.begin(), cs.area.end());
    if (areas.size() == 1 && areas.count("")) {
        h += "<p>The census gives no areas, so there is no breakdown by area.</p>";
    } else {
        std::vector<std::string> area_list(areas.begin(), areas.end()), labels;
        for (const auto& a : area_list) labels.push_back(a.empty() ? "(no area)" : a);
        h += "<h3>By area</h3>" + groups_tables(c, "Area", labels, [&](std::size_t g, std::size_t i) {
                 return cs.area[i] == area_list[g];
             });
    }
    return h;
}

// ---- 4. Baseline against new per-pupil funding -------------------------------------------------

std::string scatter_svg(const Comparison& c, const ScenarioResult& s, double lo, double hi, double step) {
    const double W = 470, H = 412, L = 64, R = 30, T = 12, B = 46;
    const double pw = W - L - R, ph = H - T - B;
    auto px = [&](double v) { return L + (v - lo) / (hi - lo) * pw; };
    auto py = [&](double v) { return T + ph - (v - lo) / (hi - lo) * ph; };
    const std::string title = option_name(s);
    std::string h = "<svg class=\"chart\" width=\"" + fmt("%.0f", W) + "\" height=\"" + fmt("%.0f", H) +
                    "\" viewBox=\"0 0 " + fmt("%.0f", W) + " " + fmt("%.0f", H) +
                    "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
    for (double v = lo; v <= hi + 1e-9; v += step) {
        h += "<line x1=\"" + fmt("%.1f", L) + "\" x2=\"" + fmt("%.1f", L + pw) + "\" y1=\"" +
             fmt("%.1f", py(v)) + "\" y2=\"" + fmt("%.1f", py(v)) + "\" class=\"grid\"/>";
        h += "<line x1=\"" + fmt("%.1f", px(v)) + "\" x2=\"" + fmt("%.1f", px(v)) + "\" y1=\"" +
             fmt("%.1f", T) + "\" y2=\"" + fmt("%.1f", T + ph) + "\" class=\"grid\"/>";
        h += "<text x=\"" + fmt("%.1f", L - 6) + "\" y=\"" + fmt("%.1f", py(v) + 4) +
             "\" class=\"tick\" text-anchor=\"end\">" + pounds_whole(v) + "</text>";
        h += "<text x=\"" + fmt("%.1f", px(v)) + "\" y=\"" + fmt("%.1f", T + ph + 16) +
             "\" class=\"tick\" text-anchor=\"middle\">" + pounds_whole(v) + "</text>";
    }
    // Points above the diagonal gain per pupil, points below lose.
    h += "<line x1=\"" + fmt("%.1f", px(lo)) + "\" y1=\"" + fmt("%.1f", py(lo)) + "\" x2=\"" +
         fmt("%.1f", px(hi)) + "\" y2=\"" + fmt("%.1f", py(hi)) + "\" class=\"zero\"/>";
    const Census& cs = *c.census;
    for (std::size_t k = 0; k < cs.size; ++k) {
        const Index i = static_cast<Index>(k);
        if (!std::isfinite(c.baseline[i]) || cs.nor[i] <= 0) continue;
        const double x = c.baseline[i] / cs.nor[i], y = s.result.budget_share[i] / cs.nor[i];
        h += "<circle cx=\"" + fmt("%.1f", px(x)) + "\" cy=\"" + fmt("%.1f", py(y)) + "\" r=\"2.4\" fill=\"" +
             phase_colour(cs.phase[k]) + "\"><title>" + std::to_string(cs.urn[k]) + " " +
             html_escape(cs.name[k]) + ": " + pounds_whole(x) + " to " + pounds_whole(y) +
             " per pupil</title></circle>";
    }
    h += "<text x=\"" + fmt("%.1f", L + pw / 2) + "\" y=\"" + fmt("%.1f", H - 8) +
         "\" class=\"label\" text-anchor=\"middle\">baseline per pupil</text>";
    h += "<text transform=\"translate(14," + fmt("%.1f", T + ph / 2) +
         ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">this option per pupil</text>";
    return h + "</svg>";
}

std::string scatter_section(const Comparison& c) {
    const Census& cs = *c.census;
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t k = 0; k < cs.size; ++k) {
        const Index i = static_cast<Index>(k);
        if (!std::isfinite(c.baseline[i]) || cs.nor[i] <= 0) continue;
        lo = std::min(lo, c.baseline[i] / cs.nor[i]);
        hi = std::max(hi, c.baseline[i] / cs.nor[i]);
        for (const auto& s : c.scenarios) {
            lo = std::min(lo, s.result.budget_share[i] / cs.nor[i]);
            hi = std::max(hi, s.result.budget_share[i] / cs.nor[i]);
        }
    }
    if (!(hi >= lo)) return "<p>No school has a baseline budget, so there is nothing to plot.</p>";
    const double step = nice_step(std::max((hi - lo) / 6.0, 1.0));
    lo = std::floor(lo / step) * step;
    hi = std::max(lo + step, std::ceil(hi / step) * step);
    std::string h =
        "<p>Each dot is a school: across, its baseline budget share per pupil; up, the same under the "
        "option. Dots above the "
        "diagonal gain per pupil, dots below it lose. Colours: ";
    for (Phase p : {Phase::primary, Phase::secondary, Phase::middle, Phase::all_through})
        if (std::find(cs.phase.begin(), cs.phase.end(), p) != cs.phase.end())
            h += "<span class=\"key\" style=\"background:" + std::string(phase_colour(p)) + "\"></span>" +
                 phase_label(p) + " ";
    h += "</p><div class=\"grid\">";
    for (const auto& s : c.scenarios)
        h += chart_figure("scatter", option_name(s), scatter_svg(c, s, lo, hi, step));
    return h + "</div>";
}

// ---- 5. Factor values against the baseline's ---------------------------------------------------

enum class Unit { money, fraction, number, miles };

struct Param {
    std::string key, label;
    double value = 0;
    Unit unit = Unit::money;
};

// The values in force in a result: rates of the factors the multiplier lever scales are shown after
// the solved k (what schools are paid), and cap and scaling after balancing.
std::vector<Param> params_of(const Result& r) {
    std::vector<Param> out;
    const Formula& f = r.formula;
    auto add = [&](const std::string& key, const std::string& label, double v, Unit u) {
        out.push_back({key, label, v, u});
    };
    static const char* phase_ids[4] = {"primary", "secondary", "middle", "all_through"};
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        const Factor& x = f.factors[k];
        const double m = r.factor_scaled.size() > k && r.factor_scaled[k] ? r.multiplier : 1.0;
        const std::string id = x.id, name = factor_label(x.id);
        switch (x.kind) {
            case FactorKind::per_pupil:
                add(id + "/primary", name + ": primary", x.rate_primary * m, Unit::money);
                add(id + "/ks3", name + ": KS3", x.rate_ks3 * m, Unit::money);
                add(id + "/ks4", name + ": KS4", x.rate_ks4 * m, Unit::money);
                break;
            case FactorKind::per_unit:
                add(id + "/primary", name + ": primary", x.rate_primary * m, Unit::money);
                add(id + "/secondary", name + ": secondary", x.rate_secondary * m, Unit::money);
                break;
            case FactorKind::banded:
                for (const auto& b : x.bands) {
                    std::string band = b.name;
                    for (char& ch : band)
                        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                    add(id + "/" + b.name + "/primary", name + ": band " + band + " primary", b.primary * m,
                        Unit::money);
                    add(id + "/" + b.name + "/secondary", name + ": band " + band + " secondary",
                        b.secondary * m, Unit::money);
                }
                break;
            case FactorKind::per_unit_above_threshold:
                add(id + "/primary", name + ": primary", x.rate_primary * m, Unit::money);
                add(id + "/secondary", name + ": secondary", x.rate_secondary * m, Unit::money);
                add(id + "/threshold", name + ": threshold", x.threshold, Unit::fraction);
                break;
            case FactorKind::lump_sum:
                for (int p = 0; p < 4; ++p)
                    if (x.lump.given[static_cast<std::size_t>(p)])
                        add(id + "/" + phase_ids[p], name + ": " + phase_label(static_cast<Phase>(p)),
                            x.lump.value[static_cast<std::size_t>(p)] * m, Unit::money);
                break;
            case FactorKind::sparsity:
                for (int p = 0; p < 4; ++p) {
                    const std::size_t q = static_cast<std::size_t>(p);
                    const std::string ph = phase_label(static_cast<Phase>(p));
                    if (x.maximum.given[q])
                        add(id + "/maximum/" + phase_ids[p], name + ": maximum, " + ph,
                            x.maximum.value[q] * m, Unit::money);
                    if (x.distance_threshold.given[q])
                        add(id + "/distance/" + phase_ids[p], name + ": distance threshold, " + ph,
                            x.distance_threshold.value[q], Unit::miles);
                    if (x.year_group_threshold.given[q])
                        add(id + "/year_group/" + phase_ids[p], name + ": year-group threshold, " + ph,
                            x.year_group_threshold.value[q], Unit::number);
                }
                break;
            case FactorKind::actual:
                break;  // passed through from the census: no rate
            case FactorKind::per_column:
                for (const auto& [col, rate] : x.column_rates)
                    add(id + "/" + col, name + ": " + factor_label(col), rate * m, Unit::money);
                break;
            case FactorKind::allocation:
                add(id + "/pot", name + ": pot", x.pot * m, Unit::money);
                break;
            case FactorKind::london_fringe:
                add(id + "/multiplier", name + ": multiplier", x.multiplier, Unit::number);
                break;
        }
    }
    if (f.mppl) {
        add("mppl/primary", "Minimum per-pupil level: primary", f.mppl->primary, Unit::money);
        add("mppl/ks3", "Minimum per-pupil level: KS3", f.mppl->ks3, Unit::money);
        add("mppl/ks4", "Minimum per-pupil level: KS4", f.mppl->ks4, Unit::money);
    }
    if (f.mfg) add("mfg/percent", "Minimum funding guarantee", f.mfg->percent, Unit::fraction);
    add("capping/cap", "Cap on gains (in force)", r.cap, Unit::fraction);
    add("capping/scaling", "Scaling of gains above the cap (in force)", r.scaling, Unit::fraction);
    if (f.budget && f.budget->solve_for == Lever::factor_multiplier)
        add("budget/k", "Factor multiplier k (solved)", r.multiplier, Unit::number);
    return out;
}

std::string param_text(double v, Unit u) {
    switch (u) {
        case Unit::money:
            return std::fabs(v - std::round(v)) < 0.005 ? pounds_whole(v) : pounds(v);
        case Unit::fraction:
            return percent_text(v, 4);
        case Unit::miles:
            return fmt("%g", v) + " miles";
        case Unit::number:
            return fmt("%.6g", v);
    }
    return "";
}

// The values in force under the options [first, last), against the reference (the baseline formula, or
// else the first option).
std::string factors_table(const Comparison& c, const std::vector<std::string>& keys,
                          const std::map<std::string, std::string>& label,
                          const std::map<std::string, Unit>& unit,
                          const std::vector<std::map<std::string, double>>& val, const std::string& ref_name,
                          std::size_t first, std::size_t last) {
    const bool has_base = c.baseline_result.has_value();
    const std::size_t ref = 0;  // the baseline formula, or else the first option
    std::string h = "<table class=\"factors\"><thead><tr><th></th>";
    if (has_base) h += "<th></th>";
    for (std::size_t k = first; k < last; ++k)
        h += "<th colspan=\"" + std::string(has_base || k > 0 ? "2" : "1") + "\" class=\"sep\">" +
             spanning_name(option_name(c.scenarios[k])) + "</th>";
    h += "</tr><tr><th>Value</th>";
    if (has_base) h += "<th class=\"n\">" + ref_name + "</th>";
    for (std::size_t k = first; k < last; ++k) {
        h += "<th class=\"n sep\">In force</th>";
        if (has_base || k > 0) h += "<th class=\"n\">vs " + ref_name + "</th>";
    }
    h += "</tr></thead><tbody>";
    for (const auto& key : keys) {
        const Unit u = unit.at(key);
        h += "<tr><th>" + html_escape(label.at(key)) + "</th>";
        auto ref_it = val[ref].find(key);
        const bool has_ref = ref_it != val[ref].end();
        if (has_base) h += td_num(has_ref ? param_text(ref_it->second, u) : "—");
        for (std::size_t k = first; k < last; ++k) {
            const std::size_t col = has_base ? k + 1 : k;
            auto it = val[col].find(key);
            const bool here = it != val[col].end();
            const bool differs =
                here != has_ref || (here && std::fabs(it->second - ref_it->second) >
                                                1e-9 * std::max(1.0, std::fabs(ref_it->second)));
            h += td_num(here ? param_text(it->second, u) : "—", differs ? "sep diff" : "sep");
            if (!has_base && k == 0) continue;
            // Rates differ in percent of the reference; percentages (MFG, cap, scaling) in points.
            std::string d = "—";
            if (!differs)
                d = "<span class=\"same\">same</span>";
            else if (key == "budget/k")
                d = "—";
            else if (here && !has_ref)
                d = "new";
            else if (!here && has_ref)
                d = "removed";
            else if (u == Unit::fraction)
                d = fmt("%+.2f", (it->second - ref_it->second) * 100) + " pts";
            else if (ref_it->second != 0)
                d = percent_text((it->second - ref_it->second) / std::fabs(ref_it->second), 2, true);
            else
                d = "was 0";
            h += td_num(d, differs ? "diff" : "");
        }
        h += "</tr>";
    }
    return h + "</tbody></table>";
}

std::string factors_section(const Comparison& c) {
    const bool has_base = c.baseline_result.has_value();
    const bool nff = baseline_is_nff(c);
    std::vector<std::vector<Param>> per;  // [0] the baseline's (if any), then each option's
    if (has_base) per.push_back(params_of(*c.baseline_result));
    for (const auto& s : c.scenarios) per.push_back(params_of(s.result));
    // Rows: every parameter of any formula, in the order first met.
    std::vector<std::string> keys;
    std::map<std::string, std::string> label;
    std::map<std::string, Unit> unit;
    std::vector<std::map<std::string, double>> val(per.size());
    for (std::size_t k = 0; k < per.size(); ++k)
        for (const auto& p : per[k]) {
            if (!label.count(p.key)) {
                keys.push_back(p.key);
                label[p.key] = p.label;
                unit[p.key] = p.unit;
            }
            val[k][p.key] = p.value;
        }
    const std::string ref_name = has_base
                                     ? (nff ? "NFF" : "Baseline")
                                     : html_escape(c.scenarios.empty() ? "" : option_name(c.scenarios[0]));
    std::string h;
    if (has_base)
        h += "<p>Each option's values in force (after balancing) against the " +
             std::string(nff ? "national funding formula's (the baseline file " : "baseline formula's (") +
             html_escape(c.baseline_result->formula.file) + "). Differences are highlighted.</p>";
    else
        h += "<p>The baseline is last year's budget shares, which have no rates: the options' values in "
             "force are shown side by side, "
             "with differences against the first option.</p>";
    // Four options to a table (each takes two columns); the option's name spans its two columns, where it
    // can wrap.
    for (const auto& [first, last] : runs_of(c.scenarios.size(), kOptionsPerFactorTable))
        h += factors_table(c, keys, label, unit, val, ref_name, first, last);
    return h;
}

// ---- 6. Every school --------------------------------------------------------------------------

// Every school under the options [first, last).
std::string schools_table(const Comparison& c, std::size_t first, std::size_t last) {
    const Census& cs = *c.census;
    const auto options = std::span(c.scenarios).subspan(first, last - first);
    std::string h =
        "<table class=\"schools\"><thead><tr><th>URN</th><th>School</th><th>Phase</th><th>Area</th><th "
        "class=\"n\">Pupils</th>"
        "<th class=\"n\">Baseline</th>";
    for (const auto& s : options)
        h += "<th colspan=\"3\" class=\"sep\">" + spanning_name(option_name(s)) + "</th>";
    h += "</tr><tr><th></th><th></th><th></th><th></th><th></th><th></th>";
    for (std::size_t k = first; k < last; ++k)
        h += "<th class=\"n sep\">Budget share</th><th class=\"n\">Change</th><th class=\"n\">%</th>";
    h += "</tr></thead><tbody>";
    double base_total = 0, nor_total = 0;
    for (std::size_t k = 0; k < cs.size; ++k) {
        const Index i = static_cast<Index>(k);
        nor_total += cs.nor[i];
        if (std::isfinite(c.baseline[i])) base_total += c.baseline[i];
        h += "<tr><td>" + std::to_string(cs.urn[k]) + "</td><td>" + html_escape(cs.name[k]) + "</td><td>" +
             phase_label(cs.phase[k]) + "</td><td>" + html_escape(cs.area[k]) + "</td>" +
             td_num(pupils_text(cs.nor[i])) +
             td_num(std::isfinite(c.baseline[i]) ? pounds_whole(c.baseline[i]) : "—");
        for (const auto& s : options) {
            const double ch = s.change[i];
            h += td_num(pounds_whole(s.result.budget_share[i]), "sep") +
                 td_num(std::isfinite(ch) ? signed_pounds_whole(ch) : "—", change_class(ch)) +
                 td_num(percent_text(s.change_pct[i], 2, true), change_class(ch));
        }
        h += "</tr>";
    }
    h += "</tbody><tfoot><tr><th>Total</th><th>" + std::to_string(cs.size) +
         " schools</th><th></th><th></th>" + td_num(pupils_text(nor_total)) +
         td_num(pounds_whole(base_total));
    for (const auto& s : options) {
        double total = 0, change = 0;
        for (Index i = 0; i < s.change.size(); ++i) {
            total += s.result.budget_share[i];
            if (std::isfinite(s.change[i])) change += s.change[i];
        }
        h += td_num(pounds_whole(total), "sep") + td_num(signed_pounds_whole(change), change_class(change)) +
             td_num(percent_text(base_total != 0 ? change / base_total : NAN, 2, true), change_class(change));
    }
    return h + "</tr></tfoot></table>";
}

// Two options to a table (three columns each): with more, the table comes in parts, each listing every
// school, rather than running off the page.
std::string schools_section(const Comparison& c) {
    const auto runs = runs_of(c.scenarios.size(), kOptionsPerSchoolTable);
    if (runs.size() == 1) return schools_table(c, runs[0].first, runs[0].second);
    std::string h = "<p class=\"note\">In " + std::to_string(runs.size()) +
                    " parts of at most two options each, so that every column fits the page; each part lists "
                    "every school.</p>";
    for (std::size_t p = 0; p < runs.size(); ++p)
        h += "<h3>Part " + std::to_string(p + 1) + " of " + std::to_string(runs.size()) + "</h3>" +
             schools_table(c, runs[p].first, runs[p].second);
    return h;
}

const char* kStyle = R"(
@page { size: A4 landscape; margin: 11mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #1b1f24; margin: 0 auto;
       max-width: 1520px; padding: 18px 24px; line-height: 1.35; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #1d4e89; }
h2 { font-size: 14pt; color: #1d4e89; border-bottom: 2px solid #1d4e89; padding-bottom: 3px; margin: 26px 0 8px; }
h3 { font-size: 11.5pt; margin: 14px 0 6px; }
p { margin: 4px 0 8px; max-width: 1100px; }
.lead { font-size: 11.5pt; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #d5dae0; vertical-align: top; text-align: left; }
thead th { background: #e8eef6; border-bottom: 2px solid #9fb3cc; font-weight: bold; }
tbody th { font-weight: normal; }
tfoot th, tfoot td { border-top: 2px solid #9fb3cc; font-weight: bold; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.n, .n.wrap { white-space: normal; }
.sep { border-left: 1px solid #9fb3cc; }
.gain { color: #1a7f37; }
.loss { color: #b42318; }
.diff { background: #fff4ce; }
.small { font-size: 8.5pt; color: #4a5561; white-space: normal; }
.file { font-size: 8.5pt; color: #4a5561; white-space: normal; max-width: 260px; overflow-wrap: anywhere; }
.files .path { overflow-wrap: anywhere; }
.options th:first-child { min-width: 230px; }
.options td { min-width: 170px; }
.grid { display: flex; flex-wrap: wrap; gap: 10px 22px; align-items: flex-end; }
.fit { width: 0; min-width: 100%; overflow-wrap: anywhere; }
.factors thead th[colspan] { min-width: 12em; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; max-width: 100%; }
figure.hist { width: 560px; }
figure.scatter { width: 470px; }
.ctitle { font-size: 13px; font-weight: bold; line-height: 1.25; margin: 0 0 4px; }
.hist .ctitle { padding-left: 8.6%; }
.scatter .ctitle { padding-left: 13.6%; }
.chart { background: #fff; display: block; max-width: 100%; height: auto; }
.chart .tick { font-size: 10px; fill: #4a5561; }
.chart .label { font-size: 11px; fill: #1b1f24; }
.chart .grid { stroke: #e3e7ec; stroke-width: 1; }
.chart .axis { stroke: #4a5561; stroke-width: 1; }
.chart .zero { stroke: #1b1f24; stroke-width: 1; stroke-dasharray: 4 3; }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin: 0 4px 0 8px; }
td.bar { padding-top: 5px; }
.schools { font-size: 9pt; }
.schools td, .schools th { padding: 2px 6px; }
.schools tbody tr:nth-child(even) { background: #f6f8fa; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
section { margin-bottom: 10px; }
.note { font-size: 9pt; color: #4a5561; }
.same { color: #8a949e; }
.schools td:nth-child(3), .schools td:nth-child(4) { white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.25; }
  section.newpage { break-before: page; page-break-before: always; }
  h2 { margin-top: 0; }
  .schools { font-size: 7.5pt; }
  .grid figure { width: 48%; }
  .options th:first-child { min-width: 210px; }
  .options td { min-width: 0; }
  .options th, .options td { padding: 2px 6px; }
  .small, .file, .note { font-size: 7.5pt; }
  h1 { font-size: 16pt; }
  .lead { font-size: 10pt; }
  .chart { width: 100%; height: auto; }
}
)";

}  // namespace

std::string report_html(const Comparison& c) {
    const Census& cs = *c.census;
    std::vector<ChangeStats> all;
    for (const auto& s : c.scenarios) all.push_back(change_stats(s, c, [](std::size_t) { return true; }));
    std::string base_desc;
    if (c.baseline_is_prior_year)
        base_desc = "last year's budget shares (the census column prior_year_budget)";
    else if (c.baseline_result)
        base_desc = html_escape(c.baseline_result->formula.name) +
                    (baseline_is_nff(c) && c.baseline_result->formula.name.find("ational funding formula") ==
                                               std::string::npos
                         ? " (the national funding formula)"
                         : "") +
                    " <span class=\"small\">" + html_escape(c.baseline_result->formula.file) + "</span>";
    else
        base_desc = html_escape(c.baseline_name);

    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Funding options compared: " +
        html_escape(c.baseline_name) + " baseline</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    h += "<header><h1>Schools funding options compared</h1>";
    h += "<p class=\"lead\">" + std::to_string(c.scenarios.size()) + " option" +
         (c.scenarios.size() == 1 ? "" : "s") + " for " + std::to_string(cs.size) + " schools (" +
         pupils_text(cs.nor.sum()) + " pupils, census <span class=\"small\">" + html_escape(cs.file) +
         "</span>), each against the baseline: " + base_desc + ".</p>";
    h += "<p class=\"note\">A school gains or loses when its budget share moves by at least a penny. Budget "
         "shares are after the minimum "
         "per-pupil level (MPPL), the minimum funding guarantee (MFG) and capping and scaling of gains, and "
         "before de-delegation. "
         "Amounts in whole pounds; headroom to the penny.</p></header>\n";
    h += "<section><h2>1. The options side by side</h2>" + options_section(c, all) + "</section>\n";
    h += "<section class=\"newpage\"><h2>2. How budgets per pupil change</h2>" + distribution_section(c) +
         "</section>\n";
    h += "<section class=\"newpage\"><h2>3. Gainers and losers by phase and by area</h2>" +
         gainers_section(c) + "</section>\n";
    h += "<section class=\"newpage\"><h2>4. Baseline against new funding per pupil</h2>" +
         scatter_section(c) + "</section>\n";
    h += "<section class=\"newpage\"><h2>5. Factor values</h2>" + factors_section(c) + "</section>\n";
    h += "<section class=\"newpage\"><h2>6. Every school</h2><p>Budget share under each option, and its "
         "change against the baseline "
         "(" +
         base_desc + ").</p>" + schools_section(c) + "</section>\n";
    h += "</body>\n</html>\n";
    return h;
}

}  // namespace fundsim
