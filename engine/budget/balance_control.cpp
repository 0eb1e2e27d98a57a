// Balance control (docs/la-budget.md §5).
#include "engine/budget/balance_control.hpp"

#include <algorithm>
#include <set>

#include "engine/budget/school_csv.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

std::vector<BalanceRow> load_balances(const std::string& path, const Census& census) {
    std::vector<BalanceRow> rows;
    std::set<std::int64_t> seen;
    int ui = 0, ci = 0, mi = 0, ei = -1, yi = -1;
    read_csv_table(
        path, {"a header urn,closing_balance,committed", "school", "schools"},
        [&](const CsvHeader& h, const CsvRecord&) {
            ui = h.require("urn");
            ci = h.require("closing_balance");
            mi = h.require("committed");
            ei = h.find("exempt");
            yi = h.find("excess_years");
        },
        [&](const CsvRecord& rec) {
            auto cell = [&](int k) { return rec.fields[static_cast<std::size_t>(k)]; };
            BalanceRow b;
            b.line = rec.line;
            b.school = census_row_of(census, path, rec.line, cell(ui), seen);
            b.closing_balance = money_cell(path, rec.line, "closing_balance", cell(ci), true, false);
            b.committed = money_cell(path, rec.line, "committed", cell(mi), false, true);
            if (ei >= 0) b.exempt = money_cell(path, rec.line, "exempt", cell(ei), false, true);
            if (yi >= 0 && !trim(cell(yi)).empty()) {
                std::int64_t y = 0;
                if (!parse_integer(cell(yi), y) || y < 0 || y > 100)
                    fail_at(path, rec.line, "excess_years", cell(yi),
                            "is not a whole number of years from 0 to 100");
                b.excess_years = static_cast<int>(y);
            }
            rows.push_back(b);
        });
    return rows;
}

void apply_control(BalanceOutcome& b, double threshold_fraction, const BalanceControl& control) {
    const BalanceRow& row = b.row;
    // §5: uncommitted = closing − committed − exempt; threshold = max(t × budget share, min_threshold);
    // excess = max(0, uncommitted − threshold); clawback = min(rate × excess, max(0, closing −
    // min_retained)).
    b.uncommitted = round_penny(row.closing_balance - row.committed - row.exempt);
    b.threshold = round_penny(std::max(threshold_fraction * b.budget_share, control.min_threshold));
    b.excess = round_penny(std::max(0.0, b.uncommitted - b.threshold));
    const auto& rates = control.clawback_rate;
    b.rate = rates[std::min(static_cast<std::size_t>(row.excess_years), rates.size() - 1)];
    const double room = std::max(0.0, round_penny(row.closing_balance - control.min_retained));
    b.clawback = b.academy ? 0.0 : std::min(round_penny(b.rate * b.excess), room);
    b.deficit = row.closing_balance < 0;
    // A deficit above 5% of the budget share (§5), compared in pennies: 20 × deficit > budget share.
    b.deficit_over_5pct =
        b.deficit && -whole_pennies(row.closing_balance) * 20 > whole_pennies(b.budget_share);
}

std::vector<BalanceOutcome> control_balances(const std::vector<BalanceRow>& rows, const Result& r,
                                             const BalanceControl& control, const std::string& balances_file,
                                             const std::string& budget_file) {
    std::vector<BalanceOutcome> out;
    const Census& census = *r.census;
    for (const auto& row : rows) {
        BalanceOutcome b;
        b.row = row;
        b.academy = census.status[row.school] == Status::academy;
        b.budget_share = r.budget_share.amount[static_cast<Eigen::Index>(row.school)];
        const std::string phase = to_string(census.phase[row.school]);
        auto t = control.threshold.find(phase);
        if (t == control.threshold.end() && !b.academy)
            fail_line(balances_file, row.line,
                      "school " + std::to_string(census.urn[row.school]) + " is " + phase + ", but " +
                          budget_file + " gives no threshold for that phase at /balances/control/threshold/" +
                          phase);
        apply_control(b, t == control.threshold.end() ? 0.0 : t->second, control);
        out.push_back(b);
    }
    return out;
}

}  // namespace fundsim
