// Number and text formatting shared by the writers: pennies, 6-decimal fractions, CSV quoting.
#pragma once

#include <cmath>
#include <charconv>
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
    if (res.ec != std::errc()) out += std::to_string(v);
    else out.append(b, res.ptr);
}

inline std::string money(double v) {
    std::string s;
    append_money(s, v);
    return s;
}

// Money for people: £1,234,567.89
inline std::string pounds(double v) {
    if (std::fabs(v) < 0.005) v = 0;
    char b[64];
    std::snprintf(b, sizeof b, "%.2f", std::fabs(v));
    std::string digits(b);
    auto dot = digits.find('.');
    if (dot == std::string::npos) return digits;  // "inf" or "nan": nothing to group (never a real budget)
    std::string whole = digits.substr(0, dot), out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return std::string(v < 0 ? "-£" : "£") + out + digits.substr(dot);
}

inline std::string fraction6(double v) {
    char b[64];
    if (std::fabs(v) < 5e-7) v = 0;
    std::snprintf(b, sizeof b, "%.6f", v);
    return b;
}

// A count that may be fractional: integers without decimals.
inline std::string count(double v) {
    char b[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(b, sizeof b, "%.0f", v);
    else std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}

}  // namespace fundsim
