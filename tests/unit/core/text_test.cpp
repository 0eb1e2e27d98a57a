// The one UTF-8 validator (engine/core/text.hpp): Unicode table 3-7 at each edge, and agreement with a
// plain decoder (decode the code point, then refuse overlong forms, surrogates and values past U+10FFFF)
// on every input of up to three bytes and on four-byte inputs built from the edges of each byte class.
#include "engine/core/text.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

namespace core_text_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// The second implementation: decodes each sequence in full and checks the value it encodes.
std::size_t plain_invalid_utf8_at(const unsigned char* p, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1Fu, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0Fu, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07u, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return n;
}

}  // namespace

TEST_CASE("UTF-8: well-formed text passes, and the first bad sequence is found where it starts", "[text]") {
    CHECK(invalid_utf8_at("") == 0);
    CHECK(invalid_utf8_at("plain ASCII, 1,2,3") == 18);
    CHECK(invalid_utf8_at("Zo\xC3\xAB") == 4);  // ë, U+00EB
    CHECK(invalid_utf8_at("\xE2\x82\xAC"
                          "5") == 4);                     // €, U+20AC
    CHECK(invalid_utf8_at("\xF0\x9F\x98\x80") == 4);      // U+1F600
    CHECK(invalid_utf8_at("\xF4\x8F\xBF\xBF") == 4);      // U+10FFFF, the last
    CHECK(invalid_utf8_at("\xED\x9F\xBF") == 3);          // U+D7FF, before surrogates
    CHECK(invalid_utf8_at("\xEE\x80\x80") == 3);          // U+E000, after them
    CHECK(invalid_utf8_at("Zo\xEB") == 2);                // Windows-1252 ë
    CHECK(invalid_utf8_at("ab\xC0\xAF") == 2);            // overlong '/'
    CHECK(invalid_utf8_at("\xC1\xBF") == 0);              // overlong U+007F
    CHECK(invalid_utf8_at("\xE0\x9F\xBF") == 0);          // overlong U+07FF
    CHECK(invalid_utf8_at("\xF0\x8F\xBF\xBF") == 0);      // overlong U+FFFF
    CHECK(invalid_utf8_at("x\xED\xA0\x80") == 1);         // U+D800, a surrogate
    CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0);      // U+110000
    CHECK(invalid_utf8_at("\xF5\x80\x80\x80") == 0);      // no such lead byte
    CHECK(invalid_utf8_at("\xC3\xAB\xE2\x82") == 2);      // cut short at the end
    CHECK(invalid_utf8_at("\xE2\x28\xA1") == 0);          // continuation missing
    CHECK(invalid_utf8_at("\x80") == 0);                  // a lone continuation
    CHECK(invalid_utf8_at(std::string("a\0b", 3)) == 3);  // NUL is text (refused elsewhere)
}

TEST_CASE("UTF-8: the validator agrees with a plain decoder on every short input", "[text]") {
    unsigned char b[4];
    std::size_t compared = 0, differ = 0;
    auto compare = [&](std::size_t n) {
        ++compared;
        if (invalid_utf8_at(b, n) != plain_invalid_utf8_at(b, n)) ++differ;
    };
    for (int x = 0; x < 256; ++x) {
        b[0] = static_cast<unsigned char>(x);
        compare(1);
        for (int y = 0; y < 256; ++y) {
            b[1] = static_cast<unsigned char>(y);
            compare(2);
            for (int z = 0; z < 256; ++z) {
                b[2] = static_cast<unsigned char>(z);
                compare(3);
            }
        }
    }
    // Four bytes: every lead byte from 0xC0 and every second byte, the last two from each class's edges.
    const int edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
    for (int x = 0xC0; x < 256; ++x)
        for (int y = 0; y < 256; ++y)
            for (int z : edges)
                for (int w : edges) {
                    b[0] = static_cast<unsigned char>(x), b[1] = static_cast<unsigned char>(y);
                    b[2] = static_cast<unsigned char>(z), b[3] = static_cast<unsigned char>(w);
                    compare(4);
                }
    CHECK(compared == 256 + 256 * 256 + 256 * 256 * 256 + 64 * 256 * 14 * 14);
    CHECK(differ == 0);
}

TEST_CASE("has_high_byte: any byte above 0x7F, at any offset, in any length", "[text]") {
    for (std::size_t n = 0; n <= 20; ++n) {
        std::string s(n, 'a');
        CHECK(!has_high_byte(s.data(), n));
        for (std::size_t i = 0; i < n; ++i) {
            std::string t = s;
            t[i] = '\x80';
            CHECK(has_high_byte(t.data(), n));
            CHECK(!has_high_byte(t.data(), i));  // the bytes before it only
        }
    }
    CHECK(!has_high_byte("\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F", 9));
}

}  // namespace core_text_test
