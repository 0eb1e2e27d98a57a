// The people's number formats of reports/format.hpp: pounds, whole pounds, signed changes, percentages and
// pupil counts grouped by thousands.
#include "reports/format.hpp"

namespace fundsim {

std::string number_text(const char* printf_format, double v) {
    char b[64];
    std::snprintf(b, sizeof b, printf_format, v);
    return b;
}

namespace {

// "1234567" -> "1,234,567".
std::string group_digits(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string group_thousands(long long whole) {
    return group_digits(std::to_string(whole < 0 ? -whole : whole));
}

std::string pounds(double v) {
    if (std::fabs(v) < 0.005) v = 0;
    const std::string digits = number_text("%.2f", std::fabs(v));
    const auto dot = digits.find('.');
    if (dot == std::string::npos) return digits;  // "inf" or "nan": nothing to group (never a real budget)
    return std::string(v < 0 ? "-£" : "£") + group_digits(digits.substr(0, dot)) + digits.substr(dot);
}

std::string pounds_whole(double v) {
    const long long w = std::llround(v);  // half away from zero, as docs/funding-model.md §7 rounds
    return std::string(w < 0 ? "-£" : "£") + group_thousands(w);
}

std::string signed_pounds_whole(double v) {
    const long long w = std::llround(v);
    // A change of a few pence is still a change (a school gains or loses from a penny): show the pence
    // rather than a "£0" that contradicts the count of gainers.
    if (w == 0 && std::fabs(v) >= 0.005) return (v > 0 ? "+" : "") + pounds(v);
    return std::string(w > 0 ? "+£" : (w < 0 ? "-£" : "£")) + group_thousands(w);
}

std::string percent_text(double fraction, int decimals, bool sign) {
    if (!std::isfinite(fraction)) return "—";
    double p = fraction * 100.0;
    if (std::fabs(p) < 0.5 * std::pow(10.0, -decimals)) p = 0;  // never "-0.00%"
    char b[64];
    std::snprintf(b, sizeof b, sign ? "%+.*f%%" : "%.*f%%", decimals, p);
    std::string s = b;
    if (sign && p == 0) s = s.substr(1);  // no sign on zero
    return s;
}

std::string pupils_text(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return (v < 0 ? "-" : "") + group_thousands(std::llabs(static_cast<long long>(v)));
    return count(v);
}

std::string pupils_2dp(double v) {
    const double r = std::round(v * 100) / 100;
    if (r == std::floor(r)) return pupils_text(r);
    const auto pence = static_cast<long long>(std::llround(std::fabs(r) * 100));
    const int frac = static_cast<int>(pence % 100);
    return std::string(r < 0 ? "-" : "") + group_thousands(pence / 100) + "." +
           static_cast<char>('0' + frac / 10) + static_cast<char>('0' + frac % 10);
}

}  // namespace fundsim
