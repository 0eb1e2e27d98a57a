// Plan statements as HTML (reports/html/plan_statement_html.hpp): each line of the school's budget with a
// column per year, read from the plan's own outputs, with the statements' stylesheet.
#include "reports/html/plan_statement_html.hpp"

#include <optional>

#include "engine/core/money.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/html/style/statement_css.hpp"
#include "reports/labels.hpp"

namespace fundsim {

namespace {

// The year columns share the width the single-year statement gives its amounts.
constexpr const char* kPlanCss =
    ".years td.n, .years th.n { width: 1%; } .years td:first-child { width: 40%; }";

std::optional<double> figure(const PlanSchoolYear& y, const std::string& id) {
    if (!y.present) return std::nullopt;
    const auto v = y.value.find(id);
    if (v == y.value.end()) return std::nullopt;
    return v->second;
}

std::string money_td(std::optional<double> v, double sign = 1) {
    if (!v) return "<td class=\"n\">–</td>";
    const double x = sign * *v;
    return std::string("<td class=\"n") + (whole_pennies(x) < 0 ? " neg" : "") + "\">" + pounds(x) + "</td>";
}

// A row of the table: `label`, then one cell per year made by `cell`.
template <class Cell>
std::string row(const PlanSchool& s, const std::string& cls, const std::string& label, Cell cell) {
    std::string h =
        "<tr" + (cls.empty() ? "" : " class=\"" + cls + "\"") + "><td>" + html_escape(label) + "</td>";
    for (const PlanSchoolYear& y : s.years) h += cell(y);
    return h + "</tr>";
}

std::string money_row(const PlanSchool& s, const std::string& cls, const std::string& label,
                      const std::string& id, double sign = 1) {
    return row(s, cls, label, [&](const PlanSchoolYear& y) { return money_td(figure(y, id), sign); });
}

bool any_nonzero(const PlanSchool& s, const std::string& id) {
    for (const PlanSchoolYear& y : s.years)
        if (const auto v = figure(y, id); v && whole_pennies(*v) != 0) return true;
    return false;
}

// The first and last years the school has a row in.
std::pair<const PlanSchoolYear*, const PlanSchoolYear*> span(const PlanSchool& s) {
    const PlanSchoolYear *first = nullptr, *last = nullptr;
    for (const PlanSchoolYear& y : s.years)
        if (y.present) {
            if (!first) first = &y;
            last = &y;
        }
    return {first, last};
}

std::string years_head(const PlanFolder& pf, const std::string& first) {
    std::string h = "<thead><tr><th>" + first + "</th>";
    for (const std::string& y : pf.years) h += "<th class=\"n\">" + html_escape(y) + "</th>";
    return h + "</tr></thead>";
}

std::string title(const PlanFolder& pf) {
    return "Budget plan " + html_escape(pf.years.front()) + " to " + html_escape(pf.years.back());
}

}  // namespace

std::string plan_statement_html(const PlanFolder& pf, const PlanSchool& s, const std::string& plan_name) {
    const auto [first, last] = span(s);
    std::string h =
        html_page_head(title(pf) + ": " + html_escape(s.name) + " (" + std::to_string(s.urn) + ")",
                       std::string(kStatementCss) + kPlanCss);
    h += "<header><div class=\"la\">Schools block · multi-year plan</div><h1>" + title(pf) +
         "</h1><p class=\"school\">" + html_escape(s.name) + "</p><p class=\"sub\">URN " +
         std::to_string(s.urn) + " · " + phase_label(last->phase) + " · " + html_escape(plan_name) +
         "</p></header>\n";
    h += "<section><h2>Your budget year by year</h2><p class=\"note\">Planning figures: pupils after the "
         "first "
         "year are projected cohort by cohort (and keep their fractions); formulas after the first year are "
         "given by the plan or uprated by its assumptions. Each year's minimum funding guarantee is measured "
         "against the year before's budget share, less the lines that year's MFG leaves out.</p>";
    h += "<table class=\"lines years\">" + years_head(pf, "") + "<tbody>";
    h += row(s, "info", "Status", [](const PlanSchoolYear& y) {
        return std::string("<td class=\"n\">") + (y.present ? status_label(y.status) : "–") + "</td>";
    });
    h += row(s, "", "Pupils", [](const PlanSchoolYear& y) {
        const auto v = figure(y, "nor");
        return "<td class=\"n\">" + (v ? pupils_2dp(*v) : std::string("–")) + "</td>";
    });
    for (const std::string& id : pf.ids.factors)
        if (any_nonzero(s, id)) h += money_row(s, "part", factor_label(id), id);
    h += money_row(s, "item", "Formula total", "formula_total");
    if (any_nonzero(s, "mppl_topup"))
        h += money_row(s, "part", "Minimum per-pupil level top-up", "mppl_topup");
    if (any_nonzero(s, "mfg_topup"))
        h += money_row(s, "part", "Minimum funding guarantee top-up", "mfg_topup");
    if (any_nonzero(s, "capping_deduction"))
        h += money_row(s, "part", "Capping and scaling of gains", "capping_deduction", -1);
    h += money_row(s, "total", "Budget share", "budget_share");
    h += money_row(s, "info", "per pupil", "budget_share_per_pupil");
    h += money_row(s, "info", "change on the year before", "change");
    h += money_row(s, "info", "change per pupil on the year before", "change_per_pupil");
    h += row(s, "info", "MFG baseline (pupils, funding)", [](const PlanSchoolYear& y) {
        const auto p = figure(y, "mfg_baseline_pupils"), f = figure(y, "mfg_baseline_funding");
        return "<td class=\"n\">" + (p && f ? pupils_2dp(*p) + ", " + pounds(*f) : std::string("–")) +
               "</td>";
    });
    for (const std::string& id : pf.ids.de_delegation)
        if (any_nonzero(s, id)) h += money_row(s, "part", "less de-delegated: " + factor_label(id), id, -1);
    if (!pf.ids.de_delegation.empty()) h += money_row(s, "item", "Delegated budget", "delegated_budget");
    for (const std::string& id : pf.ids.grants)
        if (any_nonzero(s, id)) h += money_row(s, "part", "plus grant: " + factor_label(id), id);
    if (any_nonzero(s, "notional_sen"))
        h += money_row(s, "info", "of which notional SEN budget", "notional_sen");
    h += row(s, "info", "Protections", [](const PlanSchoolYear& y) {
        return "<td class=\"n\">" + (y.present ? html_escape(y.flags.empty() ? "none" : y.flags) : "–") +
               "</td>";
    });
    h += "</tbody></table></section>\n";
    if (first != last) {
        const double a = first->value.at("budget_share"), b = last->value.at("budget_share");
        const double pa = first->value.at("budget_share_per_pupil"),
                     pb = last->value.at("budget_share_per_pupil");
        h += "<section><h2>Over the plan</h2><table class=\"details\"><tbody><tr><td class=\"k\">Budget "
             "share</td>"
             "<td>" +
             pounds(a) + " → " + pounds(b) + "</td><td class=\"k\">Change</td><td>" +
             signed_pounds_whole(b - a) + "</td></tr><tr><td class=\"k\">Per pupil</td><td>" + pounds(pa) +
             " → " + pounds(pb) + "</td><td class=\"k\">Change</td><td>" +
             (pa != 0 ? percent_text(pb / pa - 1, 2, true) : std::string("–")) +
             "</td></tr></tbody></table></section>\n";
    }
    return h + html_page_end();
}

std::string plan_statements_index_html(const PlanFolder& pf, const std::vector<std::size_t>& schools,
                                       const std::string& plan_name) {
    std::string h = html_page_head(
        title(pf) + ": school budget statements",
        std::string(kStatementCss) + "body { max-width: 1200px; } @page { size: A4 landscape; }");
    h += "<header><div class=\"la\">Schools block · multi-year plan</div><h1>" + title(pf) +
         ": school budget statements</h1><p class=\"sub\">" + html_escape(plan_name) + " · " +
         std::to_string(schools.size()) + " statement" + (schools.size() == 1 ? "" : "s") +
         " · budget share by year</p></header>\n";
    h += "<table class=\"index\">" + years_head(pf, "School") + "<tbody>";
    h.insert(h.rfind("</tr></thead>"), "<th class=\"n\">Per pupil over the plan</th>");
    for (std::size_t k : schools) {
        const PlanSchool& s = pf.schools[k];
        const std::string urn = std::to_string(s.urn);
        h += "<tr><td><a href=\"" + urn + ".html\">" + html_escape(s.name) + "</a> (" + urn + ")</td>";
        for (const PlanSchoolYear& y : s.years) {
            const auto v = figure(y, "budget_share");
            h += "<td class=\"n\">" + (v ? pounds_whole(*v) : std::string("–")) + "</td>";
        }
        const auto [first, last] = span(s);
        const auto pa = figure(*first, "budget_share_per_pupil"),
                   pb = figure(*last, "budget_share_per_pupil");
        h += "<td class=\"n\">" +
             (first != last && pa && pb && *pa != 0 ? percent_text(*pb / *pa - 1, 2, true)
                                                    : std::string("–")) +
             "</td></tr>";
    }
    return h + "</tbody></table>" + html_page_end();
}

}  // namespace fundsim
