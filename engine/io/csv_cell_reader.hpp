// fundsim's CSV loop: reads a file or a buffer in blocks and hands each cell in place to a sink, counting
// lines and applying the limits and checks every CSV input gets (RFC 4180 quoting, no NUL byte, UTF-8 text).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "engine/io/csv_find.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

// The block a file is read in: 1 MB, or the whole file and one byte when it is smaller (a school file or an
// LSOA lookup need not cost a megabyte). Allocated with make_unique_for_overwrite: a reader that clears
// memory it is about to overwrite spends most of its time on a small file doing so.
inline constexpr std::size_t kCsvReadBlock = std::size_t{1} << 20;
std::size_t csv_read_block(std::FILE* f);
// The slices read_buffer parses bytes in memory in (where a cell in progress is checked against the limit).
inline constexpr std::size_t kCsvBufferChunk = std::size_t{1} << 16;

// The loop's state between blocks, and its checks and refusals (out of line). The grammar is the one
// libcsv gave fundsim with CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI, which stays the reference of
// tests/property/csv_loop_agreement_test.cpp: spaces and tabs around an unquoted cell and around a quoted
// one are not part of it; a quote inside an unquoted cell, or anything but spaces, a delimiter or a line
// break after a closing quote, is malformed; "" inside quotes is one quote; CR, LF and CRLF end a record;
// a line of nothing but spaces is blank. Lines are counted on the bytes: CR, LF and CRLF are one line
// each, inside quotes too.
struct CsvScan {
    enum class State : std::uint8_t {
        row_start,   // before a record (blank lines and spaces skipped)
        cell_start,  // after a delimiter
        unquoted,    // in an unquoted cell carried over a block boundary (its text so far in `carry`)
        quoted,      // inside quotes (the text so far in `carry` when carried or unescaped)
        quote_end,   // after a quote inside quotes: the cell's end, or the first of ""
    };
    std::string name;  // the file's name in messages
    CsvLimits limits;
    // Whether a UTF-8 refusal quotes up to 40 bytes of the text before the bad byte. The pupil reader
    // does not: any cell of a pupil file may hold a pupil's identifier.
    bool quote_text = true;
    std::int64_t line = 1;             // line of the next byte
    std::int64_t record_line = 1;      // line the current record started on
    std::int64_t cell_line = 1;        // line the current quoted cell started on
    std::size_t cells = 0, bytes = 0;  // of the current record so far
    State state = State::row_start;
    std::size_t spaces = 0;  // State::quote_end: spaces and tabs after the quote
    bool last_cr = false;    // the last block ended with CR (an LF starting the next is the same line break)
    // Whole-block checks keep the per-byte work out of the common case: cells are scanned for NUL bytes
    // only once one has appeared in the input, and for UTF-8 only once a byte above 0x7F has.
    bool nul_seen = false, high_seen = false;
    std::string carry;  // a cell carried over a block boundary, or a quoted cell with "" unescaped

    // Refuses a delimiter the loop cannot tell apart (a quote, CR or LF).
    void check_delimiter() const;
    // Notes what a block about to be parsed holds (a NUL, a byte above 0x7F).
    void scan_block(const char* p, std::size_t n) {
        if (!nul_seen || !high_seen) scan_block_slow(p, n);
    }
    void scan_block_slow(const char* p, std::size_t n);
    // The per-byte checks of one cell that starts on `at_line`, once the input has shown a NUL or a high
    // byte; throws InputError if the cell is refused.
    [[gnu::noinline]] void check_cell(const char* p, std::size_t len, std::int64_t at_line) const;
    // After each block: a cell still open and already over the limit is refused, so that a file of one
    // endless line cannot fill memory.
    void end_block(const char* p, std::size_t n);
    // The refusals of a cell, a record or a column count over the limits (rare: out of line).
    [[noreturn, gnu::cold, gnu::noinline]] void limit_error(std::size_t len) const;
    [[noreturn, gnu::cold, gnu::noinline]] void quoting_error() const;
    [[noreturn, gnu::cold, gnu::noinline]] void unclosed_error() const;
    // docs/interfaces.md §1: UTF-8. Names the line of the bad byte itself, and the field.
    [[noreturn, gnu::cold, gnu::noinline]] void utf8_error(const char* p, std::size_t len, std::size_t bad,
                                                           std::int64_t at_line) const;
};

// Reads the file `scan.name` block by block, a UTF-8 BOM skipped, calling `on_block` with each; throws
// InputError naming the file for an unreadable file.
using CsvBlockCallback = void (*)(void* reader, const char* p, std::size_t n);
void csv_read_file(CsvScan& scan, CsvBlockCallback on_block, void* reader);

// Hands each cell of a CSV input to `sink.cell(index, text)` and each record's end to
// `sink.end(line, cells)` (blank lines give no record); the text is valid only during the call. A
// template so that the sink's code is compiled into the loop: the pupil reader relies on it to read a
// national extract at hundreds of MB/s. Throws InputError naming file and line for bad quoting, the limits,
// NUL bytes and text that is not UTF-8; an exception thrown by the sink stops the read and is passed on
// unchanged.
template <class Sink>
class CsvCellReader {
  public:
    CsvCellReader(std::string name, Sink& sink, const CsvLimits& limits = {}, bool quote_text = true)
        : sink_(sink) {
        s_.name = std::move(name);
        s_.limits = limits;
        s_.quote_text = quote_text;
        s_.check_delimiter();
    }

    void read_file() {
        csv_read_file(
            s_,
            [](void* self, const char* p, std::size_t n) { static_cast<CsvCellReader*>(self)->block(p, n); },
            this);
        finish();
    }
    // `chunk`: the slices the bytes are parsed in (tests make it small to cross many boundaries).
    void read_buffer(std::string_view data, std::size_t chunk = kCsvBufferChunk) {
        if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
        for (std::size_t off = 0; off < data.size(); off += chunk)
            block(data.data() + off, std::min(chunk, data.size() - off));
        finish();
    }

  private:
    using State = CsvScan::State;

    [[gnu::always_inline]] bool is_space(char c) const {
        return (c == ' ' || c == '\t') && static_cast<unsigned char>(c) != s_.limits.delimiter;
    }

    [[gnu::always_inline]] void emit(const char* p, std::size_t len, std::int64_t at_line) {
        s_.bytes += len;
        if (len > s_.limits.max_field_bytes || s_.cells >= s_.limits.max_fields ||
            s_.bytes > s_.limits.max_record_bytes) [[unlikely]]
            s_.limit_error(len);
        if (s_.nul_seen || s_.high_seen) [[unlikely]]
            s_.check_cell(p, len, at_line);
        sink_.cell(s_.cells, std::string_view(p, len));
        ++s_.cells;
    }

    // The record ends at the line break p[i] (CR, LF, or the CR of a CRLF); returns where the next starts.
    [[gnu::always_inline]] std::size_t end_record(const char* p, std::size_t n, std::size_t i) {
        sink_.end(s_.record_line, s_.cells);
        s_.cells = 0;
        s_.bytes = 0;
        s_.state = State::row_start;
        ++s_.line;
        if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ++i;
        return i + 1;
    }

    // An unquoted cell p[a, e) without its trailing spaces, then what ends it at p[e]; returns where the
    // next cell or record starts.
    [[gnu::always_inline]] std::size_t unquoted_end(const char* p, std::size_t n, const char* cell,
                                                    std::size_t len, std::size_t e) {
        const char c = p[e];
        if (c == '"') [[unlikely]]
            s_.quoting_error();
        while (len > 0 && is_space(cell[len - 1])) --len;
        emit(cell, len, s_.line);
        if (static_cast<unsigned char>(c) == s_.limits.delimiter) {
            s_.state = State::cell_start;
            return e + 1;
        }
        return end_record(p, n, e);
    }

    void block(const char* p, std::size_t n) {
        s_.scan_block(p, n);
        std::size_t i = 0;
        if (s_.state == State::row_start && s_.last_cr && n > 0 && p[0] == '\n') i = 1;  // a CRLF split
        if (s_.state == State::unquoted) {
            const std::size_t e = csv_find4(p, 0, n, s_.limits.delimiter);
            s_.carry.append(p, e);
            if (e == n) return s_.end_block(p, n);
            i = unquoted_end(p, n, s_.carry.data(), s_.carry.size(), e);
        } else if (s_.state == State::quoted) {
            i = quoted(p, n, 0, true);
        } else if (s_.state == State::quote_end) {
            i = after_quote(p, n, 0, nullptr, 0);
        }
        const unsigned char delim = s_.limits.delimiter;
        while (i < n) {
            if (i + 64 <= n) {
                i = fast_cells(p, n, i);
                if (i >= n) break;
            }
            const char c = p[i];
            if (s_.state == State::row_start) {
                if (c == '\n' || c == '\r') {
                    ++s_.line;
                    i += (c == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
                    continue;
                }
                if (is_space(c)) {
                    ++i;
                    continue;
                }
                s_.record_line = s_.line;
                s_.state = State::cell_start;
            } else if (is_space(c)) {
                ++i;
                continue;
            } else if (c == '\n' || c == '\r') {  // after a delimiter: an empty last cell
                emit(p + i, 0, s_.line);
                i = end_record(p, n, i);
                continue;
            }
            if (static_cast<unsigned char>(c) == delim) {
                emit(p + i, 0, s_.line);
                ++i;
                continue;
            }
            if (c == '"') {
                s_.state = State::quoted;
                s_.cell_line = s_.line;
                i = quoted(p, n, i + 1, false);
                continue;
            }
            const std::size_t e = csv_find4(p, i + 1, n, delim);
            if (e == n) {  // the cell goes on in the next block
                s_.state = State::unquoted;
                s_.carry.assign(p + i, n - i);
                break;
            }
            i = unquoted_end(p, n, p + i, e - i, e);
        }
        s_.end_block(p, n);
    }

    // The fast path, from a record's or a cell's start at p[i] (State::row_start or cell_start): unquoted
    // cells with no space or tab at either end, found 64 bytes at a time by walking the bits of
    // csv_masks64. Returns where the general loop takes over: at a quote, a blank line, spaces to trim, a
    // cell longer than 64 bytes, or within 64 bytes of the block's end.
    [[gnu::always_inline]] std::size_t fast_cells(const char* p, std::size_t n, std::size_t i) {
        // The state in locals, so that it stays in registers across the sink's calls (a store by the sink
        // could otherwise be to any of it); written back on the way out, and before a refusal reads it.
        const CsvLimits lim = s_.limits;
        const bool careful = s_.nul_seen || s_.high_seen;
        bool row_start = s_.state == State::row_start;
        std::size_t cells = s_.cells, bytes = s_.bytes;
        std::int64_t line = s_.line, record_line = s_.record_line;
        auto sync = [&] {
            s_.state = row_start ? State::row_start : State::cell_start;
            s_.cells = cells;
            s_.bytes = bytes;
            s_.line = line;
            s_.record_line = record_line;
        };
        while (i + 64 <= n) {
            const CsvMasks m = csv_masks64(p + i, lim.delimiter);
            std::uint64_t special = m.special;
            std::size_t pos = 0;  // the cell's start in the window
            while (special != 0) {
                const auto e = static_cast<std::size_t>(__builtin_ctzll(special));
                const char c = p[i + e];
                // A quoted cell or a quote inside an unquoted one, spaces to skip or trim, and at a record's
                // start a blank line or a delimiter first: the general loop's.
                if (c == '"' ||
                    (e > pos && (((m.space >> pos) & 1) != 0 || ((m.space >> (e - 1)) & 1) != 0)) ||
                    (row_start && e == pos)) {
                    sync();
                    return i + pos;
                }
                if (row_start) {
                    record_line = line;
                    row_start = false;
                }
                const char* cell = p + i + pos;
                const std::size_t len = e - pos;
                if (len > lim.max_field_bytes || cells >= lim.max_fields ||
                    bytes + len > lim.max_record_bytes || careful) [[unlikely]] {
                    sync();
                    emit(cell, len, line);  // the checks and refusals, then the sink
                    cells = s_.cells;
                    bytes = s_.bytes;
                } else {
                    bytes += len;
                    sink_.cell(cells, std::string_view(cell, len));
                    ++cells;
                }
                special &= special - 1;
                pos = e + 1;
                if (static_cast<unsigned char>(c) == lim.delimiter) continue;
                sink_.end(record_line, cells);  // a line break ends the record
                cells = 0;
                bytes = 0;
                row_start = true;
                ++line;
                if (c == '\r' && i + pos < n && p[i + pos] == '\n') {  // CRLF
                    ++pos;
                    if (pos <= 64) special &= special - 1;  // the LF's bit, when it is in the window
                }
            }
            if (pos == 0) break;  // a cell of 64 bytes or more
            i += pos;
        }
        sync();
        return i;
    }

    // Inside quotes from p[j]: the text up to the next quote (counting its line breaks), then what that
    // quote is. `carried`: the cell's text so far is in `carry`. Returns where parsing goes on.
    std::size_t quoted(const char* p, std::size_t n, std::size_t j, bool carried) {
        std::size_t start = j;  // the text not yet copied
        for (;;) {
            const std::size_t k = csv_find_quote_or_break(p, j, n);
            if (k == n) {
                if (!carried) s_.carry.clear();
                s_.carry.append(p + start, n - start);
                return n;
            }
            if (p[k] != '"') {
                if (p[k] == '\r' || (k > 0 ? p[k - 1] != '\r' : !s_.last_cr)) ++s_.line;
                j = k + 1;
                continue;
            }
            if (k + 1 < n && p[k + 1] == '"') {  // "" is one quote
                if (!carried) s_.carry.clear();
                s_.carry.append(p + start, k + 1 - start);
                carried = true;
                start = j = k + 2;
                continue;
            }
            if (carried) {
                s_.carry.append(p + start, k - start);
                return after_quote(p, n, k + 1, nullptr, 0);
            }
            return after_quote(p, n, k + 1, p + start, k - start);
        }
    }

    // After a quote inside quotes (State::quote_end), at p[k]: spaces, then the cell's end, or the second
    // quote of "". The cell's text is `cell` (in place), or `carry` when `cell` is null.
    std::size_t after_quote(const char* p, std::size_t n, std::size_t k, const char* cell, std::size_t len) {
        if (s_.state != State::quote_end) {
            s_.state = State::quote_end;
            s_.spaces = 0;
        }
        while (k < n && is_space(p[k])) ++k, ++s_.spaces;
        if (k == n) {
            if (cell != nullptr) s_.carry.assign(cell, len);
            return n;
        }
        const char c = p[k];
        if (c == '"') {
            if (s_.spaces > 0) s_.quoting_error();
            // The first quote of "" ended the last block: the cell goes on, carried.
            s_.carry.push_back('"');
            s_.state = State::quoted;
            return quoted(p, n, k + 1, true);
        }
        const bool delim = static_cast<unsigned char>(c) == s_.limits.delimiter;
        if (!delim && c != '\r' && c != '\n') s_.quoting_error();
        if (cell == nullptr) {
            cell = s_.carry.data();
            len = s_.carry.size();
        }
        emit(cell, len, s_.cell_line);
        if (delim) {
            s_.state = State::cell_start;
            return k + 1;
        }
        return end_record(p, n, k);
    }

    // The end of the input: the last record if it has no line break.
    void finish() {
        switch (s_.state) {
            case State::row_start:
                return;
            case State::cell_start:
                emit(s_.carry.data(), 0, s_.line);
                break;
            case State::unquoted: {
                std::size_t len = s_.carry.size();
                while (len > 0 && is_space(s_.carry[len - 1])) --len;
                emit(s_.carry.data(), len, s_.line);
                break;
            }
            case State::quoted:
                s_.unclosed_error();
            case State::quote_end:
                emit(s_.carry.data(), s_.carry.size(), s_.cell_line);
                break;
        }
        sink_.end(s_.record_line, s_.cells);
        s_.state = State::row_start;
    }

    CsvScan s_;
    Sink& sink_;
};

}  // namespace fundsim
