// Number and text formatting shared by the writers: pennies, 6-decimal fractions, CSV quoting.
#pragma once

#include <cmath>
#include <charconv>
#include <cstdio>
#include <string>

namespace fundsim {

// Money to the penny, no thousands separators ("-0.00" never appears).
inline std::string money(double v) {
    char b[64];
    if (std::fabs(v) < 0.005) v = 0;
    auto res = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 2);
    // Beyond 60 digits the buffer is too small and holds nothing: never print it (calculate() refuses
    // such amounts, so this only guards a writer called on something else).
    if (res.ec != std::errc()) return std::to_string(v);
    return std::string(b, res.ptr);
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

inline std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace fundsim
