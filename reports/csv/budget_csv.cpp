// The budget's CSV files (docs/la-budget.md §6): dsg.csv, s251.csv, conversions.csv and balances.csv.
// Text from the inputs (names, ids) goes through csv_text, so that a spreadsheet never runs it.
#include "reports/budget_writers.hpp"
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

void dsg_row(std::string& out, const DsgRow& r) {
    out += r.block;
    for (double v : {r.opening, r.allocation, r.import_export, r.deductions, r.transfers_in, r.transfers_out,
                     r.recoupment, r.spend, r.in_year, r.closing}) {
        out += ',';
        append_money(out, v);
    }
    out += '\n';
}

std::string date_text(std::int32_t d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    return b;
}

}  // namespace

std::string dsg_csv(const LaBudget& b) {
    std::string out =
        "block,opening,allocation,import_export,deductions,transfers_in,transfers_out,recoupment,spend,in_"
        "year,"
        "closing\n";
    for (const auto& r : b.dsg.rows) dsg_row(out, r);
    dsg_row(out, b.dsg.total);
    return out;
}

std::string s251_csv(const LaBudget& b) {
    std::string out = "block,line,label,schools,amount\n";
    for (const auto& l : b.s251.lines) {
        out += l.block + "," + csv_text(l.id) + "," + csv_text(l.label) + ",";
        if (l.count > 0) out += std::to_string(l.count);
        out += ",";
        append_money(out, l.amount);
        out += "\n";
    }
    out += "total,isb,Individual schools budget (delegated and suspended),,";
    append_money(out, b.s251.isb);
    if (b.has_balances) {
        std::size_t clawed = 0;
        for (const auto& bo : b.balances) clawed += bo.clawback > 0 ? 1 : 0;
        out +=
            "\nschools,balance_clawback,Memo: balances clawed back (return to the schools block next year),";
        if (clawed > 0) out += std::to_string(clawed);
        out += ",";
        append_money(out, b.balance_clawback);
    }
    out +=
        "\ntotal,delegation_rate,Delegation rate: individual schools budget / Schools Budget net of "
        "recoupment,," +
        fraction6(b.s251.delegation_rate) + "\n";
    return out;
}

std::string conversions_csv(const LaBudget& b, const Census& c) {
    std::string out =
        "urn,name,conversion_date,route,proration,units_open,units_year,share_open,budget_share,la_part,"
        "academy_part,de_delegation,balance,balance_goes\n";
    for (const auto& cv : b.conversions) {
        const std::size_t s = cv.row.school;
        out += std::to_string(c.urn[s]) + "," + csv_text(c.name[s]) + "," + date_text(cv.row.date) + "," +
               to_string(cv.row.route) + "," + (b.proration_days ? "days" : "months") + "," +
               std::to_string(cv.units_open) + "," + std::to_string(cv.units_year) + "," +
               fraction6(cv.share_open);
        for (double v : {cv.budget_share, cv.la_part, cv.academy_part, cv.de_delegation_total}) {
            out += ',';
            append_money(out, v);
        }
        out += ',';
        if (cv.row.has_balance) append_money(out, cv.row.balance);
        out += std::string(",") + to_string(cv.balance_goes) + "\n";
    }
    return out;
}

std::string balances_csv(const LaBudget& b, const Census& c) {
    std::string out =
        "urn,name,phase,status,budget_share,closing_balance,committed,exempt,uncommitted,threshold,excess,"
        "excess_years,clawback_rate,clawback,flags\n";
    for (const auto& bo : b.balances) {
        const std::size_t s = bo.row.school;
        out += std::to_string(c.urn[s]) + "," + csv_text(c.name[s]) + "," + to_string(c.phase[s]) + "," +
               to_string(c.status[s]);
        for (double v : {bo.budget_share, bo.row.closing_balance, bo.row.committed, bo.row.exempt,
                         bo.uncommitted, bo.threshold, bo.excess}) {
            out += ',';
            append_money(out, v);
        }
        out += "," + std::to_string(bo.row.excess_years) + "," + fraction6(bo.rate) + ",";
        append_money(out, bo.clawback);
        std::string flags;
        auto flag = [&](bool on, const char* f) {
            if (on) flags += (flags.empty() ? "" : ";") + std::string(f);
        };
        flag(bo.academy, "academy_never_clawed_back");
        flag(bo.excess > 0, "excess");
        flag(bo.deficit, "deficit");
        flag(bo.deficit_over_5pct, "deficit_over_5pct");
        out += "," + flags + "\n";
    }
    return out;
}

}  // namespace fundsim
