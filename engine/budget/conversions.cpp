// Conversions during the year (docs/la-budget.md §4).
#include "engine/budget/conversions.hpp"

#include <set>

#include "engine/budget/school_csv.hpp"
#include "engine/core/dates.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

const char* to_string(Route r) { return r == Route::converter ? "converter" : "sponsored"; }

const char* to_string(BalanceGoes g) {
    switch (g) {
        case BalanceGoes::none:
            return "none";
        case BalanceGoes::trust:
            return "trust";
        case BalanceGoes::la:
            return "la";
        case BalanceGoes::dfe_recovers:
            return "dfe_recovers";
    }
    return "?";
}

namespace {

// Days from 1 January of year y to (y, m, d), for day counts inside one financial year.
int day_number(int y, int m, int d) {
    int n = d;
    for (int k = 1; k < m; ++k)
        n += static_cast<int>(days_in_month(static_cast<unsigned>(y), static_cast<unsigned>(k)));
    return n;
}

// Days from 1 April of first_year to the date (1 April = 0).
int days_since_april(std::int32_t date, int first_year) {
    const int y = date / 10000, m = date / 100 % 100, d = date % 100;
    const int april = day_number(first_year, 4, 1);
    if (y == first_year) return day_number(y, m, d) - april;
    const int rest_of_first = day_number(first_year, 12, 31) - april + 1;
    return rest_of_first + day_number(y, m, d) - 1;
}

}  // namespace

void open_units(std::int32_t date, int first_year, bool days, int& open, int& year) {
    const int y = date / 10000, m = date / 100 % 100;
    if (!days) {
        // Months from the conversion month to March inclusive (§4): April = 12, September = 7, March = 1.
        const int month_index = (y == first_year) ? m - 4 : m + 8;  // April = 0 ... March = 11
        year = 12;
        open = 12 - month_index;
        return;
    }
    const int next = first_year + 1;
    year = days_since_april(next * 10000 + 331, first_year) + 1;  // 365, or 366 with a 29 February
    open = year - days_since_april(date, first_year);
}

void parse_conversion_cells(const std::string& path, std::int64_t line, std::string_view date,
                            std::string_view route_cell, std::string_view balance, bool days,
                            ConversionRow& c, const std::function<void(std::int32_t)>& check_date) {
    if (!parse_iso_date(date, c.date))
        fail_at(path, line, "conversion_date", date, "is not a date: expected YYYY-MM-DD");
    check_date(c.date);
    if (!days && c.date % 100 != 1)
        fail_at(path, line, "conversion_date", date,
                "is not the first of a month: with proration \"months\" a conversion starts on the 1st "
                "(or set \"proration\": \"days\" in the budget file)");
    const std::string_view route = trim(route_cell);
    if (route == "converter")
        c.route = Route::converter;
    else if (route == "sponsored")
        c.route = Route::sponsored;
    else
        fail_at(path, line, "route", route, "is not a route: expected converter or sponsored");
    if (!trim(balance).empty()) {
        c.has_balance = true;
        c.balance = money_cell(path, line, "balance", balance, true, false);
    }
}

void read_conversion_rows(const std::string& path,
                          const std::function<void(const ConversionCells&)>& on_row) {
    int ui = 0, di = 0, ri = 0, bi = -1;
    read_csv_table(
        path, {"a header urn,conversion_date,route", "converting school", "conversions"},
        [&](const CsvHeader& h, const CsvRecord&) {
            ui = h.require("urn");
            di = h.require("conversion_date");
            ri = h.require("route");
            bi = h.find("balance");
        },
        [&](const CsvRecord& rec) {
            auto cell = [&](int k) {
                return k >= 0 ? rec.fields[static_cast<std::size_t>(k)] : std::string_view();
            };
            on_row({rec.line, cell(ui), cell(di), cell(ri), cell(bi)});
        });
}

std::vector<ConversionRow> load_conversions(const std::string& path, const Census& census, int first_year,
                                            bool days) {
    std::vector<ConversionRow> rows;
    std::set<std::int64_t> seen;
    const std::int32_t first = first_year * 10000 + 401, last = (first_year + 1) * 10000 + 331;
    read_conversion_rows(path, [&](const ConversionCells& cells) {
        ConversionRow c;
        c.line = cells.line;
        c.school = census_row_of(census, path, c.line, cells.urn, seen);
        if (census.status[c.school] == Status::academy)
            fail_at(path, c.line, "urn", cells.urn, "is already an academy in the census: it cannot convert");
        parse_conversion_cells(
            path, c.line, cells.date, cells.route, cells.balance, days, c, [&](std::int32_t d) {
                if (d < first || d > last)
                    fail_at(path, c.line, "conversion_date", cells.date,
                            "is outside the financial year " + std::to_string(first_year) + "-" +
                                std::to_string((first_year + 1) % 100 / 10) +
                                std::to_string((first_year + 1) % 10) + " (1 April to 31 March)");
            });
        rows.push_back(c);
    });
    return rows;
}

std::vector<Conversion> split_conversions(const std::vector<ConversionRow>& rows, const Result& r,
                                          int first_year, bool days) {
    std::vector<Conversion> out;
    for (const auto& row : rows) {
        Conversion c;
        c.row = row;
        const auto i = static_cast<Eigen::Index>(row.school);
        open_units(row.date, first_year, days, c.units_open, c.units_year);
        c.share_open = static_cast<double>(c.units_open) / c.units_year;
        const double maintained = static_cast<double>(c.units_year - c.units_open) / c.units_year;
        c.budget_share = r.budget_share.amount[i];
        // §4: la_part = round(budget_share × (1 − share_open)); academy_part the rest, so the two add up.
        c.la_part = round_penny(c.budget_share * maintained);
        long long academy = whole_pennies(c.budget_share) - whole_pennies(c.la_part);
        c.academy_part = static_cast<double>(academy) / 100.0;
        // De-delegation on the LA's part only (§4), each item rounded.
        long long dd = 0;
        for (const auto& item : r.after_share.de_delegation) {
            c.de_delegation.push_back(round_penny(item[i] * maintained));
            dd += whole_pennies(c.de_delegation.back());
        }
        c.de_delegation_total = static_cast<double>(dd) / 100.0;
        if (row.has_balance && row.balance > 0)
            c.balance_goes = row.route == Route::converter ? BalanceGoes::trust : BalanceGoes::la;
        else if (row.has_balance && row.balance < 0)
            c.balance_goes = row.route == Route::converter ? BalanceGoes::dfe_recovers : BalanceGoes::la;
        out.push_back(c);
    }
    return out;
}

}  // namespace fundsim
