// Rounding to the penny, half away from zero (docs/funding-model.md §7).
#include "engine/core/money.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

namespace core_money_test {  // each file's names kept apart in the unity build

using fundsim::round_penny;

TEST_CASE("round_penny rounds half away from zero, as on paper", "[money]") {
    CHECK(round_penny(1.005) == 1.01);  // held as 1.00499999999999989 in binary
    CHECK(round_penny(-1.005) == -1.01);
    CHECK(round_penny(2.675) == 2.68);  // held as 2.67499999999999982
    CHECK(round_penny(0.125) == 0.13);
    CHECK(round_penny(0.124999) == 0.12);
    CHECK(round_penny(4830.8249) == 4830.82);
    CHECK(round_penny(1234567.894) == 1234567.89);
    CHECK(round_penny(0.0) == 0.0);
}

// round_half_away stands in for std::round in every penny rounding: it must give the same double, bit
// for bit (sign of zero included), at the halves, at the edges of exact integers and on random values.
TEST_CASE("round_half_away is std::round, bit for bit", "[money]") {
    auto same = [](double x) {
        const double want = std::round(x), got = fundsim::round_half_away(x);
        INFO("x = " << x);
        if (std::isnan(want)) {
            CHECK(std::isnan(got));
        } else {
            CHECK(got == want);
            CHECK(std::signbit(got) == std::signbit(want));
        }
    };
    const double edges[] = {0.0,
                            -0.0,
                            0.5,
                            -0.5,
                            1.5,
                            -1.5,
                            2.5,
                            -2.5,
                            0.49999999999999994,
                            -0.49999999999999994,
                            0.3,
                            -0.3,
                            1.0,
                            -1.0,
                            0x1p52 - 0.5,
                            -(0x1p52 - 0.5),
                            0x1p52,
                            0x1p52 + 1,
                            0x1p53 + 2,
                            0x1p62,
                            0x1p63,
                            -0x1p63,
                            1e300,
                            -1e300,
                            4.9e-324,
                            -4.9e-324,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN(),
                            100499999.99999999,
                            1234567.5,
                            -1234567.5};
    for (double x : edges) {
        same(x);
        same(std::nextafter(x, 0.0));
        same(std::nextafter(x, 1e308));
        same(std::nextafter(x, -1e308));
    }
    std::mt19937_64 rng(20261202);
    std::uniform_real_distribution<double> pounds(-2e9, 2e9);
    std::uniform_int_distribution<long long> halves(-4'000'000'000'000LL, 4'000'000'000'000LL);
    for (int i = 0; i < 200000; ++i) {
        same(pounds(rng) * 1e6);                       // micro-pounds, as round_penny makes them
        same(static_cast<double>(halves(rng)) + 0.5);  // exact halves
        same(std::nextafter(static_cast<double>(halves(rng)) + 0.5, 0.0));
    }
}

}  // namespace core_money_test
