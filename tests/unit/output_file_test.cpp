// Atomic outputs (docs/interfaces.md §5, issue 6): a command that fails before or during commit() leaves
// every earlier output byte for byte as it was, and no temporary file behind.
#include "reports/output_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace output_file_test {  // each file's names kept apart in the unity build

using namespace fundsim;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

// Names in a folder, sorted (dot files included: the temporaries are ".NAME.tmp.PID").
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("OutputSet: an exception before commit() removes the temporaries, earlier files stay", "[output]") {
    TempDir d("output-before-commit");
    write_file_atomic(d / "allocations.csv", "old allocations\n");
    write_file_atomic(d / "summary.json", "{\"old\": true}\n");
    try {
        OutputSet out(d.path.string());
        out.add("allocations.csv", "new allocations\n");
        out.add("summary.json", "{\"new\": true}\n");
        // Both new files exist only under temporary names beside the old ones until commit().
        const std::string pid = std::to_string(::getpid());
        CHECK(listing(d.path) == std::vector<std::string>{".allocations.csv.tmp." + pid,
                                                          ".summary.json.tmp." + pid, "allocations.csv",
                                                          "summary.json"});
        throw std::runtime_error("a later step failed");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "a later step failed");
    }
    CHECK(listing(d.path) == std::vector<std::string>{"allocations.csv", "summary.json"});
    CHECK(read(d / "allocations.csv") == "old allocations\n");
    CHECK(read(d / "summary.json") == "{\"old\": true}\n");
}

TEST_CASE("OutputSet: a writer that fails part-way through add_with leaves no partial file", "[output]") {
    TempDir d("output-add-with");
    write_file_atomic(d / "comparison.xlsx", "old workbook");
    CHECK_THROWS_AS(
        [&] {
            OutputSet out(d.path.string());
            out.add("comparison.csv", "scenario,urn\n");
            out.add_with("comparison.xlsx", [](const std::string& tmp) {
                std::ofstream(tmp, std::ios::binary) << "half a work";  // as a library that stops mid-file
                fail("the workbook library failed");
            });
            out.commit();
        }(),
        InputError);
    CHECK(listing(d.path) == std::vector<std::string>{"comparison.xlsx"});
    CHECK(read(d / "comparison.xlsx") == "old workbook");
}

TEST_CASE("OutputSet: commit() refuses a folder in a file's place before moving anything", "[output]") {
    TempDir d("output-folder-target");
    write_file_atomic(d / "allocations.csv", "old allocations\n");
    fs::create_directory(d.path / "summary.json");
    std::string message;
    try {
        OutputSet out(d.path.string());
        out.add("allocations.csv", "new allocations\n");
        out.add("summary.json", "{}\n");
        out.commit();
    } catch (const InputError& e) {
        message = e.what();
    }
    CHECK(message == d / "summary.json" + ": is a folder, not a file: nothing was written");
    // allocations.csv comes first in the set, yet it was not replaced: the two files stay consistent.
    CHECK(read(d / "allocations.csv") == "old allocations\n");
    CHECK(listing(d.path) == std::vector<std::string>{"allocations.csv", "summary.json"});
    CHECK(fs::is_directory(d.path / "summary.json"));
}

TEST_CASE("OutputSet: commit() replaces every file and leaves nothing else", "[output]") {
    TempDir d("output-commit");
    write_file_atomic(d / "allocations.csv", "old allocations\n");
    {
        OutputSet out(d.path.string());
        out.add("allocations.csv", "new allocations\n");
        out.add("sub/index.html", "<p>new</p>\n");  // a file in a subfolder (statements/) is made too
        out.commit();
    }
    CHECK(listing(d.path) == std::vector<std::string>{"allocations.csv", "sub"});
    CHECK(listing(d.path / "sub") == std::vector<std::string>{"index.html"});
    CHECK(read(d / "allocations.csv") == "new allocations\n");
    CHECK(read(d / "sub/index.html") == "<p>new</p>\n");
}

}  // namespace output_file_test
