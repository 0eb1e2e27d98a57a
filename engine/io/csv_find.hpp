// The CSV loop's byte search: the next delimiter, quote or line break in a block, 16 bytes at a time with
// SSE2 where the target has it (every x86_64), one byte at a time otherwise.
#pragma once

#include <cstddef>

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

}  // namespace fundsim
