// Rounding to the penny, half away from zero (funding-model §7).
#include <catch2/catch.hpp>

#include "money.hpp"

using fundsim::round_penny;

TEST_CASE("round_penny rounds half away from zero, as on paper", "[money]") {
    CHECK(round_penny(1.005) == 1.01);    // held as 1.00499999999999989 in binary
    CHECK(round_penny(-1.005) == -1.01);
    CHECK(round_penny(2.675) == 2.68);    // held as 2.67499999999999982
    CHECK(round_penny(0.125) == 0.13);
    CHECK(round_penny(0.124999) == 0.12);
    CHECK(round_penny(4830.8249) == 4830.82);
    CHECK(round_penny(1234567.894) == 1234567.89);
    CHECK(round_penny(0.0) == 0.0);
}
