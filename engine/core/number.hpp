// Strict parsing of numbers from text cells: plain decimal or exponent notation, no thousands
// separators, no currency signs, no NaN or infinity; surrounding spaces allowed.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace fundsim {

inline std::string_view trim(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
}

// True and sets `out` if `text` is a finite number; false otherwise (blank included).
inline bool parse_number(std::string_view text, double& out) {
    text = trim(text);
    if (text.empty()) return false;
    if (text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return false;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out, std::chars_format::general);
    if (ec != std::errc() || ptr != end) return false;
    // from_chars accepts "nan" and "inf"; money and counts must be finite.
    return std::isfinite(out);
}

// True and sets `out` if `text` is a whole number that fits in 64 bits.
inline bool parse_integer(std::string_view text, std::int64_t& out) {
    text = trim(text);
    if (text.empty()) return false;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

}  // namespace fundsim
