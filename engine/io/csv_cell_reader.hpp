// The one libcsv driver: reads a file or a buffer in blocks and hands each cell in place to a sink,
// counting lines and applying the limits and checks every CSV input gets (no NUL byte, UTF-8 text).
#pragma once

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "engine/io/csv_reader.hpp"

namespace fundsim {

// The block a file is read in: 1 MB, or the whole file and one byte when it is smaller (a school file or an
// LSOA lookup need not cost a megabyte). Allocated with make_unique_for_overwrite: a reader that clears
// memory it is about to overwrite spends most of its time on a small file doing so.
inline constexpr std::size_t kCsvReadBlock = std::size_t{1} << 20;
std::size_t csv_read_block(std::FILE* f);

// What one read has seen so far, shared by the driver and the cell callbacks. Line counting covers CR, LF,
// CRLF and newlines inside quoted cells. Whole-block checks keep the per-byte work out of the common case:
// cells are scanned for embedded newlines only once a quote character has appeared in the input, for NUL
// bytes only once one has, and for UTF-8 only once a byte above 0x7F has.
struct CsvScan {
    std::string name;  // the file's name in messages
    CsvLimits limits;
    // Whether a UTF-8 refusal quotes up to 40 bytes of the text before the bad byte. The pupil reader
    // does not: any cell of a pupil file may hold a pupil's identifier.
    bool quote_text = true;
    std::int64_t line = 1;               // line the next record starts on
    std::int64_t record_line = 1;        // line the current record started on
    std::int64_t embedded_newlines = 0;  // newlines inside quoted cells of the current record
    std::size_t cells = 0, bytes = 0;    // of the current record so far
    bool in_record = false, quote_seen = false, nul_seen = false, high_seen = false;
    bool careful = false;  // any of the three above
    int prev_terminator = 0;
    std::exception_ptr error;  // the first failure; parsing goes on as a no-op until the driver checks

    // Notes what a block about to be parsed holds (a quote, a NUL, a byte above 0x7F).
    void scan_block(const char* p, std::size_t n);
    // The per-byte checks of one cell, once the input has shown a quote, a NUL or a high byte; false
    // (with `error` set) if the cell is refused.
    [[gnu::noinline]] bool check_cell(const char* p, std::size_t len);
    // The refusals of a cell, a record or a column count over the limits (rare: out of line).
    [[gnu::cold, gnu::noinline]] void limit_error(std::size_t len);
    [[gnu::cold, gnu::noinline]] void set_error(const std::string& detail);
    // docs/interfaces.md §1: UTF-8. Names the line of the bad byte itself, and the field.
    [[gnu::cold, gnu::noinline]] void utf8_error(const char* p, std::size_t len, std::size_t bad);
};

using CsvCellCallback = void (*)(void* cell, std::size_t len, void* reader);
using CsvEndCallback = void (*)(int terminator, void* reader);

// Run libcsv (RFC 4180 quoting, a UTF-8 BOM skipped) over the file `scan.name`, or over `data`, calling
// the callbacks with `reader`. Throw InputError naming file and line for unreadable files, bad quoting
// and the limits; rethrow the first error a callback stored.
void csv_scan_file(CsvScan& scan, CsvCellCallback on_cell, CsvEndCallback on_end, void* reader);
void csv_scan_buffer(CsvScan& scan, std::string_view data, CsvCellCallback on_cell, CsvEndCallback on_end,
                     void* reader);

// Hands each cell of a CSV input to `sink.cell(index, text)` and each record's end to
// `sink.end(line, cells)` (blank lines give no record); the text is valid only during the call. A
// template so that the sink's code is compiled into the cell callback: the pupil reader relies on it to
// read a national extract at well over 100 MB/s. An exception thrown by the sink stops the read and is
// passed on unchanged.
template <class Sink>
class CsvCellReader {
  public:
    CsvCellReader(std::string name, Sink& sink, const CsvLimits& limits = {}, bool quote_text = true)
        : sink_(sink) {
        scan_.name = std::move(name);
        scan_.limits = limits;
        scan_.quote_text = quote_text;
    }

    void read_file() { csv_scan_file(scan_, &on_cell, &on_end, this); }
    void read_buffer(std::string_view data) { csv_scan_buffer(scan_, data, &on_cell, &on_end, this); }

  private:
    static void on_cell(void* data, std::size_t len, void* self) {
        auto& r = *static_cast<CsvCellReader*>(self);
        CsvScan& s = r.scan_;
        if (s.error) return;
        if (!s.in_record) {
            s.in_record = true;
            s.record_line = s.line;
            s.cells = 0;
            s.bytes = 0;
        }
        const char* p = static_cast<const char*>(data);
        s.bytes += len;
        if (len > s.limits.max_field_bytes || s.cells >= s.limits.max_fields ||
            s.bytes > s.limits.max_record_bytes) [[unlikely]]
            return s.limit_error(len);
        if (s.careful && !s.check_cell(p, len)) return;
        try {
            r.sink_.cell(s.cells, std::string_view(p, len));
        } catch (...) {
            s.error = std::current_exception();
        }
        ++s.cells;
    }

    static void on_end(int c, void* self) {
        auto& r = *static_cast<CsvCellReader*>(self);
        CsvScan& s = r.scan_;
        // Every unquoted CR or LF is reported here (CSV_REPALL_NL); CRLF is one line.
        const bool counts = !(c == '\n' && s.prev_terminator == '\r');
        s.prev_terminator = c;
        if (s.in_record && !s.error) {
            try {
                r.sink_.end(s.record_line, s.cells);
            } catch (...) {
                s.error = std::current_exception();
            }
        }
        if (s.in_record) {
            s.line += s.embedded_newlines;
            s.embedded_newlines = 0;
        }
        s.in_record = false;
        if (counts && c != -1) ++s.line;
    }

    CsvScan scan_;
    Sink& sink_;
};

}  // namespace fundsim
