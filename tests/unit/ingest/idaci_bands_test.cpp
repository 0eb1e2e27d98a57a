// The IDACI cut-off file (engine/ingest/idaci_bands): the shipped file's bands at their edges, and every
// refusal of a malformed file, with its JSON path.
#include "engine/ingest/idaci_bands.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "engine/core/error.hpp"
#include "tests/support.hpp"
#include "tests/unit/ingest/ingest_fixture.hpp"

namespace ingest_idaci_bands_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test::ingest_fixture;

TEST_CASE("IDACI bands: source required, cut-offs rising, no unknown keys, provisional marks checked",
          "[ingest]") {
    auto bands_error = [](const char* json) {
        return error_of([&] { parse_idaci_bands(Json::parse(json), "b.json"); });
    };
    CHECK(bands_error(R"({"a":1,"b":2,"c":3,"d":4,"e":5,"f":6})").find("b.json: at /source: is missing") !=
          std::string::npos);
    CHECK(bands_error(R"({"source":"x","a":821,"b":821,"c":3,"d":4,"e":5,"f":6})")
              .find("at /b: is not above band a's cut-off (821)") != std::string::npos);
    CHECK(bands_error(R"({"source":"x","a":821,"b":2463,"c":4105,"d":5747,"e":9032})")
              .find("at /f: is missing") != std::string::npos);
    CHECK(bands_error(R"({"source":"x","g":1,"a":1,"b":2,"c":3,"d":4,"e":5,"f":6})")
              .find("at /g: is not a known key") != std::string::npos);
    CHECK(bands_error(R"({"source":"x","a":8.5,"b":2463,"c":4105,"d":5747,"e":9032,"f":12316})")
              .find("at /a: is not a whole number") != std::string::npos);
    // `provisional` marks each band's cut-off: an object from band to a non-blank mark and note.
    const std::string cut = R"("a":821,"b":2463,"c":4105,"d":5747,"e":9032,"f":12316)";
    auto with = [&](const std::string& extra) { return "{\"source\":\"x\"," + cut + "," + extra + "}"; };
    CHECK(bands_error(with(R"("provisional":{"a":"✅ confirmed","f":"◐ from the 37.5% share"})").c_str())
              .empty());
    CHECK(bands_error(with(R"("provisional":["b"])").c_str()) ==
          "b.json: at /provisional: is not an object: expected each band's mark and note, e.g. {\"b\": "
          "\"◐ reconstructed\"}");
    CHECK(bands_error(with(R"("provisional":{"g":"◐"})").c_str()) ==
          "b.json: at /provisional/g: is not a band: expected a, b, c, d, e or f");
    CHECK(bands_error(with(R"("provisional":{"b":""})").c_str()) ==
          "b.json: at /provisional/b: is not a mark and note: expected text such as \"◐ reconstructed\"");
    CHECK(bands_error(with(R"("provisional":{"b":2463})").c_str()) ==
          "b.json: at /provisional/b: is not a mark and note: expected text such as \"◐ reconstructed\"");
    CHECK(bands_error(with(R"("note":["x"])").c_str()) == "b.json: at /note: is not text (a JSON string)");
}

TEST_CASE("IDACI bands: the shipped file", "[ingest]") {
    const IdaciBands b = load_idaci_bands(test::source_dir() + "/data/lookups/idaci-bands-2025-26.json");
    // docs/funding-model.md §2 (the file cites its source, §2.4 of the domain reference):
    // A 1-821, B to 2,463, C to 4,105, D to 5,747, E to 9,032, F to 12,316.
    CHECK(b.band_of(1) == 0);
    CHECK(b.band_of(821) == 0);
    CHECK(b.band_of(822) == 1);
    CHECK(b.band_of(12316) == 5);
    CHECK(b.band_of(12317) == IdaciBands::kNone);
    CHECK(b.source.find("§2.4") != std::string::npos);
}

}  // namespace ingest_idaci_bands_test
