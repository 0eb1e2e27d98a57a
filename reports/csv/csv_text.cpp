// Text cells safe to open in a spreadsheet (reports/csv/csv_text.hpp).
#include "reports/csv/csv_text.hpp"

#include "engine/io/csv_reader.hpp"  // csv_quote

namespace fundsim {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A plain decimal number with an optional sign, fraction and exponent: what a spreadsheet reads as a
// number, never as a formula.
bool is_plain_number(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) ++digits;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && is_digit(s[i]); ++i) ++digits;
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        for (; i < s.size() && is_digit(s[i]); ++i) ++exponent;
        if (exponent == 0) return false;
    }
    return i == s.size();
}

}  // namespace

bool csv_text_is_formula(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '@':
        case '\t':
        case '\r':
            return true;
        case '+':
        case '-':
            return !is_plain_number(cell);
        default:
            return false;
    }
}

std::string csv_text(std::string_view cell) {
    if (!csv_text_is_formula(cell)) return csv_quote(cell);
    std::string quoted = "'";
    quoted += cell;
    return csv_quote(quoted);
}

}  // namespace fundsim
