// The file formatters of reports/format.hpp: fraction6 and count give exactly printf's "%.6f" and
// "%.0f" text (they use std::to_chars for speed, issue 17), on edges and on many random values.
#include "reports/format.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

using namespace fundsim;

namespace {
std::string printf_text(const char* format, double v) {
    char b[128];
    std::snprintf(b, sizeof b, format, v);
    return b;
}
}  // namespace

TEST_CASE("fraction6 is printf's %.6f, ties to even included") {
    CHECK(fraction6(0.0078125) == "0.007812");  // an exact binary tie at the 7th decimal: even
    CHECK(fraction6(0.0234375) == "0.023438");
    CHECK(fraction6(-0.018722) == "-0.018722");
    CHECK(fraction6(4e-7) == "0.000000");
    CHECK(fraction6(-4e-7) == "0.000000");  // never -0.000000
    CHECK(fraction6(1e20) == printf_text("%.6f", 1e20));
    CHECK(fraction6(HUGE_VAL) == printf_text("%.6f", HUGE_VAL));
    std::mt19937_64 g(17);
    std::uniform_real_distribution<double> u(-3, 3);
    for (int i = 0; i < 200000; ++i) {
        double v = u(g);
        if (i % 3 == 1) v = std::round(v * 1e7) / 1e7;
        if (i % 3 == 2) v = std::ldexp(std::round(std::ldexp(v, 20)), -20);
        if (std::fabs(v) < 5e-7) continue;
        REQUIRE(fraction6(v) == printf_text("%.6f", v));
    }
}

TEST_CASE("count is printf's %.0f for whole numbers, %.6g otherwise") {
    CHECK(count(0.0) == "0");
    CHECK(count(-0.0) == "-0");
    CHECK(count(1546.0) == "1546");
    CHECK(count(-12.0) == "-12");
    CHECK(count(999999999999999.0) == "999999999999999");
    CHECK(count(1e16) == printf_text("%.6g", 1e16));  // beyond 1e15: %.6g, as before
    CHECK(count(2.5) == "2.5");
    std::mt19937_64 g(5);
    for (int i = 0; i < 100000; ++i) {
        const double v = std::round(std::uniform_real_distribution<double>(-1e12, 1e12)(g));
        REQUIRE(count(v) == printf_text("%.0f", v));
    }
}
