// Maintained schools converting to academies during the year (docs/la-budget.md §4): conversions.csv read
// against the census and the year, and each converting school's year split between the LA and the academy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

enum class Route { converter, sponsored };

// Where a converting school's balance goes (docs/la-budget.md §4).
enum class BalanceGoes {
    none,          // no balance given, or zero
    trust,         // a converter's surplus passes to the academy trust
    la,            // a sponsored school's surplus or deficit stays with the LA
    dfe_recovers,  // a converter's deficit: the DfE pays it to the LA and recovers it from the academy
};
const char* to_string(Route r);
const char* to_string(BalanceGoes g);

struct ConversionRow {
    std::size_t school = 0;  // census row
    std::int64_t line = 0;   // line in conversions.csv
    std::int32_t date = 0;   // yyyymmdd
    Route route = Route::converter;
    bool has_balance = false;
    double balance = 0;
};

// One converting school's year.
struct Conversion {
    ConversionRow row;
    int units_open = 0, units_year = 0;  // months (of 12) or days (of 365/366) open as an academy
    double share_open = 0;               // units_open / units_year
    double budget_share = 0;             // the whole year's, as the run computed it
    double la_part = 0, academy_part = 0;
    std::vector<double> de_delegation;  // each item on la_part only (formula order)
    double de_delegation_total = 0;     // Σ of those
    BalanceGoes balance_goes = BalanceGoes::none;
};

// Reads conversions.csv (`urn, conversion_date, route`, optional `balance`): an unknown URN, a school
// already an academy, a date outside the financial year starting 1 April `first_year`, a date not the
// first of a month under months proration, an unknown route are errors naming file, line, column, value.
std::vector<ConversionRow> load_conversions(const std::string& path, const Census& census, int first_year,
                                            bool days);

// The cells of one row of a conversions.csv: `urn, conversion_date, route`, optional `balance` (blank when
// the file has no such column).
struct ConversionCells {
    std::int64_t line = 0;
    std::string_view urn, date, route, balance;
};
// Reads a conversions.csv's header and gives each row's cells, in order (the plan's and the budget's).
void read_conversion_rows(const std::string& path, const std::function<void(const ConversionCells&)>& on_row);

// One row's date (ISO; the 1st of a month unless `days`), route and optional balance (blank: none) into `c`:
// each bad cell an error naming file, line, column and value. `check_date` is given the date as soon as it
// is read (the caller's year; it fails if the date is outside it).
void parse_conversion_cells(const std::string& path, std::int64_t line, std::string_view date,
                            std::string_view route, std::string_view balance, bool days, ConversionRow& c,
                            const std::function<void(std::int32_t)>& check_date);

// The split of each conversion (docs/la-budget.md §4), to the penny: la_part + academy_part = budget_share.
std::vector<Conversion> split_conversions(const std::vector<ConversionRow>& rows, const Result& r,
                                          int first_year, bool days);

// share_open's parts for one date: the months (or days) from `date` to 31 March of first_year + 1, and the
// months (12) or days (365 or 366) in the year.
void open_units(std::int32_t date, int first_year, bool days, int& open, int& year);

}  // namespace fundsim
