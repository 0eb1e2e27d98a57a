// The CSV loop's out-of-line parts: reading a file in blocks (a BOM skipped), the whole-block checks, and
// the refusals of bad quoting, the limits and text that is not UTF-8, naming the file and the line.
#include "engine/io/csv_cell_reader.hpp"

#include <sys/stat.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/core/error.hpp"
#include "engine/core/text.hpp"

namespace fundsim {

namespace {

bool is_line_break(const char* p, std::size_t i, std::size_t len) {
    return p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'));
}

bool starts_with_bom(const char* p, std::size_t n) {
    return n >= 3 && static_cast<unsigned char>(p[0]) == 0xEF && static_cast<unsigned char>(p[1]) == 0xBB &&
           static_cast<unsigned char>(p[2]) == 0xBF;
}

}  // namespace

std::size_t csv_read_block(std::FILE* f) {
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        static_cast<std::uint64_t>(st.st_size) < kCsvReadBlock)
        return static_cast<std::size_t>(st.st_size) + 1;
    return kCsvReadBlock;
}

void CsvScan::check_delimiter() const {
    const unsigned char d = limits.delimiter;
    if (d == '"' || d == '\r' || d == '\n')
        fail(name + ": cannot read CSV with a quote or a line break as the delimiter");
}

void CsvScan::scan_block_slow(const char* p, std::size_t n) {
    std::size_t i = 0;
#if defined(__SSE2__)
    // Both questions in one pass over the block: the NUL bytes' and the high bits' OR, 64 bytes a round.
    const __m128i zero = _mm_setzero_si128();
    __m128i nul = zero, high = zero;
    for (; i + 64 <= n; i += 64)
        for (std::size_t k = 0; k < 64; k += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k));
            nul = _mm_or_si128(nul, _mm_cmpeq_epi8(v, zero));
            high = _mm_or_si128(high, v);
        }
    if (_mm_movemask_epi8(nul) != 0) nul_seen = true;
    if (_mm_movemask_epi8(high) != 0) high_seen = true;
#endif
    if (!nul_seen && std::memchr(p + i, '\0', n - i) != nullptr) nul_seen = true;
    if (!high_seen && has_high_byte(p + i, n - i)) high_seen = true;
}

void CsvScan::check_cell(const char* p, std::size_t len, std::int64_t at_line) const {
    if (nul_seen && len > 0 && std::memchr(p, '\0', len) != nullptr)
        fail_line(name, record_line, "contains a NUL byte: this is not a text CSV file");
    if (high_seen) {
        const std::size_t bad = invalid_utf8_at(reinterpret_cast<const unsigned char*>(p), len);
        if (bad < len) utf8_error(p, len, bad, at_line);
    }
}

// A cell longer than the limit. A cell is held whole only when it lies across a block boundary or has
// "" to unescape, so the loop also checks the cell in progress after each block: a file of one endless
// line is refused once past the limit, before it can fill memory.
void CsvScan::end_block(const char* p, std::size_t n) {
    if (n > 0) last_cr = p[n - 1] == '\r';
    std::size_t open = 0;  // the cell in progress, as libcsv counted it (its closing quote included)
    if (state == State::unquoted || state == State::quoted) open = carry.size();
    if (state == State::quote_end) open = carry.size() + 1 + spaces;
    if (open > limits.max_field_bytes) limit_error(open);
}

void CsvScan::limit_error(std::size_t len) const {
    if (len > limits.max_field_bytes)
        fail_line(name, record_line,
                  "a cell is longer than the limit of " + std::to_string(limits.max_field_bytes) + " bytes");
    if (cells >= limits.max_fields)
        fail_line(name, record_line,
                  "a record has more than " + std::to_string(limits.max_fields) + " columns");
    fail_line(name, record_line,
              "a record is longer than the limit of " + std::to_string(limits.max_record_bytes) + " bytes");
}

void CsvScan::quoting_error() const {
    fail_line(name, record_line,
              "malformed quoting: a quote inside an unquoted cell, or text after a closing quote");
}

void CsvScan::unclosed_error() const {
    fail_line(name, record_line, "a quoted cell is never closed (missing closing quote)");
}

// A Windows-1252 export (Excel's plain "CSV") or a binary file is refused here, naming the line and the
// byte, rather than carried into the outputs as broken text.
void CsvScan::utf8_error(const char* p, std::size_t len, std::size_t bad, std::int64_t at_line) const {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    std::size_t from = 0;
    for (std::size_t i = 0; i < bad; ++i)
        if (is_line_break(p, i, len)) ++at_line, from = i + 1;  // the line of the bad byte itself
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", u[bad]);
    std::string detail = "is not UTF-8 text: field " + std::to_string(cells + 1) + " has the byte " + hex;
    if (quote_text) {
        // Up to 40 bytes of the (valid) text before the bad byte, starting on a character boundary.
        if (bad - from > 40) from = bad - 40;
        while (from < bad && (u[from] & 0xC0) == 0x80) ++from;
        detail += " after \"" + std::string(p + from, bad - from) + "\"";
    }
    detail += " (save the file as \"CSV UTF-8\")";
    fail_line(name, at_line, detail);
}

void csv_read_file(CsvScan& s, CsvBlockCallback on_block, void* reader) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(s.name.c_str(), "rb"), &std::fclose);
    if (!f) fail(s.name + ": cannot open file: " + std::strerror(errno));
    const std::size_t block = csv_read_block(f.get());
    const auto buf = std::make_unique_for_overwrite<char[]>(block);
    bool first = true;
    for (;;) {
        std::size_t n = std::fread(buf.get(), 1, block, f.get());
        if (n == 0) {
            if (std::ferror(f.get())) fail(s.name + ": cannot read file: " + std::strerror(errno));
            break;
        }
        const char* p = buf.get();
        if (first) {
            first = false;
            if (starts_with_bom(p, n)) {
                p += 3;
                n -= 3;
            }
        }
        on_block(reader, p, n);
    }
}

}  // namespace fundsim
