// SHA-256's compression on the x86 SHA extensions (engine/core/sha256_blocks.hpp): four rounds per pair of
// sha256rnds2 instructions, the message schedule by sha256msg1/msg2. Same state as the plain form, which
// the tests check on random data; compiled for these instructions only in this function, and called only
// after CPUID says the processor has them.
#include "engine/core/sha256_blocks.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

namespace fundsim::sha256_blocks {

bool has_x86_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    // CPUID leaf 1, ECX bit 19: SSE4.1; leaf 7, EBX bit 29: the SHA extensions.
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19))) return false;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return (b & (1u << 29)) != 0;
}

__attribute__((target("sha,sse4.1"))) void x86_sha(std::uint32_t* h, const std::uint8_t* data,
                                                   std::size_t n) {
    // The instructions keep the state as ABEF and CDGH (A in the high word): rearrange from h's ABCD EFGH.
    __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h));       // DCBA (A low)
    __m128i s1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + 4));  // HGFE
    t = _mm_shuffle_epi32(t, 0xB1);                                         // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);                                       // EFGH
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                 // ABEF
    s1 = _mm_blend_epi16(s1, t, 0xF0);                                      // CDGH
    const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    for (; n > 0; --n, data += 64) {
        const __m128i abef = s0, cdgh = s1;
        __m128i w[4];  // the last four groups of four schedule words, w[g % 4] for group g
        for (int g = 0; g < 16; ++g) {
            __m128i& m = w[g % 4];
            if (g < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)),
                                     big_endian);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
                const __m128i w7 = _mm_alignr_epi8(w[(g - 1) % 4], w[(g - 2) % 4], 4);
                m = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w[g % 4], w[(g - 3) % 4]), w7),
                                         w[(g - 1) % 4]);
            }
            __m128i k =
                _mm_add_epi32(m, _mm_load_si128(reinterpret_cast<const __m128i*>(kRoundConstants + 4 * g)));
            s1 = _mm_sha256rnds2_epu32(s1, s0, k);
            k = _mm_shuffle_epi32(k, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, k);
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    // Back to ABCD EFGH.
    t = _mm_shuffle_epi32(s0, 0x1B);    // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);   // DCHG
    s0 = _mm_blend_epi16(t, s1, 0xF0);  // DCBA
    s1 = _mm_alignr_epi8(s1, t, 8);     // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h), s0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h + 4), s1);
}

}  // namespace fundsim::sha256_blocks

#else

namespace fundsim::sha256_blocks {
bool has_x86_sha() { return false; }
void x86_sha(std::uint32_t* h, const std::uint8_t* data, std::size_t n) { plain(h, data, n); }
}  // namespace fundsim::sha256_blocks

#endif
