// libcsv driver: feeds the parser in chunks, counts lines (CR, LF and CRLF, and newlines inside
// quoted cells) so every record knows the line it starts on, and turns libcsv's failures into InputError.
#include "engine/io/csv_reader.hpp"

#include <csv.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

#include "engine/core/error.hpp"
#include "engine/core/text.hpp"

namespace fundsim {

namespace {

struct ParseState {
    const std::function<void(const CsvRecord&)>* on_record = nullptr;
    const CsvLimits* limits = nullptr;
    std::string name;
    std::string buffer;             // field bytes of the current record, back to back
    std::vector<std::size_t> ends;  // end offset of each field in buffer
    CsvRecord record;
    std::int64_t line = 1;               // line the next record starts on
    std::int64_t record_line = 1;        // line the current record started on
    std::int64_t embedded_newlines = 0;  // newlines inside quoted cells of the current record
    bool in_record = false;
    int prev_terminator = 0;
    std::exception_ptr error;  // first failure; parsing continues as a no-op until checked
};

void set_error(ParseState& s, const std::string& detail) {
    if (s.error) return;
    Where w;
    w.file = s.name;
    w.line = s.record_line;
    s.error = std::make_exception_ptr(InputError(w, detail));
}

// interfaces §1: the census is UTF-8. A Windows-1252 export (Excel's plain "CSV") or a binary file is
// refused here, naming the line and the byte, rather than carried into the outputs as broken text.
void check_utf8(ParseState& s, const char* p, std::size_t len) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    const std::size_t bad = invalid_utf8_at(u, len);
    if (bad == len) return;
    std::int64_t line = s.record_line + s.embedded_newlines;  // the line of the bad byte itself
    std::size_t from = 0;
    for (std::size_t i = 0; i < bad; ++i)
        if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))) ++line, from = i + 1;
    // Up to 40 bytes of the (valid) text before the bad byte, starting on a character boundary.
    if (bad - from > 40) from = bad - 40;
    while (from < bad && (u[from] & 0xC0) == 0x80) ++from;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", u[bad]);
    if (s.error) return;
    Where w;
    w.file = s.name;
    w.line = line;
    s.error = std::make_exception_ptr(InputError(
        w, "is not UTF-8 text: field " + std::to_string(s.ends.size() + 1) + " has the byte " + hex +
               " after \"" + std::string(p + from, bad - from) + "\" (save the file as \"CSV UTF-8\")"));
}

void on_field(void* data, std::size_t len, void* vs) {
    auto& s = *static_cast<ParseState*>(vs);
    if (s.error) return;
    if (!s.in_record) {
        s.in_record = true;
        s.record_line = s.line;
    }
    const char* p = static_cast<const char*>(data);
    if (len > s.limits->max_field_bytes) {
        set_error(s, cell_limit_message(*s.limits));
        return;
    }
    if (s.ends.size() >= s.limits->max_fields) {
        set_error(s, "a record has more than " + std::to_string(s.limits->max_fields) + " columns");
        return;
    }
    if (s.buffer.size() + len > s.limits->max_record_bytes) {
        set_error(s, "a record is longer than the limit of " + std::to_string(s.limits->max_record_bytes) +
                         " bytes");
        return;
    }
    if (len > 0) {
        if (std::memchr(p, '\0', len) != nullptr) {
            set_error(s, "contains a NUL byte: this is not a text CSV file");
            return;
        }
        check_utf8(s, p, len);
        if (s.error) return;
        // Newlines inside quoted cells move the line count on for the records after this one.
        for (std::size_t i = 0; i < len; ++i) {
            if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))) ++s.embedded_newlines;
        }
        s.buffer.append(p, len);
    }
    s.ends.push_back(s.buffer.size());
}

void on_record_end(int c, void* vs) {
    auto& s = *static_cast<ParseState*>(vs);
    // Line accounting: every unquoted CR or LF is reported here (CSV_REPALL_NL); CRLF is one line.
    bool counts = true;
    if (c == '\n' && s.prev_terminator == '\r') counts = false;
    s.prev_terminator = c;
    if (s.in_record && !s.error) {
        s.record.line = s.record_line;
        s.record.fields.clear();
        std::size_t start = 0;
        for (std::size_t e : s.ends) {
            s.record.fields.emplace_back(s.buffer.data() + start, e - start);
            start = e;
        }
        try {
            (*s.on_record)(s.record);
        } catch (...) {
            s.error = std::current_exception();
        }
    }
    if (s.in_record) {
        s.line += s.embedded_newlines;
        s.embedded_newlines = 0;
    }
    s.in_record = false;
    s.buffer.clear();
    s.ends.clear();
    if (counts && c != -1) ++s.line;
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

// Feeds one chunk; returns false once an error is stored.
void feed(Parser& parser, ParseState& s, const char* data, std::size_t len) {
    std::size_t done = csv_parse(&parser.p, data, len, on_field, on_record_end, &s);
    if (s.error) std::rethrow_exception(s.error);
    if (done != len) {
        int err = csv_error(&parser.p);
        if (err == CSV_EPARSE) {
            Where w;
            w.file = s.name;
            w.line = s.in_record ? s.record_line : s.line;
            throw InputError(
                w, "malformed quoting: a quote inside an unquoted cell, or text after a closing quote");
        }
        fail(s.name + ": cannot parse CSV: " + csv_strerror(err));
    }
    if (parser.p.entry_pos > s.limits->max_field_bytes) {  // a cell still open, already too long
        Where w;
        w.file = s.name;
        w.line = s.in_record ? s.record_line : s.line;
        throw InputError(w, cell_limit_message(*s.limits));
    }
}

void finish(Parser& parser, ParseState& s) {
    if (csv_fini(&parser.p, on_field, on_record_end, &s) != 0) {
        Where w;
        w.file = s.name;
        w.line = s.record_line;
        throw InputError(w, "a quoted cell is never closed (missing closing quote)");
    }
    if (s.error) std::rethrow_exception(s.error);
}

}  // namespace

void read_csv_buffer(std::string_view data, const std::string& name,
                     const std::function<void(const CsvRecord&)>& on_record, const CsvLimits& limits) {
    ParseState s;
    s.on_record = &on_record;
    s.limits = &limits;
    s.name = name;
    if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xEF &&
        static_cast<unsigned char>(data[1]) == 0xBB && static_cast<unsigned char>(data[2]) == 0xBF)
        data.remove_prefix(3);
    Parser parser(limits.delimiter);
    const std::size_t chunk = 1 << 16;
    for (std::size_t off = 0; off < data.size(); off += chunk)
        feed(parser, s, data.data() + off, std::min(chunk, data.size() - off));
    finish(parser, s);
}

std::string cell_limit_message(const CsvLimits& limits) {
    return "a cell is longer than the limit of " + std::to_string(limits.max_field_bytes) + " bytes";
}

std::size_t csv_read_block(std::FILE* f) {
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        static_cast<std::uint64_t>(st.st_size) < kCsvReadBlock)
        return static_cast<std::size_t>(st.st_size) + 1;
    return kCsvReadBlock;
}

void read_csv_file(const std::string& path, const std::function<void(const CsvRecord&)>& on_record,
                   const CsvLimits& limits) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) fail(path + ": cannot open file: " + std::strerror(errno));
    ParseState s;
    s.on_record = &on_record;
    s.limits = &limits;
    s.name = path;
    Parser parser(limits.delimiter);
    const std::size_t block = csv_read_block(f.get());
    const auto buf = std::make_unique_for_overwrite<char[]>(block);
    bool first = true;
    for (;;) {
        std::size_t n = std::fread(buf.get(), 1, block, f.get());
        if (n == 0) {
            if (std::ferror(f.get())) fail(path + ": cannot read file: " + std::strerror(errno));
            break;
        }
        const char* p = buf.get();
        if (first) {
            first = false;
            if (n >= 3 && static_cast<unsigned char>(p[0]) == 0xEF &&
                static_cast<unsigned char>(p[1]) == 0xBB && static_cast<unsigned char>(p[2]) == 0xBF) {
                p += 3;
                n -= 3;
            }
        }
        feed(parser, s, p, n);
    }
    finish(parser, s);
}

namespace {
std::string trimmed(std::string_view v) {
    std::size_t a = 0, b = v.size();
    while (a < b && (v[a] == ' ' || v[a] == '\t')) ++a;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t')) --b;
    return std::string(v.substr(a, b - a));
}
}  // namespace

CsvHeader::CsvHeader(const CsvRecord& header, const std::string& file) : file_(file) {
    names_.reserve(header.fields.size());
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string n = trimmed(header.fields[i]);
        if (n.empty()) fail_at(file, header.line, "#" + std::to_string(i + 1), n, "is a blank column name");
        for (const auto& prev : names_)
            if (prev == n) fail_at(file, header.line, n, n, "appears twice in the header");
        names_.push_back(std::move(n));
    }
}

int CsvHeader::find(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<int>(i);
    return -1;
}

int CsvHeader::require(std::string_view name, const std::string& why) const {
    int i = find(name);
    if (i < 0) {
        Where w;
        w.file = file_;
        w.line = 1;
        w.column = std::string(name);
        throw InputError(w, "is missing from the header" + (why.empty() ? std::string() : " (" + why + ")"));
    }
    return i;
}

std::string csv_quote(std::string_view cell) {
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace fundsim
