// plan.html (reports/plan_writers.hpp; docs/multi-year.md §3): the schools block year by year, the
// protections and their cost, each school's change per pupil over the horizon and the schools that lose
// most. Self-contained; prints on A4 with the Forum report's stylesheet.
#include <algorithm>
#include <cmath>

#include "engine/run/totals.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/html/style/report_css.hpp"
#include "reports/html/svg.hpp"
#include "reports/labels.hpp"
#include "reports/plan_writers.hpp"

namespace fundsim {

namespace {

std::string td(const std::string& text) { return "<td class=\"n\">" + text + "</td>"; }

std::string years_table(const std::vector<PlanYear>& years) {
    std::string h =
        "<table><thead><tr><th>Year</th><th>Formula</th><th class=\"n\">Schools</th><th "
        "class=\"n\">Pupils</th>"
        "<th class=\"n\">Schools block</th><th class=\"n\">Budget shares</th><th class=\"n\">Headroom</th>"
        "<th>Lever</th></tr></thead><tbody>";
    for (const PlanYear& y : years) {
        const Result& r = y.result;
        const ResultTotals t = result_totals(r);
        h += "<tr><th>" + html_escape(y.year) + "</th><td>" + html_escape(r.formula->name) +
             (y.formula_uprated ? " <span class=\"small\">(uprated by the plan)</span>" : "") + "</td>" +
             td(std::to_string(t.schools)) + td(pupils_2dp(t.pupils)) +
             td(r.formula->budget ? pounds_whole(r.formula->budget->schools_block) : "–") +
             td(pounds_whole(t.budget_share)) + td(r.budget ? pounds(r.budget->headroom) : "–") + "<td>" +
             (r.budget && r.budget->lever != Lever::none
                  ? html_escape(std::string(to_string(r.budget->lever)) + " " +
                                number_text("%.6g", r.budget->lever_value))
                  : "none") +
             "</td></tr>";
    }
    return h + "</tbody></table>";
}

std::string protections_table(const std::vector<PlanYear>& years) {
    std::string h =
        "<table><thead><tr><th>Year</th><th class=\"n\">Schools on the MFG</th><th class=\"n\">MFG cost</th>"
        "<th class=\"n\">Schools capped</th><th class=\"n\">Capping deductions</th>"
        "<th class=\"n\">Schools on the MPPL</th><th class=\"n\">MPPL cost</th></tr></thead><tbody>";
    for (const PlanYear& y : years) {
        const ResultTotals t = result_totals(y.result);
        h += "<tr><th>" + html_escape(y.year) + "</th>" + td(std::to_string(t.on_mfg)) +
             td(pounds_whole(t.mfg)) + td(std::to_string(t.capped)) + td(pounds_whole(t.capping)) +
             td(std::to_string(t.on_mppl)) + td(pounds_whole(t.mppl)) + "</tr>";
    }
    return h + "</tbody></table>";
}

struct HorizonChange {
    std::int64_t urn = 0;
    std::string name, phase;
    double first_pp = 0, last_pp = 0, pct = 0;
};

// Schools open in both the first and the last year: their budget share per pupil then and now.
std::vector<HorizonChange> horizon_changes(const std::vector<PlanYear>& years) {
    std::vector<HorizonChange> out;
    const Result& a = years.front().result;
    const Result& b = years.back().result;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const long j = a.census->index_of(b.census->urn[i]);
        if (j < 0) continue;
        HorizonChange h;
        h.urn = b.census->urn[i];
        h.name = b.census->name[i];
        h.phase = phase_label(b.census->phase[i]);
        h.first_pp = a.budget_share.per_pupil[j];
        h.last_pp = b.budget_share.per_pupil[static_cast<Eigen::Index>(i)];
        h.pct = h.first_pp != 0 ? (h.last_pp - h.first_pp) / h.first_pp : 0;
        out.push_back(h);
    }
    return out;
}

std::string horizon_section(const std::vector<PlanYear>& years) {
    const std::vector<HorizonChange> ch = horizon_changes(years);
    if (ch.empty() || years.size() < 2) return "<p>The plan has one year: there is no change to show.</p>";
    ChangeValues v;
    std::vector<double> all;
    for (const HorizonChange& h : ch) {
        v.pct.push_back(h.pct * 100);
        v.same.push_back(std::fabs(h.last_pp - h.first_pp) < 0.005);
        all.push_back(h.pct * 100);
    }
    Bins b = make_bins(all);
    std::vector<int> n(static_cast<std::size_t>(b.count), 0);
    for (double x : v.pct) {
        ++n[static_cast<std::size_t>(bin_of(b, x))];
        b.below += x < b.lo;
        b.above += x >= b.lo + b.count * b.step;
    }
    const int ymax = std::max(1, *std::max_element(n.begin(), n.end()));
    const std::string title = "Budget share per pupil, " + years.front().year + " to " + years.back().year;
    std::string h =
        "<p>Each bar counts the schools open in both " + html_escape(years.front().year) + " and " +
        html_escape(years.back().year) +
        " whose budget share per pupil moves by that much over the plan (red: losing, green: gaining, "
        "grey: unchanged).</p><div class=\"grid\">" +
        chart_figure("hist", title, histogram_svg(title, v, b, ymax)) + "</div>";

    std::vector<HorizonChange> losers;
    for (const HorizonChange& c : ch)
        if (c.last_pp - c.first_pp <= -0.005) losers.push_back(c);
    if (losers.empty()) return h + "<p>No school open in both years loses per pupil over the plan.</p>";
    std::sort(losers.begin(), losers.end(), [](const HorizonChange& x, const HorizonChange& y) {
        return x.pct != y.pct ? x.pct < y.pct : x.urn < y.urn;
    });
    if (losers.size() > 20) losers.resize(20);
    h += "<h3>The schools that lose most per pupil over the plan</h3><table class=\"schools\"><thead><tr>"
         "<th>URN</th><th>School</th><th>Phase</th><th class=\"n\">Per pupil " +
         html_escape(years.front().year) + "</th><th class=\"n\">Per pupil " +
         html_escape(years.back().year) + "</th><th class=\"n\">Change</th></tr></thead><tbody>";
    for (const HorizonChange& l : losers)
        h += "<tr><td>" + std::to_string(l.urn) + "</td><td>" + html_escape(l.name) + "</td><td>" +
             html_escape(l.phase) + "</td>" + td(pounds(l.first_pp)) + td(pounds(l.last_pp)) +
             "<td class=\"n " + (l.pct < 0 ? "loss" : "gain") + "\">" + percent_text(l.pct, 2, true) +
             "</td></tr>";
    return h + "</tbody></table>";
}

// The DSG reserve by block and year (docs/multi-year.md §3), when the plan starts from a budget file: each
// block's closing balance, and the total's year from opening to closing.
std::string dsg_section(const std::vector<PlanYear>& years) {
    std::string h =
        "<p>Each block's DSG balance at the end of the year (surplus +, deficit −), as each year's dsg.csv "
        "gives it; the next year opens with it. Balances clawed back from schools at a year's end open the "
        "next year in the schools block, whose formula spends them.</p><table><thead><tr><th>Year</th>"
        "<th class=\"n\">Opening</th>";
    for (std::size_t k = 0; k < 4; ++k) h += "<th class=\"n\">" + html_escape(block_label(k)) + "</th>";
    h += "<th class=\"n\">Closing (all blocks)</th><th class=\"n\">Clawed back</th></tr></thead><tbody>";
    for (const PlanYear& y : years) {
        if (!y.budget) continue;
        const DsgPosition& d = y.budget->dsg;
        h += "<tr><th>" + html_escape(y.year) + "</th>" + td(pounds(d.total.opening));
        for (const DsgRow& r : d.rows)
            h += "<td class=\"n" + std::string(r.closing < 0 ? " loss" : "") + "\" data-block=\"" +
                 html_escape(r.block) + "\" data-year=\"" + html_escape(y.year) + "\">" + pounds(r.closing) +
                 "</td>";
        h += td(pounds(d.total.closing)) + td(pounds(y.budget->balance_clawback)) + "</tr>";
    }
    return h + "</tbody></table>";
}

}  // namespace

std::string plan_html(const PlanFile& plan, const std::vector<PlanYear>& years) {
    std::string h = html_page_head("Plan: " + html_escape(plan.name), kReportCss);
    h += "<h1>" + html_escape(plan.name) + "</h1><p class=\"lead\">The schools block from " +
         html_escape(years.front().year) + " to " + html_escape(years.back().year) +
         ": each year's census projected from the year before, each school's minimum funding guarantee "
         "measured against its own budget share of the year before.</p>";
    h += "<section><h2>The schools block by year</h2>" + years_table(years) + "</section>";
    h += "<section><h2>Protections by year, and their cost</h2>" + protections_table(years) + "</section>";
    if (years.front().budget)
        h += "<section><h2>The DSG reserve by block and year</h2>" + dsg_section(years) + "</section>";
    h += "<section class=\"newpage\"><h2>Each school's change over the plan</h2>" + horizon_section(years) +
         "</section>";
    return h + html_page_end();
}

std::string plans_side_by_side_html(const std::vector<PlanRun>& runs) {
    std::string h = html_page_head("Plans compared", kReportCss);
    h += "<h1>Plans compared</h1><p class=\"lead\">" + std::to_string(runs.size()) +
         " plans of the same LA, year by year; differences are against the first, \"" +
         html_escape(runs.front().plan.name) + "\".</p>";
    h +=
        "<section><h2>The schools block and its protections, side by side</h2><table><thead><tr><th>Year</th>"
        "<th>Plan</th><th class=\"n\">Pupils</th><th class=\"n\">Budget shares</th>"
        "<th class=\"n\">Difference</th><th class=\"n\">Schools on the MFG</th><th class=\"n\">MFG cost</th>"
        "<th class=\"n\">Schools capped</th><th class=\"n\">Capping deductions</th>"
        "<th class=\"n\">Schools gaining</th><th class=\"n\">Schools losing</th></tr></thead><tbody>";
    const PlanRun& first = runs.front();
    for (std::size_t t = 0; t < first.years.size(); ++t)
        for (const PlanRun& run : runs) {
            if (t >= run.years.size()) continue;
            const Result& r = run.years[t].result;
            const Result& b = first.years[t].result;
            const ResultTotals tr = result_totals(r), tb = result_totals(b);
            std::size_t gaining = 0, losing = 0;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const long j = b.census->index_of(r.census->urn[i]);
                if (j < 0) continue;
                const double d =
                    r.budget_share.amount[static_cast<Eigen::Index>(i)] - b.budget_share.amount[j];
                gaining += is_gain(d);
                losing += is_loss(d);
            }
            const bool is_first = &run == &first;
            h += "<tr><th>" + html_escape(run.years[t].year) + "</th><td>" + html_escape(run.plan.name) +
                 "</td>" + td(pupils_2dp(tr.pupils)) + td(pounds_whole(tr.budget_share)) +
                 td(is_first ? "–" : signed_pounds_whole(tr.budget_share - tb.budget_share)) +
                 td(std::to_string(tr.on_mfg)) + td(pounds_whole(tr.mfg)) + td(std::to_string(tr.capped)) +
                 td(pounds_whole(tr.capping)) + td(is_first ? "–" : std::to_string(gaining)) +
                 td(is_first ? "–" : std::to_string(losing)) + "</tr>";
        }
    h += "</tbody></table></section><section><h2>Each plan on its own</h2><ul>";
    for (const PlanRun& run : runs)
        h += "<li><a href=\"" + html_escape(run.folder) + "/plan.html\">" + html_escape(run.plan.name) +
             "</a></li>";
    return h + "</ul></section>" + html_page_end();
}

}  // namespace fundsim
