// A school's statement with its conversion and balance control (reports/html/budget_statement.hpp).
#include "reports/html/budget_statement.hpp"

#include <cstdio>

#include "reports/format.hpp"

namespace fundsim {

using statement::info;
using statement::line;
using Kind = StatementLine::Kind;

Statement budget_statement(const Result& r, const LaBudget& b, std::size_t school) {
    Statement st = build_statement(r, school);
    for (const auto& c : b.conversions) {
        if (c.row.school != school) continue;
        char date[16];
        std::snprintf(date, sizeof date, "%02d/%02d/%04d", c.row.date % 100, c.row.date / 100 % 100,
                      c.row.date / 10000);
        StatementSection s{"J. Conversion to an academy", "", true, {}};
        s.note = std::string("Converts on ") + date + " (" + to_string(c.row.route) +
                 "): the LA pays the maintained " +
                 "part of the year; the DfE recoups the academy part from the schools block.";
        const std::string units = b.proration_days ? " days" : " months";
        s.lines.push_back(line(Kind::item, "Maintained part, paid by the LA", c.la_part, "",
                               std::to_string(c.units_year - c.units_open) + units));
        s.lines.push_back(line(Kind::item, "Academy part, recouped by the DfE", c.academy_part, "",
                               std::to_string(c.units_open) + units));
        s.lines.push_back(line(Kind::total, "Budget share for the year", c.budget_share));
        if (c.row.has_balance) {
            const char* goes = c.balance_goes == BalanceGoes::trust ? "passes to the academy trust"
                               : c.balance_goes == BalanceGoes::dfe_recovers
                                   ? "a deficit the DfE recovers from the academy"
                                   : "stays with the LA";
            s.lines.push_back(info("Balance at conversion: " + std::string(goes), pounds(c.row.balance)));
        }
        s.lines.push_back(info("De-delegated while maintained", pounds(c.de_delegation_total)));
        st.sections.push_back(std::move(s));
    }
    for (const auto& bo : b.balances) {
        if (bo.row.school != school) continue;
        StatementSection s{"K. Balance control", "", false, {}};
        s.note =
            "Uncommitted balance = closing balance − committed − exempt; excess = uncommitted above the "
            "threshold.";
        s.lines.push_back(info("Closing balance", pounds(bo.row.closing_balance)));
        s.lines.push_back(info("Committed", pounds(bo.row.committed)));
        s.lines.push_back(info("Exempt", pounds(bo.row.exempt)));
        s.lines.push_back(info("Uncommitted", pounds(bo.uncommitted)));
        s.lines.push_back(info("Threshold", pounds(bo.threshold)));
        s.lines.push_back(info("Excess", pounds(bo.excess)));
        s.lines.push_back(info(
            bo.academy ? "Clawback (an academy is never clawed back)"
                       : "Clawback at " + percent_text(bo.rate, 0) +
                             " (years in excess before this: " + std::to_string(bo.row.excess_years) + ")",
            pounds(bo.clawback)));
        if (bo.deficit_over_5pct) s.lines.push_back(info("The deficit is more than 5% of the budget share"));
        st.sections.push_back(std::move(s));
    }
    return st;
}

}  // namespace fundsim
