// Early years provider statements (docs/early-years.md §3): one printable page per provider, hours by term
// and entitlement group, each line's rate and amount as the engine rounded it, and an index page. The page
// shell and the statement stylesheet are the school statements' (reports/html/html.hpp, statement.css).
#include <cctype>

#include "reports/early_years_writers.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/html/style/statement_css.hpp"

namespace fundsim {

namespace {

constexpr const char* kGroupLabels[] = {"Under-2s (working parents)", "2-year-olds",
                                        "3- and 4-year-olds (universal and additional hours)"};
constexpr const char* kTermLabels[] = {"Summer (April-August)", "Autumn (September-December)",
                                       "Spring (January-March)"};
constexpr const char* kTypeLabels[] = {"Maintained nursery school", "School nursery class", "PVI setting",
                                       "Childminder"};

std::string money_cell(std::int64_t pennies) {
    return std::string("<td class=\"n c4") + (pennies < 0 ? " neg" : "") + "\">" +
           pounds(static_cast<double>(pennies) / 100.0) + "</td>";
}

std::string line_row(const char* kind, const std::string& label, const std::string& rate,
                     const std::string& units, std::int64_t pennies) {
    return std::string("<tr class=\"") + kind + "\"><td class=\"c1\">" + html_escape(label) +
           "</td><td class=\"n c2\">" + html_escape(rate) + "</td><td class=\"n c3\">" + html_escape(units) +
           "</td>" + money_cell(pennies) + "</tr>";
}

std::string rate_text(double pounds_per_unit) { return number_text("£%.3f", pounds_per_unit); }

std::string header(const EyResult& r, const std::string& title, const std::string& who) {
    return "<header><div class=\"la\">Early years block" +
           (r.formula.year.empty() ? std::string() : " " + html_escape(r.formula.year)) + "</div><h1>" +
           html_escape(title) + "</h1>" +
           (who.empty() ? "" : "<p class=\"school\">" + html_escape(who) + "</p>") + "<p class=\"sub\">" +
           html_escape(r.formula.name) + "</p></header>\n";
}

}  // namespace

std::string ey_statement_file(const EyResult& r, std::size_t provider) {
    std::string name;
    for (char c : r.providers.id[provider])
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    // Row numbers keep two ids that differ only in other characters apart.
    return std::to_string(provider + 1) + "-" + name + ".html";
}

std::string ey_statement_html(const EyResult& r, std::size_t provider) {
    const EyProviders& pr = r.providers;
    const EyFormula& f = r.formula;
    const EyPayment& year = r.providers_year[provider];
    std::string h =
        html_page_head("Early years funding statement: " + html_escape(pr.name[provider]), kStatementCss);
    h += header(r, "Early years funding statement", pr.name[provider]);
    h += "<section><h2>Provider details</h2><table class=\"details\"><tbody><tr><td "
         "class=\"k\">Provider</td><td>" +
         html_escape(pr.id[provider]) + "</td><td class=\"k\">Type</td><td>" +
         kTypeLabels[static_cast<std::size_t>(pr.type[provider])] +
         "</td></tr><tr><td class=\"k\">Area</td><td>" + html_escape(pr.area[provider]) +
         "</td><td class=\"k\">Year</td><td>" + html_escape(f.year) +
         "</td></tr></tbody></table></section>\n";

    h += "<section><h2>Funded hours taken, by term</h2><table class=\"lines\"><thead><tr><th "
         "class=\"c1\">Term</th>"
         "<th class=\"n c2\">Under-2s</th><th class=\"n c3\">2-year-olds</th><th class=\"n c4\">3- and "
         "4-year-olds</th>"
         "</tr></thead><tbody>";
    for (const EyPayment& t : r.terms) {
        if (t.provider != provider) continue;
        h += "<tr class=\"part\"><td class=\"c1\">" +
             std::string(kTermLabels[static_cast<std::size_t>(t.term)]) + "</td><td class=\"n c2\">" +
             pupils_text(t.hours[0]) + "</td><td class=\"n c3\">" + pupils_text(t.hours[1]) +
             "</td><td class=\"n c4\">" + pupils_text(t.hours[2]) + "</td></tr>";
    }
    h += "<tr class=\"total\"><td class=\"c1\">Year</td><td class=\"n c2\">" + pupils_text(year.hours[0]) +
         "</td><td class=\"n c3\">" + pupils_text(year.hours[1]) + "</td><td class=\"n c4\">" +
         pupils_text(year.hours[2]) + "</td></tr></tbody></table></section>\n";

    // The year's lines: each is the sum of the termly lines the engine rounded (payments.csv).
    h +=
        "<section><h2>Funding for the year</h2><p class=\"note\">Each line is paid term by term and rounded "
        "to the "
        "penny each term; the year is the sum of the terms.</p><table class=\"lines\"><thead><tr><th "
        "class=\"c1\"></th><th class=\"n c2\">Rate</th><th class=\"n c3\">Hours / children</th><th class=\"n "
        "c4\">Amount</th></tr></thead><tbody>";
    const double paid_rate[kEyGroups] = {f.base_rate[0], f.base_rate[1], r.three_four_rate};
    for (std::size_t g = 0; g < kEyGroups; ++g)
        if (year.hours[g] > 0)
            h += line_row("item", std::string("Base rate: ") + kGroupLabels[g],
                          rate_text(paid_rate[g]) + " / h", pupils_text(year.hours[g]) + " h", year.base[g]);
    for (std::size_t s = 0; s < f.supplements.size(); ++s) {
        const EySupplement& sup = f.supplements[s];
        if (year.supplement_total(s) == 0) continue;
        h += line_row(
            "item", "Supplement: " + sup.id + (sup.per_provider ? " (once a year)" : ""),
            sup.per_provider ? rate_text(sup.rate) + " × " + sup.column : rate_text(sup.rate) + " / h", "",
            year.supplement_total(s));
    }
    if (year.nursery_school_supp != 0)
        h += line_row("item", "Nursery school supplement (3- and 4-year-old hours)",
                      rate_text(f.nursery_school_supplement) + " / h", pupils_text(year.hours[2]) + " h",
                      year.nursery_school_supp);
    if (f.eypp)
        h += line_row(
            "item",
            "Early years pupil premium (up to " + pupils_text(f.eypp->max_hours_per_week) + " h a week)",
            rate_text(f.eypp->rate) + " / h", "", year.eypp);
    if (f.daf_rate)
        h += line_row("item", "Disability access fund", pounds(*f.daf_rate) + " / child", "", year.daf);
    h += "<tr class=\"total\"><td colspan=\"3\">Total for the year</td>" + money_cell(year.total()) + "</tr>";
    h += "</tbody></table></section>\n";
    h += html_page_end();
    return h;
}

std::string ey_statements_index_html(const EyResult& r) {
    const EyProviders& pr = r.providers;
    std::string h = html_page_head("Early years funding statements",
                                   std::string(kStatementCss) + "body { max-width: 1200px; }");
    h += header(r, "Early years funding statements", "");
    h += "<table class=\"index\"><thead><tr><th>Provider</th><th>Name</th><th>Type</th><th>Area</th><th "
         "class=\"n\">Hours</th><th class=\"n\">EYPP</th><th class=\"n\">DAF</th><th "
         "class=\"n\">Total</th></tr></"
         "thead><tbody>";
    for (std::size_t p = 0; p < pr.size(); ++p) {
        const EyPayment& y = r.providers_year[p];
        const std::string link = "<a href=\"" + html_escape(ey_statement_file(r, p)) + "\">";
        h += "<tr><td>" + link + html_escape(pr.id[p]) + "</a></td><td>" + link + html_escape(pr.name[p]) +
             "</a></td><td>" + kTypeLabels[static_cast<std::size_t>(pr.type[p])] + "</td><td>" +
             html_escape(pr.area[p]) + "</td><td class=\"n\">" +
             pupils_text(y.hours[0] + y.hours[1] + y.hours[2]) + "</td><td class=\"n\">" +
             pounds(static_cast<double>(y.eypp) / 100.0) + "</td><td class=\"n\">" +
             pounds(static_cast<double>(y.daf) / 100.0) + "</td><td class=\"n\">" +
             pounds(static_cast<double>(y.total()) / 100.0) + "</td></tr>";
    }
    h += "</tbody><tfoot><tr><td>Total</td><td>" + std::to_string(pr.size()) +
         " providers</td><td></td><td></td><td class=\"n\">" +
         pupils_text(r.totals.hours[0] + r.totals.hours[1] + r.totals.hours[2]) + "</td><td class=\"n\">" +
         pounds(static_cast<double>(r.totals.eypp) / 100.0) + "</td><td class=\"n\">" +
         pounds(static_cast<double>(r.totals.daf) / 100.0) + "</td><td class=\"n\">" +
         pounds(static_cast<double>(r.totals.total()) / 100.0) + "</td></tr></tfoot></table>\n" +
         html_page_end();
    return h;
}

}  // namespace fundsim
