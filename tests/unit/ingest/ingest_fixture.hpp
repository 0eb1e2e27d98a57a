// Shared by the ingest tests (tests/unit/ingest/): a folder of input files per test (pupil extract, school
// file, LSOA lookup, cut-offs), small hand-made inputs whose counts the tests work out, and helpers.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/ingest.hpp"
#include "tests/support.hpp"

namespace fundsim::test::ingest_fixture {

// A folder of its own for each set of files ("fundsim-ingest-test-N-PID"), removed at the end.
inline std::string next_dir_name() {
    static int n = 0;
    return "ingest-test-" + std::to_string(++n);
}

inline IdaciBands bands_821() {
    return parse_idaci_bands(
        Json::parse(R"({"source":"test: docs/funding-model.md §2 and docs/interfaces.md §4 cut-offs",
        "a":821,"b":2463,"c":4105,"d":5747,"e":9032,"f":12316})"),
        "bands.json");
}

inline const char* const kSchools =
    "urn,name,phase,status,area,sparsity_distance\n"
    "100001,Alpha Primary,primary,maintained,North,1.5\n"
    "100002,\"Beta High, Upper\",secondary,academy,South,3\n"
    "100003,Gamma Nursery Annexe,primary,maintained,North,0.5\n";

// Ranks at every band edge of the cut-offs above.
inline const char* const kLookup =
    "lsoa,idaci_rank\n"
    "E01000001,1\n"
    "E01000821,821\n"
    "E01000822,822\n"
    "E01002463,2463\n"
    "E01002464,2464\n"
    "E01004105,4105\n"
    "E01004106,4106\n"
    "E01005748,5748\n"
    "E01009032,9032\n"
    "E01012316,12316\n"
    "E01012317,12317\n";

inline const char* const kHeader =
    "upn,urn,nc_year,enrolment,fsm,fsm6,eal3,lpa,pp_ever6,pp_plac,pp_service,lsoa,entry_date\n";

// The three input files of one test, in a folder of its own, and the options that read them (cut-offs
// bands_821, census day 2024-10-03, the folder for the duplicate check's spill file).
struct Files {
    test::TempDir dir{next_dir_name()};
    IngestOptions opt;
    Files(const std::string& pupils, const std::string& schools = kSchools,
          const std::string& lookup = kLookup) {
        opt.pupils = dir.write("pupils.csv", pupils);
        opt.schools = dir.write("schools.csv", schools);
        opt.idaci = dir.write("lsoa.csv", lookup);
        opt.bands = bands_821();
        opt.census_date = 20241003;
        opt.temp_dir = dir.path.string();
    }
};

inline double cell(const Census& c, std::int64_t urn, const std::string& column) {
    const long i = c.index_of(urn);
    REQUIRE(i >= 0);
    const auto& cols = c.columns;
    const auto at = std::find(cols.begin(), cols.end(), column);
    REQUIRE(at != cols.end());
    return std::stod(
        std::string(c.cells[static_cast<std::size_t>(at - cols.begin())][static_cast<std::size_t>(i)]));
}

// The message of the InputError that `f` throws ("" if none).
template <class F>
std::string error_of(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace fundsim::test::ingest_fixture
