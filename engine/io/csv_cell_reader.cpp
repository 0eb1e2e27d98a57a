// The libcsv driver's loop: read blocks, skip a BOM, feed the parser, and turn libcsv's failures, the
// limits and the text checks into InputError naming the file and the line.
#include "engine/io/csv_cell_reader.hpp"

#include <csv.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/core/error.hpp"
#include "engine/core/text.hpp"

namespace fundsim {

namespace {

// The refusal of a cell longer than the limit. libcsv holds a cell whole until it ends, so the driver
// also checks the cell in progress after each block it feeds: a file of one endless line is refused
// once past the limit, before it can fill memory.
std::string cell_limit_message(const CsvLimits& limits) {
    return "a cell is longer than the limit of " + std::to_string(limits.max_field_bytes) + " bytes";
}

bool is_line_break(const char* p, std::size_t i, std::size_t len) {
    return p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'));
}

struct Parser {
    csv_parser p{};
    explicit Parser(unsigned char delimiter) {
        if (csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0)
            fail("cannot start the CSV parser");
        csv_set_delim(&p, delimiter);
        // libcsv grows its cell buffer by this many bytes at a time (128 by default). Where realloc
        // copies (AddressSanitizer's always does), a 10 MB cell took 82,000 growing copies: over 20
        // minutes under ASan before the cell limit could refuse it.
        csv_set_blk_size(&p, 1 << 16);
    }
    ~Parser() { csv_free(&p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
};

bool starts_with_bom(const char* p, std::size_t n) {
    return n >= 3 && static_cast<unsigned char>(p[0]) == 0xEF && static_cast<unsigned char>(p[1]) == 0xBB &&
           static_cast<unsigned char>(p[2]) == 0xBF;
}

void feed(Parser& parser, CsvScan& s, const char* data, std::size_t len, CsvCellCallback on_cell,
          CsvEndCallback on_end, void* reader) {
    s.scan_block(data, len);
    const std::size_t done = csv_parse(&parser.p, data, len, on_cell, on_end, reader);
    if (s.error) std::rethrow_exception(s.error);
    if (done != len) {
        const int err = csv_error(&parser.p);
        if (err == CSV_EPARSE)
            fail_line(s.name, s.in_record ? s.record_line : s.line,
                      "malformed quoting: a quote inside an unquoted cell, or text after a closing quote");
        fail(s.name + ": cannot parse CSV: " + csv_strerror(err));
    }
    if (parser.p.entry_pos > s.limits.max_field_bytes)  // a cell still open, already too long
        fail_line(s.name, s.in_record ? s.record_line : s.line, cell_limit_message(s.limits));
}

void finish(Parser& parser, CsvScan& s, CsvCellCallback on_cell, CsvEndCallback on_end, void* reader) {
    if (csv_fini(&parser.p, on_cell, on_end, reader) != 0)
        fail_line(s.name, s.record_line, "a quoted cell is never closed (missing closing quote)");
    if (s.error) std::rethrow_exception(s.error);
}

}  // namespace

std::size_t csv_read_block(std::FILE* f) {
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        static_cast<std::uint64_t>(st.st_size) < kCsvReadBlock)
        return static_cast<std::size_t>(st.st_size) + 1;
    return kCsvReadBlock;
}

void CsvScan::scan_block(const char* p, std::size_t n) {
    if (!quote_seen && std::memchr(p, '"', n) != nullptr) quote_seen = true;
    if (!nul_seen && std::memchr(p, '\0', n) != nullptr) nul_seen = true;
    if (!high_seen && has_high_byte(p, n)) high_seen = true;
    careful = quote_seen || nul_seen || high_seen;
}

bool CsvScan::check_cell(const char* p, std::size_t len) {
    if (nul_seen && len > 0 && std::memchr(p, '\0', len) != nullptr) {
        set_error("contains a NUL byte: this is not a text CSV file");
        return false;
    }
    if (high_seen) {
        const std::size_t bad = invalid_utf8_at(reinterpret_cast<const unsigned char*>(p), len);
        if (bad < len) {
            utf8_error(p, len, bad);
            return false;
        }
    }
    // Newlines inside quoted cells move the line count on for the records after this one.
    if (quote_seen)
        for (std::size_t i = 0; i < len; ++i)
            if (is_line_break(p, i, len)) ++embedded_newlines;
    return true;
}

void CsvScan::set_error(const std::string& detail) {
    if (error) return;
    try {
        fail_line(name, record_line, detail);
    } catch (...) {
        error = std::current_exception();
    }
}

void CsvScan::limit_error(std::size_t len) {
    if (len > limits.max_field_bytes) return set_error(cell_limit_message(limits));
    if (cells >= limits.max_fields)
        return set_error("a record has more than " + std::to_string(limits.max_fields) + " columns");
    set_error("a record is longer than the limit of " + std::to_string(limits.max_record_bytes) + " bytes");
}

// A Windows-1252 export (Excel's plain "CSV") or a binary file is refused here, naming the line and the
// byte, rather than carried into the outputs as broken text.
void CsvScan::utf8_error(const char* p, std::size_t len, std::size_t bad) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    std::int64_t at_line = record_line + embedded_newlines;  // the line of the bad byte itself
    std::size_t from = 0;
    for (std::size_t i = 0; i < bad; ++i)
        if (is_line_break(p, i, len)) ++at_line, from = i + 1;
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
    if (error) return;
    try {
        fail_line(name, at_line, detail);
    } catch (...) {
        error = std::current_exception();
    }
}

void csv_scan_file(CsvScan& s, CsvCellCallback on_cell, CsvEndCallback on_end, void* reader) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(s.name.c_str(), "rb"), &std::fclose);
    if (!f) fail(s.name + ": cannot open file: " + std::strerror(errno));
    Parser parser(s.limits.delimiter);
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
        feed(parser, s, p, n, on_cell, on_end, reader);
    }
    finish(parser, s, on_cell, on_end, reader);
}

void csv_scan_buffer(CsvScan& s, std::string_view data, CsvCellCallback on_cell, CsvEndCallback on_end,
                     void* reader) {
    if (starts_with_bom(data.data(), data.size())) data.remove_prefix(3);
    Parser parser(s.limits.delimiter);
    const std::size_t chunk = 1 << 16;
    for (std::size_t off = 0; off < data.size(); off += chunk)
        feed(parser, s, data.data() + off, std::min(chunk, data.size() - off), on_cell, on_end, reader);
    finish(parser, s, on_cell, on_end, reader);
}

}  // namespace fundsim
