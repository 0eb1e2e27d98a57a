// The budget statements as HTML: one printable A4 page per school from its Statement (the lines as laid
// out, negative amounts in red), and the index page linking them all. The CSS is
// reports/html/style/statement.css, written inline.
#include "reports/html/statement_html.hpp"

#include <cmath>

#include "engine/core/money.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/html/style/statement_css.hpp"
#include "reports/labels.hpp"

namespace fundsim {

using Kind = StatementLine::Kind;
using Eigen::Index;

std::string statement_amount(double v) { return pounds(v); }

namespace {

std::string amount_cell(double v) {
    return std::string("<td class=\"n c4") + (whole_pennies(v) < 0 ? " neg" : "") + "\">" +
           statement_amount(v) + "</td>";
}

}  // namespace

std::string statement_html(const Statement& st) {
    std::string h = html_page_head(
        html_escape(st.title) + ": " + html_escape(st.name) + " (" + std::to_string(st.urn) + ")",
        kStatementCss);
    std::string la;
    for (const auto& [k, v] : st.details)
        if (k == "Local authority") la = "Local authority " + v + " · ";
    h += "<header><div class=\"la\">" + html_escape(la + st.block) + "</div><h1>" + html_escape(st.title) +
         "</h1><p class=\"school\">" + html_escape(st.name) + "</p><p class=\"sub\">" +
         html_escape(st.subtitle) + "</p></header>\n";
    h += "<section><h2>" + html_escape(st.details_title) + "</h2><table class=\"details\"><tbody>";
    for (std::size_t k = 0; k < st.details.size(); k += 2) {
        h += "<tr><td class=\"k\">" + html_escape(st.details[k].first) + "</td><td>" +
             html_escape(st.details[k].second) + "</td>";
        if (k + 1 < st.details.size())
            h += "<td class=\"k\">" + html_escape(st.details[k + 1].first) + "</td><td>" +
                 html_escape(st.details[k + 1].second) + "</td>";
        else
            h += "<td></td><td></td>";
        h += "</tr>";
    }
    h += "</tbody></table></section>\n";
    for (const auto& sec : st.sections) {
        h += std::string("<section") + (sec.lines.size() > 40 ? " class=\"long\"" : "") + "><h2>" +
             html_escape(sec.title) + "</h2>";
        if (!sec.note.empty()) h += "<p class=\"note\">" + html_escape(sec.note) + "</p>";
        h += "<table class=\"lines\">";
        if (sec.adds_up && sec.lines.size() > 2)
            h += "<thead><tr><th class=\"c1\"></th><th class=\"n c2\">Unit value</th><th class=\"n "
                 "c3\">Pupils / units</th><th class=\"n c4\">Amount</th></tr></thead>";
        h += "<tbody>";
        for (const auto& l : sec.lines) {
            switch (l.kind) {
                case Kind::item:
                case Kind::part:
                    h += std::string("<tr class=\"") + (l.kind == Kind::item ? "item" : "part") +
                         "\"><td class=\"c1\">" + html_escape(l.label) + "</td><td class=\"n c2\">" +
                         html_escape(l.rate) + "</td><td class=\"n c3\">" + html_escape(l.count) + "</td>" +
                         amount_cell(l.amount) + "</tr>";
                    break;
                case Kind::info:
                    h += "<tr class=\"info\"><td class=\"c1\"" +
                         std::string(l.value.empty() ? " colspan=\"4\"" : " colspan=\"2\"") + ">" +
                         html_escape(l.label) + "</td>" +
                         (l.value.empty()
                              ? ""
                              : "<td class=\"n\" colspan=\"2\">" + html_escape(l.value) + "</td>") +
                         "</tr>";
                    break;
                case Kind::total:
                    h += "<tr class=\"total\"><td colspan=\"3\">" + html_escape(l.label) + "</td>" +
                         amount_cell(l.amount) + "</tr>";
                    break;
            }
        }
        h += "</tbody></table></section>\n";
    }
    h += html_page_end();
    return h;
}

std::string statements_index_html(const Result& r, const std::vector<std::size_t>& schools,
                                  const StatementChange* change) {
    const Census& c = *r.census;
    const bool with_change = change && change->baseline && change->option;
    // The index is a wide table: the statements' stylesheet, on a wider page in landscape.
    std::string h = html_page_head(
        "School budget statements" + (r.formula->year.empty() ? "" : " " + html_escape(r.formula->year)),
        std::string(kStatementCss) + "body { max-width: 1200px; } @page { size: A4 landscape; }");
    h += "<header><div class=\"la\">Schools block budget</div><h1>School budget statements" +
         (r.formula->year.empty() ? "" : " " + html_escape(r.formula->year)) + "</h1><p class=\"sub\">" +
         html_escape(r.formula->name) + " · " + std::to_string(schools.size()) + " statement" +
         (schools.size() == 1 ? "" : "s") +
         (with_change ? " · change against " + html_escape(change->against) : "") + "</p></header>\n";
    h += "<table "
         "class=\"index\"><thead><tr><th>URN</th><th>School</th><th>Phase</th><th>Status</th><th>Area</"
         "th><th class=\"n\">Pupils</th>"
         "<th class=\"n\">Budget share</th><th class=\"n\">Per pupil</th>";
    if (with_change) h += "<th class=\"n\">Change</th><th class=\"n\">Change %</th>";
    h += "</tr></thead><tbody>";
    double total = 0, pupils = 0, changed = 0;
    for (std::size_t s : schools) {
        const Index i = static_cast<Index>(s);
        total += r.budget_share.amount[i];
        pupils += c.nor[i];
        const std::string urn = std::to_string(c.urn[s]);
        h += "<tr><td><a href=\"" + urn + ".html\">" + urn + "</a></td><td><a href=\"" + urn + ".html\">" +
             html_escape(c.name[s]) + "</a></td><td>" + phase_label(c.phase[s]) + "</td><td>" +
             status_label(c.status[s]) + "</td><td>" + html_escape(c.area[s]) + "</td><td class=\"n\">" +
             count(c.nor[i]) + "</td><td class=\"n\">" + pounds(r.budget_share.amount[i]) +
             "</td><td class=\"n\">" + pounds(r.budget_share.per_pupil[i]) + "</td>";
        if (with_change) {
            const double ch = change->option->change[i];
            if (std::isfinite(ch)) changed += ch;
            const std::string cls =
                std::string("n") + (std::isfinite(ch) && whole_pennies(ch) < 0 ? " neg" : "");
            h += "<td class=\"" + cls + "\">" +
                 (std::isfinite(ch) ? (whole_pennies(ch) > 0 ? "+" : "") + pounds(ch) : "—") +
                 "</td><td class=\"" + cls + "\">" + percent_text(change->option->change_pct[i], 2, true) +
                 "</td>";
        }
        h += "</tr>";
    }
    h += "</tbody><tfoot><tr><td>Total</td><td>" + std::to_string(schools.size()) +
         " schools</td><td></td><td></td><td></td><td class=\"n\">" + count(pupils) +
         "</td><td class=\"n\">" + pounds(total) + "</td><td></td>";
    if (with_change)
        h += "<td class=\"n\">" + std::string(whole_pennies(changed) > 0 ? "+" : "") + pounds(changed) +
             "</td><td></td>";
    h += "</tr></tfoot></table>\n" + html_page_end();
    return h;
}

}  // namespace fundsim
