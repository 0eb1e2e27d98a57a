// Text checks shared by every reader: the one UTF-8 validator (docs/interfaces.md §1: inputs are UTF-8) and a
// fast test for bytes above 0x7F, which lets readers skip the validator on plain ASCII.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace fundsim {

// Offset of the first byte of `p[0, n)` that does not start a well-formed UTF-8 sequence (RFC 3629 and
// Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short by
// the end), or `n` if the text is all well-formed. The offset is that of the sequence's first byte.
std::size_t invalid_utf8_at(const unsigned char* p, std::size_t n);

inline std::size_t invalid_utf8_at(std::string_view text) {
    return invalid_utf8_at(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

// True if some byte of `p[0, n)` is 0x80 or above (eight bytes at a time).
inline bool has_high_byte(const char* p, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) return true;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(p[i]) >= 0x80) return true;
    return false;
}

}  // namespace fundsim
