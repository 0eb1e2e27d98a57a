// The school census (engine/census/census.cpp): what is the user's bad input and what is fundsim's own
// fault.
#include "engine/census/census.hpp"

#include <catch2/catch.hpp>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace census_census_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("census: a column read before it was prepared is an internal error, a missing one bad input",
          "[census]") {
    Census c = census_from_csv_text(test::kFiveSchools, "five.csv");
    try {
        c.cached("base");
        FAIL("cached() gave a column that was never prepared");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::internal);
        CHECK(std::string(e.what()) == "internal: census column base was not prepared");
    }
    CHECK(c.numeric("base")[0] == 1029000.0);
    CHECK(c.cached("base")[0] == 1029000.0);
    try {
        c.numeric("no_such_column", "used by factor x");
        FAIL("numeric() gave a column the census does not have");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()) ==
              "five.csv:1: column no_such_column: is missing from the header (used by factor x)");
    }
}

}  // namespace census_census_test
