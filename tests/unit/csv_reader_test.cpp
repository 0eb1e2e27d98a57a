// The CSV reader's read block (engine/io/csv_reader.hpp): a small file is read in one block of its own size,
// a large one or a pipe in 1 MB blocks, and records that straddle a block boundary come out whole.
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
