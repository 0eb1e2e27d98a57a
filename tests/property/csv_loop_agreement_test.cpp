// Two implementations agree (conventions, "Tests"): fundsim's CSV loop (engine/io/csv_cell_reader.hpp) and
// libcsv, the parser fundsim used before it, driven plainly here one byte at a time, give the same cells,
// the same record lines and the same refusal (or none) on random bytes: quotes, doubled quotes, CR, LF and
// CRLF, delimiters, spaces, blank lines, a BOM, NUL bytes and bytes that are not UTF-8, read in slices of
// 1 to 575 bytes so that every construct lies across a block boundary somewhere and the loop's 64-byte fast
// path runs too, under small limits as well.
#include <csv.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/text.hpp"
#include "engine/io/csv_cell_reader.hpp"

namespace csv_loop_agreement_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// What a reader gave: "cell <text>" and "end <line> <cells>" in order, then the refusal's text if any.
struct Outcome {
    std::vector<std::string> events;
    std::string error;
};

struct EventSink {
    Outcome* out;
    void cell(std::size_t i, std::string_view v) {
        out->events.push_back("cell " + std::to_string(i) + " [" + std::string(v) + "]");
    }
    void end(std::int64_t line, std::size_t cells) {
        out->events.push_back("end " + std::to_string(line) + " " + std::to_string(cells));
    }
};

struct Case {
    std::string data;
    CsvLimits limits;
    bool quote_text = true;
    std::size_t chunk = 0;
};

bool is_break(const std::string& d, std::size_t i) {
    return d[i] == '\r' || (d[i] == '\n' && (i == 0 || d[i - 1] != '\r'));
}

// libcsv's state before any cell of a record (ROW_NOT_BEGUN in libcsv.c).
constexpr int kRowNotBegun = 0;

// The reference: libcsv with the options fundsim gave it, fed one byte at a time, so that the offset of
// every event is known and lines are counted on the bytes (1 + the CR, LF and CRLF before the record's
// first byte). The checks in the order the loop makes them: the limits, a NUL byte, UTF-8; a cell still
// open past the limit at the end of each slice; bad quoting where libcsv stops.
struct Reference {
    const Case& c;
    Outcome out;
    std::string data;              // without the BOM
    std::vector<std::int64_t> at;  // line of each byte
    std::int64_t record_line = 1;
    std::size_t cells = 0, bytes = 0;
    std::int64_t newlines_before = 0;  // line breaks inside the record's earlier cells
    bool failed = false;

    explicit Reference(const Case& cs) : c(cs) {
        data = cs.data;
        if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
        std::int64_t line = 1;
        for (std::size_t i = 0; i < data.size(); ++i) {
            at.push_back(line);
            if (is_break(data, i)) ++line;
        }
        at.push_back(line);
    }

    void fail_here(std::int64_t line, const std::string& detail) {
        if (failed) return;
        failed = true;
        try {
            fail_line("f.csv", line, detail);
        } catch (const std::exception& e) {
            out.error = e.what();
        }
    }

    void on_cell(const char* p, std::size_t len) {
        if (failed) return;
        bytes += len;
        if (len > c.limits.max_field_bytes)
            return fail_here(record_line, "a cell is longer than the limit of " +
                                              std::to_string(c.limits.max_field_bytes) + " bytes");
        if (cells >= c.limits.max_fields)
            return fail_here(record_line,
                             "a record has more than " + std::to_string(c.limits.max_fields) + " columns");
        if (bytes > c.limits.max_record_bytes)
            return fail_here(record_line, "a record is longer than the limit of " +
                                              std::to_string(c.limits.max_record_bytes) + " bytes");
        const std::string v(p, len);
        if (v.find('\0') != std::string::npos)
            return fail_here(record_line, "contains a NUL byte: this is not a text CSV file");
        const std::size_t bad = invalid_utf8_at(v);
        if (bad < v.size()) {
            std::int64_t line = record_line + newlines_before;
            std::size_t from = 0;
            for (std::size_t i = 0; i < bad; ++i)
                if (v[i] == '\n' || (v[i] == '\r' && v[i + 1] != '\n')) ++line, from = i + 1;
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(v[bad]));
            std::string d = "is not UTF-8 text: field " + std::to_string(cells + 1) + " has the byte " + hex;
            if (c.quote_text) {
                if (bad - from > 40) from = bad - 40;
                while (from < bad && (static_cast<unsigned char>(v[from]) & 0xC0) == 0x80) ++from;
                d += " after \"" + v.substr(from, bad - from) + "\"";
            }
            return fail_here(line, d + " (save the file as \"CSV UTF-8\")");
        }
        for (std::size_t i = 0; i < len; ++i)
            if (v[i] == '\n' || (v[i] == '\r' && (i + 1 == len || v[i + 1] != '\n'))) ++newlines_before;
        out.events.push_back("cell " + std::to_string(cells) + " [" + v + "]");
        ++cells;
    }

    void on_end() {
        if (failed) return;
        if (cells > 0)
            out.events.push_back("end " + std::to_string(record_line) + " " + std::to_string(cells));
        cells = bytes = 0;
        newlines_before = 0;
    }

    Outcome run() {
        csv_parser p{};
        REQUIRE(csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) == 0);
        csv_set_delim(&p, c.limits.delimiter);
        auto cb_cell = [](void* s, std::size_t len, void* self) {
            static_cast<Reference*>(self)->on_cell(static_cast<const char*>(s), len);
        };
        auto cb_end = [](int, void* self) { static_cast<Reference*>(self)->on_end(); };
        for (std::size_t i = 0; i < data.size() && !failed; ++i) {
            // Before a record, each byte may be its first (spaces and line breaks are skipped).
            if (p.pstate == kRowNotBegun) record_line = at[i];
            if (csv_parse(&p, data.data() + i, 1, cb_cell, cb_end, this) != 1) {
                fail_here(
                    record_line,
                    "malformed quoting: a quote inside an unquoted cell, or text after a closing quote");
                break;
            }
            const bool slice_end = (i + 1) % c.chunk == 0 || i + 1 == data.size();
            if (slice_end && !failed && p.entry_pos > c.limits.max_field_bytes)
                fail_here(record_line, "a cell is longer than the limit of " +
                                           std::to_string(c.limits.max_field_bytes) + " bytes");
        }
        if (!failed && csv_fini(&p, cb_cell, cb_end, this) != 0)
            fail_here(record_line, "a quoted cell is never closed (missing closing quote)");
        csv_free(&p);
        return out;
    }
};

Outcome loop(const Case& c) {
    Outcome out;
    EventSink sink{&out};
    try {
        CsvCellReader<EventSink>("f.csv", sink, c.limits, c.quote_text).read_buffer(c.data, c.chunk);
    } catch (const InputError& e) {
        out.error = e.what();
    }
    return out;
}

// Random bytes from an alphabet weighted towards what CSV parsers get wrong, and quoted cells that are well
// formed more often than not (so that most cases read through to the end).
std::string random_bytes(std::mt19937_64& rng, char delim) {
    static const std::vector<std::string> plain = {"a",  "b",  "x",  "12",   " ",
                                                   "\t", "\r", "\n", "\r\n", "\xC3\xA9"};
    static const std::vector<std::string> odd = {
        std::string(1, '\0'), "\xE9", "\xFF", "\xE2\x82", "\"", "\"\"", "\" ", "\t\"", ",", ";"};
    static const std::vector<std::string> inside = {"a",    " ", "\"\"", "\r",      "\n",
                                                    "\r\n", ",", "\t",   "\xC3\xA9"};
    std::string s;
    if (rng() % 8 == 0) s = "\xEF\xBB\xBF";
    // One case in three is long and mostly well formed, so that it reads through the 64-byte fast path.
    const bool long_case = rng() % 3 == 0;
    const std::size_t n = rng() % (long_case ? 240 : 48);
    const std::size_t odd_one_in = long_case ? 300 + rng() % 3000 : 4 + rng() % 60;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = rng() % 16;
        if (r < 4) {
            s += delim;
        } else if (r < 5) {  // a quoted cell, spaces around it now and then
            if ((long_case || rng() % 4 != 0) && !s.empty() && s.back() != delim && s.back() != '\n')
                s += delim;
            if (rng() % 4 == 0) s += ' ';
            s += '"';
            for (std::size_t k = rng() % 6; k > 0; --k) s += inside[rng() % inside.size()];
            if (rng() % (long_case ? 400 : 16) == 0) break;  // never closed
            s += '"';
            if (rng() % 4 == 0) s += '\t';
            if (long_case || rng() % 4 != 0) s += rng() % 2 ? std::string(1, delim) : std::string("\n");
        } else if (rng() % odd_one_in == 0) {
            s += odd[rng() % odd.size()];
        } else {
            s += plain[rng() % plain.size()];
        }
    }
    return s;
}

}  // namespace

TEST_CASE("the CSV loop agrees with libcsv on random bytes, in slices of every size, under small limits",
          "[csv][property]") {
    std::mt19937_64 rng(20261207);
    std::map<std::string, std::size_t> seen;  // coverage: the outcomes reached
    std::size_t mismatches = 0;
    std::string first;
    for (int n = 0; n < 6000; ++n) {
        Case c;
        const char delims[] = {',', ',', '\t', ';'};
        c.limits.delimiter = static_cast<unsigned char>(delims[rng() % 4]);
        c.data = random_bytes(rng, static_cast<char>(c.limits.delimiter));
        // Slices of a few bytes put every construct across a boundary; long ones let the 64-byte fast path
        // run.
        const std::size_t r = rng() % 3;
        c.chunk = r == 0 ? 1 + rng() % 8 : r == 1 ? 1 + rng() % 64 : 64 + rng() % 512;
        c.quote_text = rng() % 2 == 0;
        if (rng() % 3 == 0) {
            c.limits.max_field_bytes = 2 + rng() % 10;
            c.limits.max_record_bytes = 4 + rng() % 12;
            c.limits.max_fields = 1 + rng() % 6;
        }
        const Outcome want = Reference(c).run();
        const Outcome got = loop(c);
        ++seen[want.error.empty() ? "none" : want.error.substr(want.error.find(": ") + 2, 12)];
        if (c.data.size() >= 3 + 64 && c.chunk >= 64 && want.error.empty()) ++seen["fast path"];
        if (got.events != want.events || got.error != want.error) {
            if (mismatches++ == 0) {
                first = "case " + std::to_string(n) + ", chunk " + std::to_string(c.chunk) + ", delimiter " +
                        std::to_string(c.limits.delimiter) + ", bytes:";
                for (unsigned char b : c.data) first += " " + std::to_string(b);
                first += "\nwant error: " + want.error + "\ngot error:  " + got.error + "\nwant:";
                for (const auto& e : want.events) first += " {" + e + "}";
                first += "\ngot: ";
                for (const auto& e : got.events) first += " {" + e + "}";
            }
        }
    }
    INFO(first);
    CHECK(mismatches == 0);
    // Every refusal was reached, and most cases read through.
    std::string reached;
    for (const auto& [k, v] : seen) reached += k + ": " + std::to_string(v) + "\n";
    INFO(reached);
    CHECK(seen["none"] > 800);
    CHECK(seen["fast path"] > 300);  // read through whole in slices of 64 bytes or more
    CHECK(seen["malformed qu"] > 200);
    CHECK(seen["a quoted cel"] > 30);
    CHECK(seen["contains a N"] > 50);
    CHECK(seen["is not UTF-8"] > 50);
    CHECK(seen["a cell is lo"] > 20);
    CHECK(seen["a record has"] > 20);
    CHECK(seen["a record is "] > 20);
}

}  // namespace csv_loop_agreement_test
