// report.html: the Schools Forum paper built from a Comparison. Everything is inline (CSS in <style>,
// charts as <svg> drawn by reports/html/svg.cpp) so that the file opens offline, can be emailed, and
// prints on A4 landscape. Its six sections, in order, each from its own function below.
#include "reports/html/forum_report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <span>

#include "reports/format.hpp"
#include "reports/html/forum_parts.hpp"
#include "reports/html/html.hpp"
#include "reports/html/params.hpp"
#include "reports/html/style/report_css.hpp"
#include "reports/html/svg.hpp"
#include "reports/labels.hpp"

namespace fundsim {
namespace {

using Eigen::Index;
using namespace forum;

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
        base_formula ? file_cell(c.baseline_result->formula->file)
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
    // Headroom is under £1 when a lever is solved (docs/funding-model.md §5): shown to the penny.
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
                   base_formula ? c.baseline_result->mfg.topup : Eigen::ArrayXd()),
        [&](std::size_t k) { return protected_cell(all[k].on_mfg, all[k].mfg_total); });
    row("Schools capped (total deducted)",
        base_count([](const Result& r, std::size_t i) { return r.capped(i); },
                   base_formula ? c.baseline_result->capping.deduction : Eigen::ArrayXd()),
        [&](std::size_t k) { return protected_cell(all[k].capped, all[k].capping_total); });
    row("Schools on the MPPL (its cost)",
        base_count([](const Result& r, std::size_t i) { return r.on_mppl(i); },
                   base_formula ? c.baseline_result->mppl.topup : Eigen::ArrayXd()),
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
    if (c.baseline_result) paths.emplace_back(baseline_heading(c), c.baseline_result->formula->file);
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

std::string distribution_section(const Comparison& c) {
    std::vector<ChangeValues> values(c.scenarios.size());
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
             td_num(std::to_string(st.unchanged)) + "<td class=\"bar\">" +
             stacked_bar_svg(st.gaining, st.unchanged, st.losing) + "</td>" +
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

// Each school with a baseline and pupils: baseline per pupil across, this option's per pupil up.
std::vector<ScatterPoint> scatter_points(const Comparison& c, const ScenarioResult& s) {
    const Census& cs = *c.census;
    std::vector<ScatterPoint> points;
    for (std::size_t k = 0; k < cs.size; ++k) {
        const Index i = static_cast<Index>(k);
        if (!std::isfinite(c.baseline[i]) || cs.nor[i] <= 0) continue;
        const double x = c.baseline[i] / cs.nor[i], y = s.result.budget_share.amount[i] / cs.nor[i];
        points.push_back({x, y, phase_colour(cs.phase[k]),
                          std::to_string(cs.urn[k]) + " " + html_escape(cs.name[k]) + ": " + pounds_whole(x) +
                              " to " + pounds_whole(y) + " per pupil"});
    }
    return points;
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
            lo = std::min(lo, s.result.budget_share.amount[i] / cs.nor[i]);
            hi = std::max(hi, s.result.budget_share.amount[i] / cs.nor[i]);
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
        h += chart_figure("scatter", option_name(s),
                          scatter_svg(option_name(s), scatter_points(c, s), lo, hi, step));
    return h + "</div>";
}

// ---- 5. Factor values against the baseline's ---------------------------------------------------

// The values in force under the options [first, last), against the reference (the baseline formula, or
// else the first option).
std::string factors_table(const Comparison& c, const std::vector<std::string>& keys,
                          const std::map<std::string, std::string>& label,
                          const std::map<std::string, ParamUnit>& unit,
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
        const ParamUnit u = unit.at(key);
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
            else if (u == ParamUnit::fraction)
                d = number_text("%+.2f", (it->second - ref_it->second) * 100) + " pts";
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
    std::map<std::string, ParamUnit> unit;
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
             html_escape(c.baseline_result->formula->file) + "). Differences are highlighted.</p>";
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
            h += td_num(pounds_whole(s.result.budget_share.amount[i]), "sep") +
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
            total += s.result.budget_share.amount[i];
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

}  // namespace

std::string report_html(const Comparison& c) {
    const Census& cs = *c.census;
    std::vector<ChangeStats> all;
    for (const auto& s : c.scenarios) all.push_back(change_stats(s, c, [](std::size_t) { return true; }));
    std::string base_desc;
    if (c.baseline_is_prior_year)
        base_desc = "last year's budget shares (the census column prior_year_budget)";
    else if (c.baseline_result)
        base_desc = html_escape(c.baseline_result->formula->name) +
                    (baseline_is_nff(c) && c.baseline_result->formula->name.find("ational funding formula") ==
                                               std::string::npos
                         ? " (the national funding formula)"
                         : "") +
                    " <span class=\"small\">" + html_escape(c.baseline_result->formula->file) + "</span>";
    else
        base_desc = html_escape(c.baseline_name);

    std::string h =
        html_page_head("Funding options compared: " + html_escape(c.baseline_name) + " baseline", kReportCss,
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
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
    h += html_page_end();
    return h;
}

}  // namespace fundsim
