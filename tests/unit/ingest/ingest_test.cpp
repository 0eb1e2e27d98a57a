// `fundsim ingest` (docs/interfaces.md §4): hand-made pupil extracts whose counts are worked out in comments,
// every rule at its edges, every error and its message, the set-aside file, privacy, and synth extracts.
#include "engine/ingest/ingest.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/core/error.hpp"
#include "engine/ingest/ingest_summary.hpp"
#include "engine/ingest/upn.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/synth/synth_pupils.hpp"
#include "tests/support.hpp"
#include "tests/unit/ingest/ingest_fixture.hpp"

namespace ingest_ingest_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test::ingest_fixture;
namespace fs = std::filesystem;

namespace {

// Census date 2024-10-03: mobile = 2021-10-03 < entry <= 2024-10-03, month not 8 or 9, not R in January.
const std::string kRules =
    std::string(kHeader) +
    /* 2 */
    "A000000000001,100001,R,C,1,1,0,0,1,0,0,E01000001,2024-09-04\n"   // R, fsm, band a, September
                                                                      /* 3 */
    "A000000000002,100001,R,C,0,0,1,0,0,0,0,E01000821,2024-01-08\n"   // R in January: not mobile; a (821)
                                                                      /* 4 */
    "A000000000003,100001,1,C,0,0,0,1,0,0,0,E01000822,2021-10-04\n"   // a day inside the window: mobile; b
                                                                      /* 5 */
    "A000000000004,100001,2,C,0,0,0,0,0,0,0,E01002463,2021-10-03\n"   // exactly three years: not mobile; b
                                                                      /* 6 */
    "A000000000005,100001,3,C,0,0,0,0,0,1,0,E01002464,2024-10-03\n"   // on census day: mobile; c; plac
                                                                      /* 7 */
    "A000000000006,100001,4,C,0,0,0,0,0,0,1,E01012316,2024-10-04\n"   // after census day: not; f; service
                                                                      /* 8 */
    "A000000000007,100001,5,C,0,0,0,0,0,0,0,E01012317,2023-08-15\n"   // August: not mobile; above f
                                                                      /* 9 */
    "A000000000008,100001,6,M,0,1,0,0,1,0,0,,2022-09-10\n"            // M counts; no LSOA; September
                                                                      /*10 */
    "A000000000009,100001,6,S,1,1,1,1,1,1,1,E01000001,2023-02-01\n"   // subsidiary: skipped
                                                                      /*11 */
    "A000000000010,100001,5,G,1,1,1,1,1,1,1,E01000001,2023-02-01\n"   // guest: skipped
                                                                      /*12 */
    "A000000000011,100001,N1,C,1,1,1,1,1,1,1,E01000001,2023-02-01\n"  // nursery: skipped
                                                                      /*13 */
    "A000000000012,100001,N2,C,1,1,1,1,1,1,1,E01000001,2023-02-01\n"  // nursery: skipped
                                                                      /*14 */
    "A000000000013,100001,R,,0,0,0,0,0,0,0,E01000001,2024-02-05\n"    // blank enrolment = C; R in Feb: mobile
                                                                      /*15 */
    "A000000000014,100001,1,C,0,0,0,0,0,0,0,E01000001,2024-01-10\n"   // Year 1 in January: mobile
                                                                      /*16 */
    "B000000000001,100002,7,C,1,1,0,1,1,0,0,E01000001,2024-09-03\n"   // Y7 fsm, lpa, a; September
                                                                      /*17 */
    "B000000000002,100002,9,C,0,0,1,0,0,0,0,E01004105,2023-11-20\n"   // Y9 eal3; c (4105); November: mobile
                                                                      /*18 */
    "B000000000003,100002,10,C,0,0,0,0,0,0,0,E01004106,2020-09-02\n"  // Y10; d (4106)
                                                                      /*19 */
    "B000000000004,100002,11,C,0,0,0,0,0,0,0,E01009032,2021-06-15\n"  // Y11; e (9032); before the window
                                                                      /*20 */
    "B000000000005,100002,12,C,1,1,1,1,1,1,1,E01000001,2023-02-01\n"  // Years 12-14: skipped
                                                                      /*21 */
    "B000000000006,100002,13,C,1,1,1,1,1,1,1,E01000001,2023-02-01\n"
    /*22 */
    "B000000000007,100002,14,C,1,1,1,1,1,1,1,E01000001,2023-02-01\n"
    /*23 */
    "B000000000008,100002,8,C,0,0,0,0,0,0,0,E01005748,2022-03-01\n"   // Y8; e (5748); March 2022: mobile
                                                                      /*24 */
    "A000000000008,100002,6,S,0,0,0,0,0,0,0,E01000001,2022-09-10\n"   // line 9's pupil, subsidiary here
                                                                      /*25 */
    "C000000000001,100003,N2,C,0,0,0,0,0,0,0,E01000001,2024-09-05\n"  // the annexe has only nursery pupils
    /*26 */ "C000000000002,999999,N1,C,0,0,0,0,0,0,0,E01000001,2024-09-05\n";  // nursery at a school not in
                                                                               // the file

// Every UPN-shaped value of a pupil file (its first column).
std::vector<std::string> upns_of(const std::string& pupils) {
    std::vector<std::string> out;
    std::istringstream in(pupils);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        const std::string first = line.substr(0, line.find(','));
        if (!first.empty()) out.push_back(first);
    }
    return out;
}

void check_no_upn(const std::string& text, const std::vector<std::string>& upns) {
    for (const auto& u : upns) {
        INFO("UPN " << u << " found in: " << text);
        CHECK(text.find(u) == std::string::npos);
        CHECK(text.find(u.substr(1)) == std::string::npos);  // not even its digits
    }
}

}  // namespace

TEST_CASE("ingest: every counting rule at its edges, worked by hand", "[ingest]") {
    Files f(kRules);
    const IngestResult r = ingest_pupil_census(f.opt);
    const IngestSummary& s = r.summary;
    // Lines 2-26: 25 rows. Counted: lines 2-9, 14, 15 (10 at Alpha) and 16-19, 23 (5 at Beta) = 15.
    CHECK(s.rows_read == 25);
    CHECK(s.counted == 15);
    CHECK(s.skipped_nursery == 4);  // lines 12, 13, 25, 26 (26's school is not in the file: not needed)
    CHECK(s.skipped_post16 == 3);   // lines 20-22
    CHECK(s.skipped_subsidiary ==
          2);                     // lines 10, 24 (24 shares line 9's UPN: not a duplicate, S does not count)
    CHECK(s.skipped_guest == 1);  // line 11
    CHECK(s.set_aside.empty());
    CHECK(s.no_lsoa == 1);             // line 9
    CHECK(s.above_band_f == 1);        // line 8 (rank 12,317)
    CHECK(s.entry_after_census == 1);  // line 7
    CHECK(s.schools_in_file == 3);
    CHECK(s.schools_written == 2);
    REQUIRE(s.schools_without_pupils.size() == 1);
    CHECK(s.schools_without_pupils[0] == 100003);  // nursery pupils only: not written (a school needs pupils)

    const Census c = census_from_csv_text(r.census_csv, "out.csv");
    REQUIRE(c.size == 2);
    // Alpha: R lines 2, 3, 14; Y1 lines 4, 15; Y2-Y6 one each (lines 5-9).
    CHECK(cell(c, 100001, "nor_r") == 3);
    CHECK(cell(c, 100001, "nor_y1") == 2);
    for (const char* y : {"nor_y2", "nor_y3", "nor_y4", "nor_y5", "nor_y6"}) CHECK(cell(c, 100001, y) == 1);
    CHECK(cell(c, 100001, "nor_primary") == 10);
    CHECK(cell(c, 100001, "nor_ks3") == 0);
    CHECK(cell(c, 100001, "fsm_primary") == 1);       // line 2
    CHECK(cell(c, 100001, "fsm6_primary") == 2);      // lines 2, 9
    CHECK(cell(c, 100001, "pp_ever6_primary") == 2);  // lines 2, 9
    CHECK(cell(c, 100001, "eal3_primary") == 1);      // line 3
    CHECK(cell(c, 100001, "lpa_primary") == 1);       // line 4
    CHECK(cell(c, 100001, "pp_plac") == 1);           // line 6
    CHECK(cell(c, 100001, "pp_service") == 1);        // line 7
    CHECK(cell(c, 100001, "idaci_a_primary") == 4);   // ranks 1 (lines 2, 14, 15) and 821 (line 3)
    CHECK(cell(c, 100001, "idaci_b_primary") == 2);   // ranks 822 (line 4) and 2,463 (line 5)
    CHECK(cell(c, 100001, "idaci_c_primary") == 1);   // rank 2,464 (line 6)
    CHECK(cell(c, 100001, "idaci_d_primary") == 0);
    CHECK(cell(c, 100001, "idaci_e_primary") == 0);
    CHECK(cell(c, 100001, "idaci_f_primary") == 1);  // rank 12,316 (line 7); 12,317 (line 8) has no band
    // Mobile: line 4 (2021-10-04), 6 (census day), 14 (Reception in February), 15 (Year 1 in January).
    // Not: 2 (September), 3 (Reception in January), 5 (exactly three years), 7 (after census), 8 (August),
    // 9 (September).
    CHECK(cell(c, 100001, "mobility_primary") == 4);
    CHECK(cell(c, 100001, "fsm_secondary") == 0);
    CHECK(cell(c, 100001, "sparsity_distance") == 1.5);  // school attributes come through unchanged

    // Beta: Y7 line 16, Y8 line 23, Y9 line 17, Y10 line 18, Y11 line 19.
    CHECK(cell(c, 100002, "nor_ks3") == 3);
    CHECK(cell(c, 100002, "nor_ks4") == 2);
    CHECK(cell(c, 100002, "nor_primary") == 0);
    for (const char* y : {"nor_y7", "nor_y8", "nor_y9", "nor_y10", "nor_y11"}) CHECK(cell(c, 100002, y) == 1);
    CHECK(cell(c, 100002, "fsm_secondary") == 1);
    CHECK(cell(c, 100002, "fsm6_secondary") == 1);
    CHECK(cell(c, 100002, "lpa_secondary") == 1);
    CHECK(cell(c, 100002, "eal3_secondary") == 1);
    CHECK(cell(c, 100002, "idaci_a_secondary") == 1);   // line 16
    CHECK(cell(c, 100002, "idaci_c_secondary") == 1);   // rank 4,105 (line 17)
    CHECK(cell(c, 100002, "idaci_d_secondary") == 1);   // rank 4,106 (line 18)
    CHECK(cell(c, 100002, "idaci_e_secondary") == 2);   // ranks 5,748 (line 23) and 9,032 (line 19)
    CHECK(cell(c, 100002, "mobility_secondary") == 2);  // lines 17 (November 2023) and 23 (March 2022)
    CHECK(c.name[static_cast<std::size_t>(c.index_of(100002))] == "Beta High, Upper");  // quoting survives

    // The output runs with a formula: FSM £495, IDACI A £680/£945, B £515/£740, mobility above 6%.
    Census run_c;
    Formula fm = test::formula_from(R"({"name":"t","factors":{
      "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":495}},
      "idaci":{"kind":"banded","measure":"idaci","rate":{"a":{"primary":680,"secondary":945},"b":{"primary":515,"secondary":740}}},
      "mobility":{"kind":"per_unit_above_threshold","measure":"mobility","threshold":0.06,"rate":{"primary":960,"secondary":1380}}}})");
    Result res = test::run_text(run_c, r.census_csv, fm);
    const auto alpha = run_c.index_of(100001), beta = run_c.index_of(100002);
    CHECK(res.factors.amount[0][alpha] == 495.0);                           // 1 FSM pupil
    CHECK(res.factors.amount[1][alpha] == 4 * 680.0 + 2 * 515.0);           // 2,720 + 1,030 = 3,750
    CHECK(res.factors.amount[1][beta] == 945.0);                            // 1 band A pupil
    CHECK(res.factors.amount[2][alpha] == (4 - 0.06 * 10) * 960.0);         // (4 - 0.6) x 960 = 3,264
    CHECK(res.factors.amount[2][beta] == Approx((2 - 0.06 * 5) * 1380.0));  // (2 - 0.3) x 1,380 = 2,346
}

TEST_CASE("ingest: January Reception starters at a spring census", "[ingest]") {
    // Census 2025-01-16: window 2022-01-16 < entry <= 2025-01-16.
    Files f(
        std::string(kHeader) +
        "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000001,2025-01-06\n"  // R joining in January: usual start
        "A000000000002,100001,1,C,0,0,0,0,0,0,0,E01000001,2025-01-06\n"  // Y1 joining in January: mobile
        "A000000000003,100001,R,C,0,0,0,0,0,0,0,E01000001,2024-11-12\n"  // R in November: mobile
        "A000000000004,100001,3,C,0,0,0,0,0,0,0,E01000001,2022-01-16\n"  // exactly three years: not
        "A000000000005,100001,3,C,0,0,0,0,0,0,0,E01000001,2022-01-17\n"  // a day later: mobile
        "A000000000006,100001,R,C,0,0,0,0,0,0,0,E01000001,2025-01-17\n");  // after census day: not
    f.opt.census_date = 20250116;
    const IngestResult r = ingest_pupil_census(f.opt);
    const Census c = census_from_csv_text(r.census_csv, "out.csv");
    CHECK(cell(c, 100001, "mobility_primary") == 3);  // rows 2, 3 and 5
    CHECK(cell(c, 100001, "nor_r") == 3);
    CHECK(r.summary.entry_after_census == 1);
}

TEST_CASE("ingest: optional columns", "[ingest]") {
    SECTION("no enrolment column means every pupil is C; absent measures are not written") {
        Files f(
            "upn,urn,nc_year,fsm\n"
            "A000000000001,100001,R,1\n"
            "A000000000002,100001,2,0\n"
            "A000000000003,100002,10,1\n");
        const IngestResult r = ingest_pupil_census(f.opt);
        CHECK(r.summary.counted == 3);
        const Census c = census_from_csv_text(r.census_csv, "out.csv");
        CHECK(cell(c, 100001, "fsm_primary") == 1);
        CHECK(cell(c, 100002, "fsm_secondary") == 1);
        CHECK(!c.has_column("lpa_primary"));
        CHECK(!c.has_column("idaci_a_primary"));
        CHECK(!c.has_column("mobility_primary"));
        // fsm6, eal3, lpa, pp_ever6, pp_plac, pp_service, lsoa, entry_date: 8 notes in the summary
        CHECK(r.summary.measures_not_written.size() == 8);
        CHECK(ingest_summary_text(r.summary).find(
                  "Not in the pupil file, so not written: lsoa (idaci_a ... idaci_f)") != std::string::npos);
    }
    SECTION("column order is free, spaces around cells and lower-case codes are accepted, CRLF and a BOM") {
        Files f(
            "\xEF\xBB\xBF"
            "entry_date,lsoa,nc_year,urn,upn,enrolment\r\n"
            "2023-03-01 , E01000822,r,100001, A000000000001 , m\r\n"
            "2024-09-02,E01000001,n2,100001,A000000000002,c\r\n");
        const IngestResult r = ingest_pupil_census(f.opt);
        CHECK(r.summary.counted == 1);
        CHECK(r.summary.skipped_nursery == 1);
        const Census c = census_from_csv_text(r.census_csv, "out.csv");
        CHECK(cell(c, 100001, "nor_r") == 1);
        CHECK(cell(c, 100001, "idaci_b_primary") == 1);
        CHECK(cell(c, 100001, "mobility_primary") == 1);  // Reception in March 2023
    }
}

namespace {
// One bad row after a good one; returns the message of the error.
std::string error_for(const std::string& bad_row, const std::string& schools = kSchools) {
    Files f(std::string(kHeader) + "A000000000001,100001,R,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n" + bad_row,
            schools);
    return error_of([&] { ingest_pupil_census(f.opt); });
}
}  // namespace

TEST_CASE("ingest: every bad row stops the run, naming file, line and reason, never the UPN", "[ingest]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"A000000000002,100001,15,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column nc_year: \"15\" is not a year group: expected N1, N2, R or 1 to 14"},
        {"A000000000002,100001,Y3,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column nc_year: \"Y3\""},
        {"A000000000002,100001,3,X,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column enrolment: \"X\" is not an enrolment status"},
        {"A000000000002,100001,3,C,2,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column fsm: \"2\" is not a flag: expected 0 or 1"},
        {"A000000000002,100001,3,C,0,0,0,0,0,0,,E01000001,2024-09-04\n",
         "pupils.csv:3: column pp_service: \"\" is blank: expected 0 or 1"},
        {"A000000000002,100001,3,C,0,0,0,0,0,0,0,E01000001,2023-02-29\n",
         "pupils.csv:3: column entry_date: \"2023-02-29\" is not a date: expected YYYY-MM-DD"},
        {"A000000000002,100001,3,C,0,0,0,0,0,0,0,E01000001,04/09/2024\n",
         "pupils.csv:3: column entry_date: \"04/09/2024\" is not a date"},
        {"A000000000002,100001,3,C,0,0,0,0,0,0,0,E01000001,\n",
         "pupils.csv:3: column entry_date: \"\" is blank"},
        {"A000000000002,100001,3,C,0,0,0,0,0,0,0,E01999999,2024-09-04\n",
         "pupils.csv:3: column lsoa: \"E01999999\" is not in the LSOA lookup"},
        {"A000000000002,100009,3,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column urn: \"100009\" is not in the school file"},
        {"A000000000002,abc,3,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column urn: \"abc\" is not a URN (a positive whole number)"},
        {" ,100001,3,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n", "pupils.csv:3: column upn: is blank"},
        {"A000000000002,100001,3,C,0,0,0\n",
         "pupils.csv:3: has 7 fields but the header has 13 (a ragged row)"},
        // The UPN in the urn column (columns swapped): the value is withheld.
        {"100001,A000000000002,3,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column urn: is not a URN (a positive whole number) (value withheld: it has the shape "
         "of a UPN)"},
        // The same pupil twice on C/M (at two schools): the later line is named, with the first.
        {"A000000000001,100002,7,M,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
         "pupils.csv:3: column upn: is the same pupil as on line 2 (UPN withheld): a pupil enrolled as C or "
         "M is "
         "counted once"},
    };
    for (const auto& [row, expected] : cases) {
        const std::string msg = error_for(row);
        INFO(row);
        CHECK(msg.find(expected) != std::string::npos);
        CHECK(msg.find("pupils.csv:3:") != std::string::npos);
        check_no_upn(msg, {"A000000000001", "A000000000002"});
    }
}

TEST_CASE("ingest: a line past a quoted cell with a newline is still named correctly", "[ingest]") {
    // The unknown column "note" holds a quoted line break, so the bad row starts on line 4, not 3.
    Files f(
        "upn,urn,nc_year,note\n"
        "A000000000001,100001,R,\"two\nlines\"\n"
        "A000000000002,100001,15,x\n");
    CHECK(error_of([&] { ingest_pupil_census(f.opt); }).find("pupils.csv:4: column nc_year: \"15\"") !=
          std::string::npos);
}

TEST_CASE("ingest: a 10 MB line, 10^6 columns and a cell that never ends are refused at the CSV limits",
          "[ingest][limits]") {
    // One cell of 10 MB in an unknown column, against the 1 MiB cell limit: named by line, never quoted.
    const std::string big(10u << 20, '7');
    Files cell("upn,urn,nc_year,note\nA000000000001,100001,R,x\nA000000000002,100001,R," + big + "\n");
    std::string msg = error_of([&] { ingest_pupil_census(cell.opt); });
    CHECK_THAT(msg, Catch::EndsWith("/pupils.csv:3: a cell is longer than the limit of 1048576 bytes"));
    // 10 MB of 2,048-byte cells, each under the cell limit: the 8 MiB record limit stops it.
    std::string line = "A000000000001,100001,R";
    for (int i = 0; i < 5120; ++i) line += "," + std::string(2048, '7');
    std::string header = "upn,urn,nc_year";
    for (int i = 0; i < 5120; ++i) header += ",c" + std::to_string(i);
    Files record(header + "\n" + line + "\n");
    CHECK_THAT(error_of([&] { ingest_pupil_census(record.opt); }),
               Catch::EndsWith("/pupils.csv:2: a record is longer than the limit of 8388608 bytes"));
    header = "upn,urn,nc_year";
    for (int i = 0; i < 1000000; ++i) header += ",c" + std::to_string(i);
    Files wide(header + "\nA000000000001,100001,R\n");
    CHECK_THAT(error_of([&] { ingest_pupil_census(wide.opt); }),
               Catch::EndsWith("/pupils.csv:1: a record has more than 10000 columns"));
    // A cell that never ends: refused once past the limit, not held whole (libcsv keeps a cell until it
    // ends). An unclosed quote of 3 MB, and a device that never runs dry.
    Files open_quote(std::string(kHeader) + "\"" + std::string(3u << 20, 'x'));
    CHECK_THAT(error_of([&] { ingest_pupil_census(open_quote.opt); }),
               Catch::EndsWith("/pupils.csv:2: a cell is longer than the limit of 1048576 bytes"));
    Files endless("");
    endless.opt.pupils = "/dev/zero";
    CHECK(error_of([&] { ingest_pupil_census(endless.opt); }) ==
          "/dev/zero:1: a cell is longer than the limit of 1048576 bytes");
}

TEST_CASE("ingest: UTF-8 text is required, and the refusal does not quote the file", "[ingest]") {
    // "Zoë" in an unknown column is UTF-8 (0xC3 0xAB) and accepted.
    Files ok("upn,urn,nc_year,first_name\nA000000000001,100001,R,Zo\xC3\xAB\n");
    CHECK(ingest_pupil_census(ok.opt).summary.counted == 1);
    // The same name from a Windows-1252 export (0xEB) on line 3, and a UPN cut by a stray byte on line 4.
    Files bad("upn,urn,nc_year,first_name\nA000000000001,100001,R,Zoe\nA000000000002,100001,R,Zo\xEB\n");
    const std::string msg = error_of([&] { ingest_pupil_census(bad.opt); });
    CHECK(
        msg.find(
            "pupils.csv:3: is not UTF-8 text: field 4 has the byte 0xeb (save the file as \"CSV UTF-8\")") !=
        std::string::npos);
    CHECK(msg.find("Zo") == std::string::npos);
    Files upn(
        "upn,urn,nc_year\nA000000000001,100001,R\nA0000000\xFF"
        "00002,100001,R\n");
    const std::string msg2 = error_of([&] { ingest_pupil_census(upn.opt); });
    CHECK(msg2.find("pupils.csv:3: is not UTF-8 text: field 1 has the byte 0xff") != std::string::npos);
    check_no_upn(msg2, {"A0000000"});
    // A NUL byte: not a text file.
    Files nul(std::string("upn,urn,nc_year\nA000000000001,100001,R\nA000000000002,100001,R") + '\0' + "\n");
    CHECK(error_of([&] { ingest_pupil_census(nul.opt); }).find("pupils.csv:3: contains a NUL byte") !=
          std::string::npos);
    // Overlong forms and surrogates are not UTF-8 either.
    for (const char* b : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        Files f(std::string("upn,urn,nc_year,note\nA000000000001,100001,R,x") + b + "\n");
        CHECK(error_of([&] { ingest_pupil_census(f.opt); }).find("is not UTF-8 text: field 4") !=
              std::string::npos);
    }
}

TEST_CASE("ingest: the school-level census it builds is checked, and refused against the school file's line",
          "[ingest]") {
    SECTION("pupils in year groups the school does not have: reported against the school file") {
        Files f(std::string(kHeader) + "A000000000001,100001,7,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n",
                "urn,phase,status\n100005,secondary,academy\n100001,primary,maintained\n");
        CHECK(error_of([&] { ingest_pupil_census(f.opt); })
                  .find("schools.csv:3: school 100001: column ks3_year_groups: \"0\" says the school has no "
                        "such year "
                        "groups, but it has pupils in them (in the school-level census built from") !=
              std::string::npos);
    }
    SECTION("the check runs in blocks of schools: a school in a later block is still named by its line") {
        // 1,100 primaries, one Reception pupil each, but the 1,050th (schools.csv line 1,051) has a Year 7.
        std::string schools = "urn,phase,status\n", pupils = kHeader;
        for (int k = 1; k <= 1100; ++k) {
            schools += std::to_string(200000 + k) + ",primary,maintained\n";
            char row[128];
            std::snprintf(row, sizeof row, "A%012d,%d,%s,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n", k,
                          200000 + k, k == 1050 ? "7" : "R");
            pupils += row;
        }
        Files f(pupils, schools);
        CHECK(error_of([&] { ingest_pupil_census(f.opt); })
                  .find("schools.csv:1051: school 201050: column ks3_year_groups: \"0\" says the school has "
                        "no such "
                        "year groups") != std::string::npos);
    }
    SECTION("no pupil counts at all") {
        Files f(std::string(kHeader) + "A000000000001,100001,12,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n");
        CHECK(error_of([&] { ingest_pupil_census(f.opt); }).find("pupils.csv: has no pupil who counts") !=
              std::string::npos);
    }
}

namespace {
const std::string kBadRows =
    std::string(kHeader) +
    /* 2 */
    "A000000000001,100001,R,C,1,1,0,0,1,0,0,E01000001,2024-09-04\n"
    /* 3 */
    "A000000000002,100001,1,C,0,0,0,0,0,0,0,E01999999,2024-09-04\n"  // unknown LSOA
                                                                     /* 4 */
    "A000000000003,100001,2,C,0,0,7,0,0,0,0,E01000001,2024-09-04\n"  // bad flag
                                                                     /* 5 */
    "A000000000004,100001,3,C,0,0,0,0,0,0,0,E01000001,2024-9-4\n"    // bad date
                                                                     /* 6 */
    "A000000000001,100002,7,C,1,0,0,0,0,0,0,E01000822,2024-01-10\n"  // line 2's pupil again
                                                                     /* 7 */
    "A000000000005,100001,4,C,0,0,0,0,0,0,0,E01000822,2024-09-04\n"
    /* 8 */
    "A000000000006,100007,4,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n"           // school not in the file
                                                                              /* 9 */
    "A000000000001,100001,5,M,0,0,0,0,0,0,0,E01000001,2024-09-04\n"           // line 2's pupil a third time
    /*10 */ "A000000000007,100001,Q,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n";  // bad nc_year
}  // namespace

TEST_CASE("ingest --set-aside: bad rows listed by line and reason, the rest counted", "[ingest]") {
    for (const std::size_t memory : {std::size_t{1} << 20, std::size_t{2}}) {  // held in memory, then spilled
        Files f(kBadRows);
        f.opt.set_aside = true;
        f.opt.dedupe_memory_entries = memory;
        const IngestResult r = ingest_pupil_census(f.opt);
        const IngestSummary& s = r.summary;
        CHECK(s.dedupe_spilled == (memory == 2));
        // 9 rows; set aside 3, 4, 5, 6, 8, 9, 10; counted 2 and 7.
        CHECK(s.rows_read == 9);
        CHECK(s.counted == 2);
        REQUIRE(s.set_aside.size() == 7);
        CHECK(set_aside_csv(s) ==
              "line,reason,detail\n"
              "3,unknown lsoa,\"column lsoa: \"\"E01999999\"\" is not in the LSOA lookup " +
                  f.opt.idaci +
                  "\"\n"
                  "4,malformed flag,\"column eal3: \"\"7\"\" is not a flag: expected 0 or 1\"\n"
                  "5,malformed entry_date,\"column entry_date: \"\"2024-9-4\"\" is not a date: expected "
                  "YYYY-MM-DD (a real "
                  "calendar date)\"\n"
                  "6,pupil counted twice,column upn: is the same pupil as on line 2 (UPN withheld): a pupil "
                  "enrolled as C or "
                  "M is counted once\n"
                  "8,urn not in the school file,\"column urn: \"\"100007\"\" is not in the school file " +
                  f.opt.schools +
                  "\"\n"
                  "9,pupil counted twice,column upn: is the same pupil as on line 2 (UPN withheld): a pupil "
                  "enrolled as C or "
                  "M is counted once\n"
                  "10,unknown nc_year,\"column nc_year: \"\"Q\"\" is not a year group: expected N1, N2, R or "
                  "1 to 14\"\n");
        CHECK(s.set_aside_by_reason[static_cast<std::size_t>(SetAsideReason::duplicate_pupil)] == 2);
        // The duplicate at Beta (line 6) is taken out again: Beta has no pupils left and is not written.
        const Census c = census_from_csv_text(r.census_csv, "out.csv");
        REQUIRE(c.size == 1);
        CHECK(cell(c, 100001, "nor_primary") == 2);      // lines 2 and 7
        CHECK(cell(c, 100001, "fsm_primary") == 1);      // line 2
        CHECK(cell(c, 100001, "idaci_a_primary") == 1);  // line 2
        CHECK(cell(c, 100001, "idaci_b_primary") == 1);  // line 7
        CHECK(s.schools_without_pupils == std::vector<std::int64_t>{100002, 100003});
        const std::string text = ingest_summary_text(s);
        CHECK(text.find("Set aside (bad rows, listed by line number): 7\n") != std::string::npos);
        CHECK(text.find("  pupil counted twice: 2\n") != std::string::npos);
        CHECK(text.find("2 with no counted pupils not written (URN 100002, 100003)") != std::string::npos);
        // Privacy: no UPN in any output.
        const auto upns = upns_of(kBadRows);
        check_no_upn(set_aside_csv(s), upns);
        check_no_upn(text, upns);
        check_no_upn(r.census_csv, upns);
    }
}

TEST_CASE("ingest: the duplicate check spilled to its temporary file finds the same pupils", "[ingest]") {
    // 60 pupils at Alpha; the 3rd is repeated at the very end. With 8 hashes in memory the rest spill.
    std::string p = kHeader;
    const char* years[7] = {"R", "1", "2", "3", "4", "5", "6"};
    for (int k = 1; k <= 60; ++k) {
        char row[128];
        std::snprintf(row, sizeof row, "A%012d,100001,%s,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n", k,
                      years[k % 7]);
        p += row;
    }
    p += "A000000000003,100002,8,C,0,0,0,0,0,0,0,E01000001,2024-09-04\n";  // line 62
    Files f(p);
    f.opt.dedupe_memory_entries = 8;
    CHECK(error_of([&] {
              ingest_pupil_census(f.opt);
          }).find("pupils.csv:62: column upn: is the same pupil as on line 4 (UPN withheld)") !=
          std::string::npos);
    f.opt.set_aside = true;
    const IngestResult r = ingest_pupil_census(f.opt);
    CHECK(r.summary.dedupe_spilled);
    CHECK(r.summary.counted == 60);
    CHECK(r.summary.set_aside.size() == 1);
    // Nothing is left in the temporary folder: the spill file was unlinked as soon as it was made.
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(f.dir.path))
        files += e.path().filename().string().rfind("fundsim-upn", 0) == 0;
    CHECK(files == 0);
}

namespace {
// An independent count of a pupil file, written plainly from docs/interfaces.md §4 (no shared code with the
// engine but the CSV reader): per school, column name → count.
std::map<std::int64_t, std::map<std::string, double>> plain_count(const std::string& pupils_text,
                                                                  const std::map<std::string, long>& rank,
                                                                  const IdaciBands& bands, int census) {
    std::map<std::int64_t, std::map<std::string, double>> out;
    std::set<std::string> seen;
    std::vector<std::string> header;
    read_csv_buffer(pupils_text, "pupils", [&](const CsvRecord& rec) {
        if (header.empty()) {
            for (auto f : rec.fields) header.emplace_back(f);
            return;
        }
        std::map<std::string, std::string> v;
        for (std::size_t i = 0; i < header.size(); ++i) v[header[i]] = std::string(rec.fields[i]);
        const std::string y = v["nc_year"];
        if (y == "N1" || y == "N2" || y == "12" || y == "13" || y == "14") return;
        if (v["enrolment"] == "S" || v["enrolment"] == "G") return;
        REQUIRE(seen.insert(v["upn"]).second);  // synth never counts a pupil twice
        const int year = y == "R" ? 0 : std::stoi(y);
        const std::string g = year <= 6 ? "_primary" : "_secondary";
        auto& s = out[std::stoll(v["urn"])];
        s[year == 0 ? "nor_r" : "nor_y" + y] += 1;
        s[year <= 6 ? "nor_primary" : (year <= 9 ? "nor_ks3" : "nor_ks4")] += 1;
        for (const char* m : {"fsm", "fsm6", "eal3", "lpa", "pp_ever6"}) s[m + g] += v[m] == "1";
        s["pp_plac"] += v["pp_plac"] == "1";
        s["pp_service"] += v["pp_service"] == "1";
        if (!v["lsoa"].empty()) {
            const long r = rank.at(v["lsoa"]);
            const char* names[6] = {"a", "b", "c", "d", "e", "f"};
            for (int b = 0; b < 6; ++b)
                if (r <= bands.cutoff[static_cast<std::size_t>(b)]) {
                    s[std::string("idaci_") + names[b] + g] += 1;
                    break;
                }
        }
        const int entry = std::stoi(v["entry_date"].substr(0, 4)) * 10000 +
                          std::stoi(v["entry_date"].substr(5, 2)) * 100 +
                          std::stoi(v["entry_date"].substr(8, 2));
        const int month = entry / 100 % 100;
        const bool window = entry > census - 30000 && entry <= census;
        const bool usual = month == 8 || month == 9 || (year == 0 && month == 1);
        s["mobility" + g] += window && !usual;
    });
    return out;
}
}  // namespace

TEST_CASE("synth pupils: ingest agrees with an independent count and with the school-level synth",
          "[ingest][synth]") {
    SynthPupilOptions so;
    so.schools.schools = 40;
    so.schools.seed = 11;
    so.bands = load_idaci_bands(test::source_dir() + "/data/lookups/idaci-bands-2025-26.json");
    std::ostringstream pupils, schools, lookup;
    const SynthPupilStats st = synth_pupil_files(so, pupils, schools, lookup);
    CHECK(st.schools == 40);
    CHECK(st.mobility_short == 0);
    CHECK(st.rows > st.counted);  // nursery, sixth-form, S and G rows too

    // Deterministic per seed.
    std::ostringstream p2, s2, l2;
    synth_pupil_files(so, p2, s2, l2);
    CHECK(p2.str() == pupils.str());
    CHECK(s2.str() == schools.str());

    Files f(pupils.str(), schools.str(), lookup.str());
    f.opt.bands = so.bands;
    const IngestResult r = ingest_pupil_census(f.opt);
    CHECK(static_cast<std::size_t>(r.summary.counted) == st.counted);
    CHECK(static_cast<std::size_t>(r.summary.rows_read) == st.rows);
    CHECK(r.summary.skipped_subsidiary > 0);
    const Census out = load_census(f.dir.write("census.csv", r.census_csv));  // as `fundsim run` will
    CHECK(out.size == 40);

    // Every UPN has the real shape and is unique; none reaches the output.
    const auto upns = upns_of(pupils.str());
    std::set<std::string> distinct;
    for (const auto& u : upns) {
        CHECK(looks_like_upn(u));
        distinct.insert(u);
    }
    CHECK(distinct.size() + r.summary.skipped_subsidiary ==
          upns.size());  // an S row repeats its M pupil's UPN
    for (std::size_t k = 0; k < upns.size(); k += 97) CHECK(r.census_csv.find(upns[k]) == std::string::npos);

    // (1) The independent count.
    std::map<std::string, long> rank;
    read_csv_buffer(lookup.str(), "lookup", [&](const CsvRecord& rec) {
        if (rec.line > 1) rank[std::string(rec.fields[0])] = std::stol(std::string(rec.fields[1]));
    });
    const auto plain = plain_count(pupils.str(), rank, so.bands, 20241003);
    std::size_t compared = 0;
    for (const auto& [urn, cols] : plain)
        for (const auto& [col, v] : cols) {
            INFO(urn << " " << col);
            CHECK(cell(out, urn, col) == v);
            ++compared;
        }
    CHECK(compared > 40 * 20);

    // (2) The school-level synthetic census of the same seed, column by column.
    const Census want = census_from_csv_text(synth_census_csv(so.schools), "synth.csv");
    for (const std::string& col : want.columns) {
        bool secondary = false;
        if (col.rfind("nor_", 0) != 0 && !is_characteristic_column(col, secondary) && col != "pp_plac" &&
            col != "pp_service")
            continue;
        for (std::size_t k = 0; k < want.size; ++k) {
            INFO(want.urn[k] << " " << col);
            CHECK(cell(out, want.urn[k], col) ==
                  std::stod(std::string(want.cells[static_cast<std::size_t>(
                      std::find(want.columns.begin(), want.columns.end(), col) - want.columns.begin())][k])));
        }
    }

    // (3) It runs with the shipped 2025-26 formula: the FSM factor is £495 per FSM pupil.
    Census run_c;
    const Formula nff = load_formula(test::source_dir() + "/formulas/nff-2025-26.json");
    Result res = test::run_text(run_c, r.census_csv, nff);
    const int fsm = nff.factor_index("fsm");
    REQUIRE(fsm >= 0);
    for (std::size_t k = 0; k < run_c.size; ++k)
        CHECK(res.factors.amount[static_cast<std::size_t>(fsm)][static_cast<Eigen::Index>(k)] ==
              Approx(495.0 *
                     (cell(out, run_c.urn[k], "fsm_primary") + cell(out, run_c.urn[k], "fsm_secondary"))));
}

}  // namespace ingest_ingest_test
