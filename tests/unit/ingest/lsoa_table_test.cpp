// The LSOA lookup (engine/ingest/lsoa_table): codes of every shape, packed or not, and each refusal of
// the lookup file through ingest, naming the file, the line, the column and the value.
#include "engine/ingest/lsoa_table.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <string>

#include "engine/ingest/ingest.hpp"
#include "tests/unit/ingest/ingest_fixture.hpp"

namespace ingest_lsoa_table_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test::ingest_fixture;

namespace {
const std::string kGoodRow =
    std::string(kHeader) + "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n";
}  // namespace

TEST_CASE("ingest: LSOA codes of any shape, packed or not", "[ingest]") {
    // E01000001 and W01001234 have the usual shape (packed into 32 bits); "area 7" and the lower-case
    // e01000001 do not (kept apart): each is its own code.
    const std::string lookup = "lsoa,idaci_rank\nE01000001,1\nW01001234,900\narea 7,5000\ne01000001,12317\n";
    const std::string head = std::string(kHeader);
    Files f(head +
                "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n"   // a (rank 1)
                "A000000000002,100001,R,C,0,0,0,0,0,0,0,W01001234,2024-09-04\n"   // b (900)
                "A000000000003,100001,R,C,0,0,0,0,0,0,0,area 7,2024-09-04\n"      // d (5,000)
                "A000000000004,100001,R,C,0,0,0,0,0,0,0,e01000001,2024-09-04\n",  // above f (12,317)
            kSchools, lookup);
    const IngestResult r = ingest_pupil_census(f.opt);
    const Census c = census_from_csv_text(r.census_csv, "out.csv");
    CHECK(cell(c, 100001, "idaci_a_primary") == 1);
    CHECK(cell(c, 100001, "idaci_b_primary") == 1);
    CHECK(cell(c, 100001, "idaci_d_primary") == 1);
    CHECK(r.summary.above_band_f == 1);
    Files g(head + "A000000000001,100001,R,C,0,0,0,0,0,0,0,area 8,2024-09-04\n", kSchools, lookup);
    CHECK(error_of([&] {
              ingest_pupil_census(g.opt);
          }).find("pupils.csv:2: column lsoa: \"area 8\" is not in the LSOA lookup") != std::string::npos);
    Files h(head + "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000002,2024-09-04\n", kSchools, lookup);
    CHECK(error_of([&] {
              ingest_pupil_census(h.opt);
          }).find("column lsoa: \"E01000002\" is not in the LSOA lookup") != std::string::npos);
}

TEST_CASE("LsoaTable: every code's band, from the open-addressing table and from compact()'s arrays",
          "[ingest]") {
    // E codes dense (as England's are), W codes spread thinly, some codes of other shapes; then looked up
    // with codes near them that are not in the table.
    std::mt19937_64 rng(2011);
    ingest_detail::LsoaTable table;
    std::map<std::string, int> want;
    auto code = [](char letter, std::uint64_t n) {
        char b[16];
        std::snprintf(b, sizeof b, "%c%08llu", letter, static_cast<unsigned long long>(n));
        return std::string(b);
    };
    // Codes of nine characters with a byte other than a digit (':' and '/' beside the digits, a letter, a
    // space, a high byte): not packed, so never taken for a packed code.
    for (const std::string odd : {"E01:00001", "E01/00001", "E0100000A", "E01 00001", "E0100000\x80"}) {
        CHECK(table.insert(odd, 5));
        want.emplace(odd, 5);
    }
    for (int i = 0; i < 5000; ++i) {
        const std::string c = rng() % 4 == 0    ? code('W', rng() % 100000000)
                              : rng() % 50 == 0 ? "x" + std::to_string(rng() % 1000)
                                                : code('E', 1000001 + rng() % 6000);
        const int band = static_cast<int>(rng() % 7);
        if (want.emplace(c, band).second) CHECK(table.insert(c, band));
    }
    std::vector<std::string> probes;
    for (const auto& [c, b] : want) probes.push_back(c);
    // E02000001 is what E01:00001 would be if ':' were taken for the digit after 9.
    for (const char* odd : {"E01;00001", "E01.00001", "E0100000B", "E0110000:", "E02000001"})
        probes.push_back(odd);
    for (int i = 0; i < 3000; ++i) {
        probes.push_back(code(static_cast<char>('A' + rng() % 26), rng() % 100000000));
        probes.push_back(code('E', 1000001 + rng() % 6100 - 50));
        probes.push_back(code('W', rng() % 100000000));
        probes.push_back(code('A', rng() % 1000));
        probes.push_back("x" + std::to_string(rng() % 1100));
    }
    auto check_all = [&] {
        std::size_t wrong = 0;
        for (const std::string& c : probes) {
            auto it = want.find(c);
            wrong += table.band(c) != (it == want.end() ? ingest_detail::LsoaTable::kUnknown : it->second);
        }
        CHECK(wrong == 0);
    };
    check_all();
    table.compact();
    check_all();
    CHECK(table.insert("E01000000", 3));  // an insert after compact() is found too
    want["E01000000"] = 3;
    probes.push_back("E01000000");
    check_all();
    table.compact();
    check_all();
}

TEST_CASE("LSOA lookup: bad rows and bad files are refused naming the lookup and the line", "[ingest]") {
    SECTION("a duplicate LSOA and a bad rank in the lookup") {
        Files f(kGoodRow, kSchools, "lsoa,idaci_rank\nE01000001,1\nE01000001,5\n");
        CHECK(error_of([&] {
                  ingest_pupil_census(f.opt);
              }).find("lsoa.csv:3: column lsoa: \"E01000001\" is a duplicate: the same LSOA is on line 2") !=
              std::string::npos);
        Files g(kGoodRow, kSchools, "lsoa,idaci_rank\nE01000001,0\n");
        CHECK(error_of([&] {
                  ingest_pupil_census(g.opt);
              }).find("lsoa.csv:2: column idaci_rank: \"0\" is not a rank") != std::string::npos);
    }
    SECTION("a short or long (ragged) row: an LSOA with no rank, a row with a cell too many") {
        Files lookup_long(kGoodRow, kSchools, "lsoa,idaci_rank\nE01000001,1,x\n");
        CHECK(error_of([&] { ingest_pupil_census(lookup_long.opt); }) ==
              lookup_long.opt.idaci + ":2: has 3 fields but the header has 2 (a ragged row)");
    }
    SECTION("an empty file, and a header with no LSOAs") {
        Files lookup_empty(kGoodRow, kSchools, "");
        CHECK(error_of([&] { ingest_pupil_census(lookup_empty.opt); }) ==
              lookup_empty.opt.idaci +
                  ":1: is empty: expected a header lsoa,idaci_rank and one row per LSOA");
        Files lookup_header(kGoodRow, kSchools, "lsoa,idaci_rank\n");
        CHECK(error_of([&] { ingest_pupil_census(lookup_header.opt); }) ==
              lookup_header.opt.idaci +
                  ":2: has a header (line 1) but no LSOAs: expected one row per LSOA after it");
    }
}

}  // namespace ingest_lsoa_table_test
