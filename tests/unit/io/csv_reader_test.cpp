// The CSV readers (engine/io/csv_reader.hpp, csv_cell_reader.hpp): a small file is read in one block of its
// own size, a large one or a pipe in 1 MB blocks; records that straddle a block boundary come out whole;
// a table file's ragged rows, emptiness and missing rows are refused with file and line.
#include "engine/io/csv_reader.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/io/csv_cell_reader.hpp"
#include "tests/support.hpp"

namespace io_csv_reader_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using test::TempDir;

namespace {

std::size_t block_of(const std::string& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    REQUIRE(f);
    return csv_read_block(f.get());
}

struct Rec {
    std::int64_t line;
    std::vector<std::string> fields;
    bool operator==(const Rec& o) const { return line == o.line && fields == o.fields; }
};

std::vector<Rec> records(const std::function<void(const std::function<void(const CsvRecord&)>&)>& read) {
    std::vector<Rec> out;
    read([&](const CsvRecord& r) {
        out.push_back({r.line, std::vector<std::string>(r.fields.begin(), r.fields.end())});
    });
    return out;
}

}  // namespace

TEST_CASE("csv_read_block: a small file in one block of its size and a byte, a large file or a pipe in 1 MB",
          "[csv]") {
    TempDir d("csv-block");
    CHECK(block_of(d.write("empty.csv", "")) == 1);
    CHECK(block_of(d.write("small.csv", "urn,phase\n1,primary\n")) == 21);
    CHECK(block_of(d.write("edge.csv", std::string(kCsvReadBlock - 1, 'x'))) == kCsvReadBlock);
    CHECK(block_of(d.write("large.csv", std::string(kCsvReadBlock + 10, 'x'))) == kCsvReadBlock);

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::unique_ptr<FILE, int (*)(FILE*)> r(::fdopen(fds[0], "rb"), &std::fclose);
    REQUIRE(r);
    CHECK(csv_read_block(r.get()) == kCsvReadBlock);
    ::close(fds[1]);
}

TEST_CASE("records straddling the 1 MB read blocks come out whole, with their lines", "[csv]") {
    // About 2.5 MB after a BOM: numbered rows, and every 1,000th row a quoted cell holding a line break
    // and a doubled quote, so that some such cell lies across each block boundary.
    std::string text = "\xEF\xBB\xBFid,note\n";
    std::vector<Rec> want{{1, {"id", "note"}}};
    std::int64_t line = 2;
    for (int i = 0; text.size() < 5 * kCsvReadBlock / 2; ++i) {
        const std::string id = std::to_string(i);
        if (i % 1000 == 0) {
            text += id + ",\"first " + std::string(600, 'a') + "\nsecond \"\"quoted\"\"\"\n";
            want.push_back({line, {id, "first " + std::string(600, 'a') + "\nsecond \"quoted\""}});
            line += 2;
        } else {
            text += id + ",plain note " + id + "\n";
            want.push_back({line, {id, "plain note " + id}});
            line += 1;
        }
    }
    TempDir d("csv-straddle");
    const std::string path = d.write("notes.csv", text);
    REQUIRE(block_of(path) == kCsvReadBlock);

    const auto from_file = records([&](const auto& cb) { read_csv_file(path, cb); });
    CHECK(from_file.size() == want.size());
    CHECK(from_file == want);
    const auto from_buffer = records([&](const auto& cb) { read_csv_buffer(text, "notes.csv", cb); });
    CHECK(from_buffer == want);
}

TEST_CASE("a NUL byte or a byte that is not UTF-8 is found wherever it is in a block", "[csv]") {
    // The whole-block checks look at 64 bytes a round, then the block's tail: a bad byte at every offset of
    // a 300-byte buffer (one block: four rounds and 44 bytes) is refused, naming the line of the byte.
    for (std::size_t at = 0; at < 300; ++at) {
        for (const char bad : {'\0', '\xFF'}) {
            std::string text;
            for (int r = 0; text.size() < 300; ++r) text += "ab,cd," + std::to_string(r) + "\n";
            text.resize(300);
            if (text[at] == '\n' || text[at] == ',') continue;
            std::int64_t line = 1;
            for (std::size_t k = 0; k < at; ++k) line += text[k] == '\n';
            text[at] = bad;
            const std::string want = bad == '\0' ? "x.csv:" + std::to_string(line) + ": contains a NUL byte"
                                                 : "x.csv:" + std::to_string(line) + ": is not UTF-8 text";
            std::string got;
            try {
                read_csv_buffer(text, "x.csv", [](const CsvRecord&) {});
            } catch (const std::exception& e) {
                got = e.what();
            }
            CHECK(got.substr(0, want.size()) == want);
        }
    }
}

TEST_CASE("read_csv_table: the header, then rows of its width; a ragged row, an empty file, no rows refused",
          "[csv]") {
    TempDir d("csv-table");
    const CsvTableWords words{"a header code,rank", "code", "codes"};
    std::vector<std::string> seen;
    auto read = [&](const std::string& path) {
        seen.clear();
        read_csv_table(
            path, words,
            [&](const CsvHeader& h, const CsvRecord& rec) {
                seen.push_back("header line " + std::to_string(rec.line) + ": " + std::to_string(h.size()));
            },
            [&](const CsvRecord& rec) {
                seen.push_back(std::to_string(rec.line) + ": " + std::string(rec.fields[0]));
            });
    };
    // Blank lines are not records; the header may come after them.
    read(d.write("good.csv", "\ncode,rank\nE1,1\n\nE2,2\n"));
    CHECK(seen == std::vector<std::string>{"header line 2: 2", "3: E1", "5: E2"});

    const std::string short_row = d.write("short.csv", "code,rank\nE1,1\nE2\nE3,3\n");
    CHECK_THROWS_WITH(read(short_row), short_row + ":3: has 1 fields but the header has 2 (a ragged row)");
    CHECK(seen.size() == 2);  // the header and line 2 only: the bad row never reaches on_row
    const std::string long_row = d.write("long.csv", "code,rank\nE1,1,x\n");
    CHECK_THROWS_WITH(read(long_row), long_row + ":2: has 3 fields but the header has 2 (a ragged row)");
    const std::string empty = d.write("empty.csv", "\n\n");
    CHECK_THROWS_WITH(read(empty), empty + ":1: is empty: expected a header code,rank and one row per code");
    const std::string header = d.write("header.csv", "code,rank\n");
    CHECK_THROWS_WITH(read(header),
                      header + ":2: has a header (line 1) but no codes: expected one row per code after it");
}

}  // namespace io_csv_reader_test
