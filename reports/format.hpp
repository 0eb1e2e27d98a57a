// Number formatting shared by the writers, one set: pennies, 6-decimal fractions and counts for files,
// and the people's formats (£1,234.56, £1,234, +£12, 1.23%, 212,831) for the printed summaries,
// explain, report.html and the budget statements.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/io/csv_reader.hpp"  // csv_quote

namespace fundsim {

// Money to the penny, no thousands separators ("-0.00" never appears), appended to `out`.
inline void append_money(std::string& out, double v) {
    char b[64];
    if (std::fabs(v) < 0.005) v = 0;
    // Fast path: an amount already a whole number of pennies (every rounded line is) is printed from
    // its integer count of pennies; the text is the same as the general path's.
    const double pence = v * 100.0;
    const double whole = std::round(pence);
    if (std::fabs(pence) < 1e15 && std::fabs(pence - whole) < 1e-6) {
        long long p = static_cast<long long>(whole);
        if (p < 0) out += '-', p = -p;
        auto res = std::to_chars(b, b + sizeof b, p / 100);
        out.append(b, res.ptr);
        const int cents = static_cast<int>(p % 100);
        out += '.';
        out += static_cast<char>('0' + cents / 10);
        out += static_cast<char>('0' + cents % 10);
        return;
    }
    auto res = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 2);
    // Beyond 60 digits the buffer is too small and holds nothing: never print it (calculate() refuses
    // such amounts, so this only guards a writer called on something else).
    if (res.ec != std::errc())
        out += std::to_string(v);
    else
        out.append(b, res.ptr);
}

inline std::string money(double v) {
    std::string s;
    append_money(s, v);
    return s;
}

inline std::string fraction6(double v) {
    char b[64];
    if (std::fabs(v) < 5e-7) v = 0;
    // std::to_chars gives printf's "%.6f" text (exact, ties to even) without its cost: a national
    // allocations.csv has 20,000 of these (checked equal on 21 million values, issue 17).
    if (std::isfinite(v) && std::fabs(v) < 1e15) {
        auto res = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 6);
        return std::string(b, res.ptr);
    }
    std::snprintf(b, sizeof b, "%.6f", v);
    return b;
}

// A count that may be fractional: integers without decimals.
inline std::string count(double v) {
    char b[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15 && !(v == 0 && std::signbit(v)))
        return std::to_string(static_cast<long long>(v));  // "%.0f" of a whole number: its digits
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        std::snprintf(b, sizeof b, "%.0f", v);
    else
        std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}

// `v` printed with one printf conversion for a double ("%.1f", "%+.2f", "%g"...): the one number
// formatter of the writers.
std::string number_text(const char* printf_format, double v);

// Money for people: £1,234,567.89
std::string pounds(double v);

// Digits grouped by thousands, without the sign: 1234567 -> "1,234,567".
std::string group_thousands(long long whole);

// Whole pounds for people: £1,234,567 and -£1,234 (half a pound away from zero).
std::string pounds_whole(double v);
// A signed change in whole pounds: +£1,234, -£1,234, £0.
std::string signed_pounds_whole(double v);
// A fraction as a percentage for people: 0.0123 -> "1.23%"; `sign` adds "+" to positive values.
std::string percent_text(double fraction, int decimals = 2, bool sign = false);
// Pupils for people: 212,831 (a fractional count keeps its decimals).
std::string pupils_text(double v);
// Pupils of a projected census for people, to 2 decimal places where fractional: 211,330.12; 212,831.
std::string pupils_2dp(double v);

}  // namespace fundsim
