// The shape of a UPN (engine/ingest/upn), which decides what a message withholds.
#include "engine/ingest/upn.hpp"

#include <catch2/catch.hpp>

namespace ingest_upn_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("UPN shape: a letter, 11 digits, a digit or letter", "[ingest]") {
    CHECK(looks_like_upn("A123456789012"));
    CHECK(looks_like_upn("A12345678901B"));
    CHECK(!looks_like_upn("E01000001"));
    CHECK(!looks_like_upn("100001"));
    CHECK(looks_like_upn(" a123456789012 "));  // spaces around it, a lower-case letter
    CHECK(!looks_like_upn("A12345678901"));    // 12 characters
    CHECK(!looks_like_upn("AB23456789012"));   // a second letter
    CHECK(!looks_like_upn("A1234567890123"));  // 14 characters
    CHECK(!looks_like_upn("A1234567890-2"));   // a character that is neither
}

}  // namespace ingest_upn_test
