// High needs provider statements: each provider's lines as the engine computed them, laid out in sections
// that add up to the penny, and drawn by statement_html (the school statements' page and style).
#include "reports/html/hn_statement.hpp"

#include <stdexcept>

#include "engine/core/money.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/html/statement_html.hpp"
#include "reports/html/style/statement_css.hpp"

namespace fundsim {

using Kind = StatementLine::Kind;

namespace {

const char* setting_label(hn::Setting s) {
    switch (s) {
        case hn::Setting::special:
            return "Special school";
        case hn::Setting::ap:
            return "Alternative provision / PRU";
        case hn::Setting::sen_unit:
            return "SEN unit";
        case hn::Setting::resourced_provision:
            return "Resourced provision";
        case hn::Setting::fe:
            return "Further education";
        case hn::Setting::independent:
            return "Independent school";
        case hn::Setting::mainstream:
            return "Mainstream school (top-ups)";
    }
    return "?";
}

}  // namespace

Statement hn_statement(const hn::HnResult& r, std::size_t k) {
    const hn::HnFormula& f = *r.formula;
    const hn::Provider& p = r.providers->rows[k];
    const hn::ProviderLine& l = r.provider_lines[k];
    const bool by_months = f.proration == hn::Proration::months;
    Statement st;
    st.urn = p.urn;
    st.name = p.name;
    st.title = "High needs funding statement " + f.year;
    st.subtitle = f.name + " · financial year " + hn::iso_date(f.fy.start) + " to " + hn::iso_date(f.fy.end);
    st.block = "High needs block";
    st.details_title = "Provider details";
    st.details = {
        {"URN", std::to_string(p.urn)},
        {"Setting", setting_label(p.setting)},
        {"Provider's LA", p.la},
        {"Place funding paid by", p.funded_by == hn::FundedBy::la ? "the LA" : "the DfE (deducted)"},
        {"Places to August", count(p.places_before)},
        {"Places from September", count(p.places_after)},
        {"Placements", std::to_string(l.placements)},
        {"Pupils (FTE)", pupils_text(l.pupils_fte)}};

    if (hn::has_place_funding(p.setting)) {
        StatementSection s;
        s.title = "Place funding";
        s.note =
            "Places for the academic year to August count for 5/12 of the financial year, places from "
            "September for 7/12 (docs/high-needs.md §2)." +
            std::string(p.funded_by == hn::FundedBy::dfe
                            ? " The DfE pays these places directly and deducts them from the LA's "
                              "allocation: they are not paid by the LA."
                            : "");
        const auto& rate = f.place_rates[hn::index_of(p.setting)];
        s.lines.push_back(statement::line(
            Kind::item,
            "Places: " + count(p.places_before) + " × 5/12 + " + count(p.places_after) + " × 7/12",
            l.place_funding, rate ? statement_amount(*rate) : "", ""));
        s.lines.push_back(statement::line(Kind::total, "Place funding", l.place_funding));
        st.sections.push_back(s);
    }

    StatementSection t;
    t.title = "Top-ups by band";
    t.note =
        std::string("Each placement's annual top-up × FTE × the share of the year on roll, by ") +
        (by_months ? "months (a month counts when the pupil is on roll on its 1st, or started in it by the "
                     "15th)"
                   : "days (both ends included)") +
        "; pupils and " + (by_months ? "FTE months" : "FTE days") + " on roll in the year.";
    for (const auto& b : l.bands)
        t.lines.push_back(statement::line(Kind::item, b.band.empty() ? "Agreed rate" : "Band " + b.band,
                                          b.top_ups, statement_amount(b.annual),
                                          std::to_string(b.placements) + " (" + pupils_text(b.pupils_fte) +
                                              " FTE), " + pupils_text(b.fte_units) +
                                              (by_months ? " months" : " days")));
    if (l.bands.empty()) t.lines.push_back(statement::info("No placements at this provider in the year"));
    t.lines.push_back(statement::line(Kind::total, "Top-ups", l.top_ups));
    st.sections.push_back(t);

    if (f.special_mfg_percent && p.topup_baseline_per_pupil) {
        StatementSection m;
        m.title = "Special schools minimum funding guarantee";
        m.adds_up = false;
        m.note =
            "Top-ups per pupil are guaranteed at last year's average × (1 + the percentage); pupils = Σ FTE "
            "(⚠ rule, docs/high-needs.md §2).";
        m.lines.push_back(
            statement::info("Last year's top-up per pupil", statement_amount(*p.topup_baseline_per_pupil)));
        m.lines.push_back(statement::info("Guarantee", percent_text(*f.special_mfg_percent, 2, true)));
        m.lines.push_back(statement::info("Pupils (FTE)", pupils_text(l.pupils_fte)));
        m.lines.push_back(statement::info("Top-ups this year", statement_amount(l.top_ups)));
        m.lines.push_back(statement::line(Kind::total, "Special schools MFG", l.special_mfg));
        st.sections.push_back(m);
    }

    StatementSection tot;
    tot.title = "Paid by the LA";
    if (p.funded_by == hn::FundedBy::la && hn::has_place_funding(p.setting))
        tot.lines.push_back(statement::line(Kind::item, "Place funding", l.place_funding));
    tot.lines.push_back(statement::line(Kind::item, "Top-ups", l.top_ups));
    if (f.special_mfg_percent && p.topup_baseline_per_pupil)
        tot.lines.push_back(statement::line(Kind::item, "Special schools MFG", l.special_mfg));
    tot.lines.push_back(statement::line(Kind::total, "Total from the LA", l.total_from_la));
    st.sections.push_back(tot);

    const auto bad = statement_sum_errors(st);
    if (!bad.empty())
        throw std::logic_error("statement for provider " + std::to_string(p.urn) +
                               " does not add up: " + bad[0]);
    return st;
}

std::string hn_statements_index_html(const hn::HnResult& r) {
    const hn::HnFormula& f = *r.formula;
    std::string h = html_page_head(
        "High needs provider statements " + html_escape(f.year),
        std::string(kStatementCss) + "body { max-width: 1200px; } @page { size: A4 landscape; }");
    h += "<header><div class=\"la\">High needs block</div><h1>High needs provider statements " +
         html_escape(f.year) + "</h1><p class=\"sub\">" + html_escape(f.name) + " · " +
         std::to_string(r.provider_lines.size()) + " providers</p></header>\n";
    h += "<table class=\"index\"><thead><tr><th>URN</th><th>Provider</th><th>Setting</th><th>LA</th>"
         "<th class=\"n\">Place funding</th><th class=\"n\">Top-ups</th><th class=\"n\">Special MFG</th>"
         "<th class=\"n\">Total from the LA</th></tr></thead><tbody>";
    for (std::size_t k = 0; k < r.provider_lines.size(); ++k) {
        const hn::Provider& p = r.providers->rows[k];
        const hn::ProviderLine& l = r.provider_lines[k];
        const std::string urn = std::to_string(p.urn);
        h += "<tr><td><a href=\"" + urn + ".html\">" + urn + "</a></td><td><a href=\"" + urn + ".html\">" +
             html_escape(p.name) + "</a></td><td>" + setting_label(p.setting) + "</td><td>" +
             html_escape(p.la) + "</td><td class=\"n\">" + pounds(l.place_funding) +
             (p.funded_by == hn::FundedBy::dfe ? " (DfE)" : "") + "</td><td class=\"n\">" +
             pounds(l.top_ups) + "</td><td class=\"n\">" + pounds(l.special_mfg) + "</td><td class=\"n\">" +
             pounds(l.total_from_la) + "</td></tr>";
    }
    h += "</tbody><tfoot><tr><td>Total</td><td>" + std::to_string(r.provider_lines.size()) +
         " providers</td><td></td><td></td><td class=\"n\">" + pounds(r.place_funding_la_total) +
         " (LA)</td><td class=\"n\">" + pounds(r.top_ups_total) + "</td><td class=\"n\">" +
         pounds(r.special_mfg_total) + "</td><td class=\"n\">" + pounds(r.total_from_la) +
         "</td></tr></tfoot></table>\n" + html_page_end();
    return h;
}

}  // namespace fundsim
