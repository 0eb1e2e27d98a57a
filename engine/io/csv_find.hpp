// The CSV loop's byte search: the next delimiter, quote or line break in a block, 16 bytes at a time with
// SSE2 where the target has it (every x86_64), one byte at a time otherwise.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fundsim {

// The first i in [from, n) with p[i] one of `a`, `b`, `c`, `d`; n if none.
[[gnu::always_inline]] inline std::size_t csv_find_any(const char* p, std::size_t from, std::size_t n, char a,
                                                       char b, char c, char d) {
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
        const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m));
        if (bits != 0) return i + static_cast<std::size_t>(__builtin_ctz(bits));
    }
#endif
    for (; i < n; ++i) {
        const char x = p[i];
        if (x == a || x == b || x == c || x == d) return i;
    }
    return n;
}

// The end of an unquoted cell: a delimiter, a line break, or a quote (which is malformed there).
[[gnu::always_inline]] inline std::size_t csv_find4(const char* p, std::size_t from, std::size_t n,
                                                    unsigned char delimiter) {
    return csv_find_any(p, from, n, static_cast<char>(delimiter), '"', '\n', '\r');
}

// Inside quotes: the next quote, or a line break to count.
[[gnu::always_inline]] inline std::size_t csv_find_quote_or_break(const char* p, std::size_t from,
                                                                  std::size_t n) {
    return csv_find_any(p, from, n, '"', '"', '\n', '\r');
}

// The 64 bytes at p, classified: bit k of `special` set if p[k] is the delimiter, a quote, CR or LF; of
// `space` if p[k] is a space or a tab other than the delimiter. The CSV loop's fast path walks the bits.
struct CsvMasks {
    std::uint64_t special, space;
};
[[gnu::always_inline]] inline CsvMasks csv_masks64(const char* p, unsigned char delimiter) {
    const char d = static_cast<char>(delimiter);
    const char sp = d == ' ' ? '\t' : ' ', tab = d == '\t' ? ' ' : '\t';
    CsvMasks m{0, 0};
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8(d), vq = _mm_set1_epi8('"'), vcr = _mm_set1_epi8('\r'),
                  vlf = _mm_set1_epi8('\n'), vsp = _mm_set1_epi8(sp), vtab = _mm_set1_epi8(tab);
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        const __m128i x = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vd), _mm_cmpeq_epi8(v, vq)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, vcr), _mm_cmpeq_epi8(v, vlf)));
        const __m128i y = _mm_or_si128(_mm_cmpeq_epi8(v, vsp), _mm_cmpeq_epi8(v, vtab));
        m.special |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(x))) << (16 * k);
        m.space |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(y))) << (16 * k);
    }
#else
    for (int k = 0; k < 64; ++k) {
        const char c = p[k];
        if (c == d || c == '"' || c == '\r' || c == '\n') m.special |= std::uint64_t{1} << k;
        if (c == sp || c == tab) m.space |= std::uint64_t{1} << k;
    }
#endif
    return m;
}

}  // namespace fundsim
