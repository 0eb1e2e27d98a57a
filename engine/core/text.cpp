// The UTF-8 validator: each lead byte allows a fixed range for the byte after it (Unicode table 3-7),
// which rules out overlong forms, surrogates and code points above U+10FFFF without decoding.
#include "engine/core/text.hpp"

namespace fundsim {

std::size_t invalid_utf8_at(const unsigned char* u, std::size_t len) {
    std::size_t i = 0;
    while (i < len) {
        const unsigned c = u[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;              // continuation bytes after the lead byte
        unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else
            return i;
        if (i + n >= len) return i;  // cut short by the end of the text
        if (u[i + 1] < lo || u[i + 1] > hi) return i;
        for (std::size_t k = 2; k <= n; ++k)
            if ((u[i + k] & 0xC0) != 0x80) return i;
        i += n + 1;
    }
    return len;
}

}  // namespace fundsim
