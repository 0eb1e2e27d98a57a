// ISO dates in input files (engine/core/dates): real calendar dates only, leap years by the Gregorian rule.
#include "engine/core/dates.hpp"

#include <catch2/catch.hpp>

namespace core_dates_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("dates: YYYY-MM-DD read as yyyymmdd; impossible dates refused", "[dates]") {
    std::int32_t d = 0;
    CHECK(parse_iso_date("2024-02-29", d));
    CHECK(d == 20240229);
    CHECK(!parse_iso_date("2023-02-29", d));
    CHECK(!parse_iso_date("2024-13-01", d));
    CHECK(!parse_iso_date("2024-04-31", d));
    CHECK(!parse_iso_date("2024-4-3", d));
    CHECK(!parse_iso_date("1899-12-31", d));
    CHECK(parse_iso_date(" 2000-02-29 ", d));  // 2000 is a leap year (divisible by 400)
    CHECK(!parse_iso_date("1900-02-29", d));   // 1900 is not
    CHECK(parse_iso_date("2024-12-31", d));
    CHECK(d == 20241231);
    CHECK(!parse_iso_date("2024-00-10", d));
    CHECK(!parse_iso_date("2024-01-00", d));
    CHECK(!parse_iso_date("2024-01-32", d));
    CHECK(!parse_iso_date("2024/01/10", d));
    CHECK(!parse_iso_date("", d));
}

TEST_CASE("dates: month lengths, February by the Gregorian leap-year rule", "[dates]") {
    CHECK(days_in_month(2024, 1) == 31);
    CHECK(days_in_month(2024, 4) == 30);
    CHECK(days_in_month(2024, 12) == 31);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2024, 2) == 29);  // divisible by 4
    CHECK(days_in_month(1900, 2) == 28);  // by 100 but not 400
    CHECK(days_in_month(2000, 2) == 29);  // by 400
}

}  // namespace core_dates_test
