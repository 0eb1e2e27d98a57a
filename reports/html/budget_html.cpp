// budget.html: the LA budget statement page (reports/html/budget_html.hpp). The CSS is statement.css and
// budget.css, written inline.
#include "reports/html/budget_html.hpp"

#include "engine/core/money.hpp"
#include "reports/budget_writers.hpp"
#include "reports/format.hpp"
#include "reports/html/budget_block_sections.hpp"
#include "reports/html/html.hpp"
#include "reports/html/style/budget_css.hpp"
#include "reports/html/style/statement_css.hpp"
#include "reports/labels.hpp"

namespace fundsim {

namespace {

std::string dsg_table(const LaBudget& b) {
    static const char* cols[] = {"opening",       "allocation", "import_export", "deductions", "transfers_in",
                                 "transfers_out", "recoupment", "spend",         "in_year",    "closing"};
    static const char* heads[] = {"Opening reserve", "Allocation",     "Import/ export", "Deductions",
                                  "Transfers in",    "Transfers out",  "Recoupment",     "Spend",
                                  "In year",         "Closing reserve"};
    std::string h = "<table class=\"dsg\"><thead><tr><th>Block</th>";
    for (const char* hd : heads) h += std::string("<th>") + hd + "</th>";
    h += "</tr></thead><tbody>";
    auto row = [&](const DsgRow& r, const std::string& label, bool total) {
        h += std::string("<tr") + (total ? " class=\"total\"" : "") + " data-block=\"" + r.block + "\"><td>" +
             html_escape(label) + "</td>";
        const double v[] = {r.opening,       r.allocation, r.import_export, r.deductions, r.transfers_in,
                            r.transfers_out, r.recoupment, r.spend,         r.in_year,    r.closing};
        for (int k = 0; k < 10; ++k)
            h += budget_amount_td(v[k], std::string(" data-col=\"") + cols[k] + "\"");
        h += "</tr>";
    };
    for (std::size_t k = 0; k < b.dsg.rows.size(); ++k) row(b.dsg.rows[k], block_label(k), false);
    row(b.dsg.total, "Dedicated Schools Grant", true);
    return h + "</tbody></table>";
}

std::string s251_table(const LaBudget& b) {
    std::string h = "<table class=\"lines\"><tbody>";
    for (const auto& l : b.s251.lines) {
        const bool total = l.id == "total";
        const bool memo = l.id == "recoupment";
        h += std::string("<tr class=\"") +
             (total  ? "total"
              : memo ? "info"
                     : "part") +
             "\" data-line=\"" + html_escape(l.block + "/" + l.id) + "\"><td class=\"c1\">" +
             html_escape(l.label) +
             (l.count > 0 ? " (" + std::to_string(l.count) + (l.count == 1 ? " school)" : " schools)") : "") +
             "</td>" + budget_amount_td(l.amount) + "</tr>";
    }
    return h + "</tbody></table>";
}

}  // namespace

std::string budget_html(const LaBudget& b, const Census& census) {
    std::string css(kStatementCss);
    css += kBudgetCss;
    std::string h = html_page_head(html_escape(b.name) + " (" + html_escape(b.year) + ")", css);
    h += "<header><div class=\"la\">" +
         (b.la ? "Local authority " + std::to_string(b.la) + " · " : std::string()) +
         "Dedicated Schools Grant</div><h1>Schools Budget statement " + html_escape(b.year) +
         "</h1><p class=\"school\">" + html_escape(b.name) + "</p>" +
         (b.source.empty() ? "" : "<p class=\"sub\">" + html_escape(b.source) + "</p>") + "</header>\n";
    const std::vector<std::string> words = flag_words(b, census);
    h += "<section><h2>For the Schools Forum's attention</h2>";
    if (words.empty()) {
        h += "<p class=\"ok\">Nothing needs the Forum's particular attention: no transfer needs the "
             "Secretary of "
             "State's approval, and no block ends the year in deficit.</p>";
    } else {
        h += "<ul class=\"flags\">";
        for (const auto& w : words) h += "<li>" + html_escape(w) + "</li>";
        h += "</ul>";
    }
    h += "</section>\n<section><h2>The four blocks and the DSG reserve</h2><p class=\"note\">In year = "
         "allocation + "
         "import/export + transfers in − transfers out − deductions − recoupment − spend; closing reserve = "
         "opening + in year. A surplus is positive, a deficit negative.</p>" +
         dsg_table(b) + "</section>\n";
    h += "<section><h2>Delegation rate</h2><p><span class=\"rate\" id=\"delegation-rate\">" +
         percent_text(b.s251.delegation_rate) + "</span> of the Schools Budget (" +
         pounds(b.s251.schools_budget) +
         ", net of academy recoupment) is delegated to maintained schools' budgets (" + pounds(b.s251.isb) +
         ").</p></section>\n";
    h += "<section class=\"long\"><h2>Budget statement (section 251)</h2>" + s251_table(b) + "</section>\n";
    h += high_needs_section_html(b.blocks[2]) + early_years_section_html(b.blocks[3]);
    if (!b.transfers.lines.empty()) {
        h += "<section><h2>Deductions from the schools block</h2><table class=\"lines\"><tbody>";
        for (const auto& t : b.transfers.lines)
            h += "<tr class=\"part\"><td class=\"c1\">" + html_escape(t.id) + ": " +
                 (t.to == "schools" ? std::string("kept in the schools block")
                                    : "transfer to the " + t.to + " block") +
                 (t.to == "schools" ? ""
                  : t.forum_agreed  ? " (agreed by the Forum)"
                                    : " (not agreed by the Forum)") +
                 "</td>" + budget_amount_td(t.amount) + "</tr>";
        h += "</tbody></table></section>\n";
    }
    if (b.has_conversions) {
        h += "<section><h2>Schools converting to academies in the year</h2><p class=\"note\">The LA funds a "
             "school "
             "while it is maintained; the DfE recoups the academy's part of the year.</p><table "
             "class=\"lines\"><tbody>";
        for (const auto& c : b.conversions) {
            const std::size_t s = c.row.school;
            h += "<tr class=\"item\"><td class=\"c1\">" + html_escape(census.name[s]) + " (" +
                 std::to_string(census.urn[s]) + "), " + to_string(c.row.route) + "</td>" +
                 budget_amount_td(c.budget_share) +
                 "</tr><tr class=\"part\"><td>Maintained part, paid by the LA</td>" +
                 budget_amount_td(c.la_part) + "</tr><tr class=\"part\"><td>Academy part, recouped</td>" +
                 budget_amount_td(c.academy_part) + "</tr>";
        }
        h += "</tbody></table></section>\n";
    }
    if (b.has_balances) {
        h += "<section><h2>Balance clawback</h2><p>Surplus balances clawed back: " +
             pounds(b.balance_clawback) +
             ", returned to the schools block for next year.</p><table class=\"lines\"><tbody>";
        for (const auto& bo : b.balances)
            if (bo.clawback > 0)
                h += "<tr class=\"part\"><td class=\"c1\">" + html_escape(census.name[bo.row.school]) + " (" +
                     std::to_string(census.urn[bo.row.school]) + ")</td>" + budget_amount_td(bo.clawback) +
                     "</tr>";
        h += "</tbody></table></section>\n";
    }
    return h + html_page_end();
}

}  // namespace fundsim
