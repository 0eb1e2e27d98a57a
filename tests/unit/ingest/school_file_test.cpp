// The school attribute file (engine/ingest/school_file): each refusal through ingest, with its file, line,
// column and value, as the pupil file's are; a ragged row is refused before any cell of it is read.
#include <catch2/catch.hpp>
#include <string>

#include "engine/ingest/ingest.hpp"
#include "tests/unit/ingest/ingest_fixture.hpp"

namespace ingest_school_file_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test::ingest_fixture;

namespace {
const std::string kGoodRow =
    std::string(kHeader) + "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n";
}  // namespace

TEST_CASE("school file: bad rows and bad files are refused naming the school file and the line", "[ingest]") {
    SECTION("a count column in the school file would have two sources") {
        Files f(kGoodRow, "urn,phase,status,fsm_primary\n100001,primary,maintained,3\n");
        CHECK(error_of([&] {
                  ingest_pupil_census(f.opt);
              }).find("schools.csv:1: column fsm_primary: is counted from the pupil file by ingest") !=
              std::string::npos);
    }
    SECTION("a bad phase names the school file's line") {
        Files f(kGoodRow, "urn,phase,status\n100001,primry,maintained\n");
        CHECK(error_of([&] {
                  ingest_pupil_census(f.opt);
              }).find("schools.csv:2: column phase: \"primry\" is not a phase") != std::string::npos);
    }
    SECTION("a duplicate URN in the school file") {
        Files f(kGoodRow, "urn,phase,status\n100001,primary,maintained\n100001,primary,academy\n");
        CHECK(error_of([&] {
                  ingest_pupil_census(f.opt);
              }).find("schools.csv:3: column urn: \"100001\" is a duplicate: the same URN is on line 2") !=
              std::string::npos);
    }
    SECTION(
        "a short or long (ragged) row: a school row cut short after its phase, a row with a cell too many") {
        Files schools_short(kGoodRow,
                            "urn,phase,status,name\n100001,primary,maintained,Alpha\n100002,secondary\n");
        CHECK(error_of([&] { ingest_pupil_census(schools_short.opt); }) ==
              schools_short.opt.schools + ":3: has 2 fields but the header has 4 (a ragged row)");
        Files schools_long(kGoodRow, "urn,phase,status\n100001,primary,maintained,Alpha\n");
        CHECK(error_of([&] { ingest_pupil_census(schools_long.opt); }) ==
              schools_long.opt.schools + ":2: has 4 fields but the header has 3 (a ragged row)");
    }
    SECTION("an empty file, and a header (after blank lines) with no schools") {
        Files schools_empty(kGoodRow, "");
        CHECK(error_of([&] { ingest_pupil_census(schools_empty.opt); }) ==
              schools_empty.opt.schools + ":1: is empty: expected a header row and one row per school");
        Files schools_header(kGoodRow, "\n\nurn,phase,status\n\n");
        CHECK(error_of([&] { ingest_pupil_census(schools_header.opt); }) ==
              schools_header.opt.schools +
                  ":4: has a header (line 3) but no schools: expected one row per school after it");
    }
}

}  // namespace ingest_school_file_test
