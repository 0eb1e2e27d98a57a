// budget.html's high needs and early years sections (reports/html/budget_block_sections.hpp).
#include "reports/html/budget_block_sections.hpp"

#include "engine/core/money.hpp"
#include "reports/format.hpp"
#include "reports/html/html.hpp"

namespace fundsim {

namespace {

using Summary = nlohmann::ordered_json;

std::string row(const std::string& label, double v, const std::string& cls = "part") {
    return "<tr class=\"" + cls + "\"><td class=\"c1\">" + html_escape(label) + "</td>" +
           budget_amount_td(v) + "</tr>";
}

// "special" → "Special schools" (the settings of docs/high-needs.md §1).
std::string setting_words(const std::string& s) {
    if (s == "special") return "Special schools";
    if (s == "ap") return "Alternative provision and PRUs";
    if (s == "sen_unit") return "SEN units";
    if (s == "resourced_provision") return "Resourced provision";
    if (s == "fe") return "Further education";
    if (s == "independent") return "Independent schools";
    if (s == "mainstream") return "Mainstream schools";
    return s;
}

std::string group_words(const std::string& g) {
    if (g == "u2") return "Under-2s";
    if (g == "two") return "2-year-olds";
    if (g == "three_four") return "3- and 4-year-olds";
    return g;
}

}  // namespace

std::string budget_amount_td(double v, const std::string& attrs) {
    std::string raw;
    append_money(raw, v);
    return "<td class=\"n" + std::string(whole_pennies(v) < 0 ? " neg" : "") + "\"" + attrs + " data-v=\"" +
           raw + "\">" + pounds(v) + "</td>";
}

std::string high_needs_section_html(const BlockFigures& block) {
    if (!block.computed || block.summary.is_null()) return "";
    const Summary& s = block.summary;
    std::string h = "<section class=\"long\" id=\"high-needs\"><h2>High needs</h2><p>" +
                    group_thousands(s.at("providers").get<long long>()) + " providers, " +
                    group_thousands(s.at("placements").get<long long>()) + " placements (" +
                    pupils_2dp(s.at("pupils_fte").get<double>()) + " pupils full-time equivalent), under " +
                    html_escape(s.at("formula").get<std::string>()) +
                    ". Place funding is for academic-year places (5/12 : 7/12); top-ups are pro-rata to each "
                    "pupil's time on roll (" +
                    html_escape(s.at("proration").get<std::string>()) +
                    "). Every provider's figures are in high_needs/providers.csv.</p>";
    h += "<table class=\"lines\"><tbody>";
    h +=
        "<tr class=\"info\"><td class=\"c1\">Place funding by setting</td><td class=\"n\">Paid by the LA</td>"
        "<td class=\"n\">Paid by the DfE, deducted</td></tr>";
    for (const auto& [setting, v] : s.at("place_funding_by_setting").items()) {
        const double la = v.at("la").get<double>(), dfe = v.at("dfe").get<double>();
        if (whole_pennies(la) == 0 && whole_pennies(dfe) == 0) continue;
        h += "<tr class=\"part\"><td class=\"c1\">" + html_escape(setting_words(setting)) + "</td>" +
             budget_amount_td(la) + budget_amount_td(dfe) + "</tr>";
    }
    h += "</tbody></table><table class=\"lines\"><tbody>";
    h += row("Place funding paid by the LA", s.at("place_funding_paid").get<double>());
    for (const auto& [setting, v] : s.at("top_ups_by_setting").items())
        if (whole_pennies(v.get<double>()) != 0)
            h += row("Top-ups: " + setting_words(setting), v.get<double>());
    h += row("Special schools minimum funding guarantee", s.at("special_mfg").get<double>());
    for (const auto& [id, v] : s.at("central").items()) h += row("Central: " + id, v.get<double>());
    h += row("Spend", s.at("spend").get<double>(), "total");
    h += "</tbody></table><table class=\"lines\"><tbody>";
    if (s.contains("allocation") && !s.at("allocation").is_null()) {
        h += row("Allocation", s.at("allocation").get<double>());
        h += row("Import/export adjustment", s.at("import_export").get<double>());
        h += row("Deducted for places the DfE funds directly",
                 -s.at("direct_funding_deductions").get<double>());
        h += row("Transfers in", s.at("transfers_in").get<double>());
        h += row("Available", s.at("available").get<double>(), "total");
        h += row("In year (available − spend)", s.at("in_year").get<double>(), "total");
    }
    if (s.contains("top_ups_inside_la") && !s.at("top_ups_inside_la").is_null()) {
        h += row("Top-ups to providers in the LA", s.at("top_ups_inside_la").get<double>(), "info");
        h += row("Top-ups to providers outside it", s.at("top_ups_outside_la").get<double>(), "info");
    }
    return h + "</tbody></table></section>\n";
}

std::string early_years_section_html(const BlockFigures& block) {
    if (!block.computed || block.summary.is_null()) return "";
    const Summary& s = block.summary;
    const Summary& rate = s.at("base_rate");
    std::string h = "<section class=\"long\" id=\"early-years\"><h2>Early years</h2><p>" +
                    group_thousands(s.at("providers").get<long long>()) +
                    " providers paid on the hours taken, under " +
                    html_escape(s.at("name").get<std::string>()) + ". Base rates: ";
    bool first = true;
    for (const auto& [g, v] : rate.items()) {
        h += (first ? "" : ", ") + group_words(g) + " £" + number_text("%.3f", v.get<double>()) + " an hour";
        first = false;
    }
    h += s.at("base_rate_solved").get<bool>() ? " (the 3- and 4-year-olds' rate solved: the highest, in "
                                                "£0.001 steps, that the allocation pays)."
                                              : ".";
    h += " Each provider's payments by term are in early_years/payments.csv.</p><table "
         "class=\"lines\"><tbody>";
    h += "<tr class=\"info\"><td class=\"c1\">Entitlement</td><td class=\"n\">Hours</td><td "
         "class=\"n\">Allocation</td><td class=\"n\">Paid</td></tr>";
    for (const auto& [g, v] : s.at("payments").at("by_group").items())
        h += "<tr class=\"part\"><td class=\"c1\">" + group_words(g) + "</td><td class=\"n\">" +
             pupils_2dp(s.at("hours").at(g).get<double>()) + "</td>" +
             budget_amount_td(s.at("allocation").at(g).get<double>()) +
             budget_amount_td(v.at("total").get<double>()) + "</tr>";
    h += "</tbody></table><table class=\"lines\"><tbody>";
    const Summary& pay = s.at("payments");
    h += row("Base rate payments", pay.at("base").get<double>());
    for (const auto& [id, v] : pay.at("supplements").items()) h += row("Supplement: " + id, v.get<double>());
    h += row("Nursery school supplement", pay.at("nursery_school_supp").get<double>());
    h += row("Early years pupil premium", pay.at("eypp").get<double>());
    h += row("Disability access fund", pay.at("daf").get<double>());
    for (const auto& [id, v] : s.at("central").items())
        h += row("Central: " + id + (v.at("counts_as_passed").get<bool>() ? " (paid to providers)" : ""),
                 v.at("amount").get<double>());
    h += row("Spend", s.at("block").at("spend").get<double>(), "total");
    h += "</tbody></table>";
    const Summary& pt = s.at("pass_through");
    const Summary& cap = s.at("supplement_share");
    h += "<p>Passed to providers: " + percent_text(pt.at("share").get<double>()) +
         " of the entitlement allocation (" + pounds(pt.at("passed").get<double>()) + " of " +
         pounds(pt.at("allocation").get<double>()) + ") against a minimum of " +
         percent_text(pt.at("minimum").get<double>()) + ": " +
         (pt.at("pass").get<bool>() ? "<strong>met</strong>."
                                    : "<strong class=\"neg\">not met</strong>, short by " +
                                          pounds(pt.at("shortfall").get<double>()) + ".") +
         " Supplements for 3- and 4-year-olds: " + percent_text(cap.at("share").get<double>()) +
         " of their funding (cap " + percent_text(cap.at("cap").get<double>()) +
         "). Unspent (headroom): " + pounds(s.at("balance").at("headroom").get<double>()) + ".</p>";
    return h + "</section>\n";
}

}  // namespace fundsim
