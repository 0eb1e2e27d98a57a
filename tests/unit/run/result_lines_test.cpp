// The reported lines of a result (engine/run/result_lines.hpp): the one ordered list the writers read.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reports/writers.hpp"
#include "tests/support.hpp"

namespace run_result_lines_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const char* kCensus =
    "urn,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary,mfg_baseline_pupils,"
    "mfg_baseline_funding,pp_ever6_primary,pp_ever6_secondary\n"
    "201,primary,maintained,210,0,0,30,0,210,640000,40,0\n"
    "202,secondary,academy,0,300,200,0,50,,,0,80\n";

const char* kFormula = R"({"name":"Lines","year":"2025-26",
  "factors":{"basic_entitlement":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4000,"ks4":5000}},
             "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":495}}},
  "mfg":{"percent":0.0},
  "capping":{"cap":0.005,"scaling":0.5},
  "de_delegation":{"contingency":{"kind":"per_pupil","rate":{"primary":10,"ks3":8,"ks4":8}}},
  "grants":{"pupil_premium":{"ever6":{"kind":"per_unit","measure":"pp_ever6","rate":{"primary":1500,"secondary":1000}}}},
  "notional_sen":{"fsm":0.5}})";

}  // namespace

TEST_CASE("Result::lines: the reported lines in the journey's order, pointing into the result", "[run]") {
    Census census;
    const Result r = test::run_text(census, kCensus, test::formula_from(kFormula));
    const std::vector<ReportedLine> lines = r.lines();
    std::vector<std::string> ids;
    for (const auto& line : lines) ids.push_back(line.id);
    CHECK(ids == std::vector<std::string>{"basic_entitlement", "fsm", "formula_total", "mppl_level",
                                          "mppl_topup", "mfg_baseline_per_pupil", "mfg_per_pupil",
                                          "mfg_change", "mfg_topup", "capping_deduction", "budget_share",
                                          "budget_share_per_pupil", "contingency", "delegated_budget",
                                          "pupil_premium", "notional_sen"});
    for (std::size_t k = 1; k < lines.size(); ++k) CHECK(lines[k - 1].stage <= lines[k].stage);
    CHECK(lines.front().stage == Stage::factors);
    CHECK(lines.back().stage == Stage::after_share);
    CHECK(lines[1].values == &r.factors.amount[1]);
    CHECK(lines[9].values == &r.capping.deduction);
    CHECK(lines[10].values == &r.budget_share.amount);
    CHECK(lines[5].value == LineValue::money_if_baseline);
    CHECK(lines[7].value == LineValue::fraction_if_baseline);
    CHECK(std::string(to_string(lines[12].stage)) == "after_share");

    // allocations.csv's header is these lines between the school's own columns and its flags.
    const std::string csv = allocations_csv(r);
    std::string header = "urn,laestab,name,phase,status,area,nor";
    for (const auto& id : ids) header += "," + id;
    CHECK(csv.substr(0, csv.find('\n')) == header + ",flags");
    // The new school (no MFG baseline) has blank pp0 and MFG change cells.
    const std::size_t start = csv.find("\n202,") + 1;
    const std::string row2 = csv.substr(start, csv.find('\n', start) - start);
    std::vector<std::string> cells;
    for (std::size_t from = 0;;) {
        const std::size_t at = row2.find(',', from);
        cells.push_back(row2.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) break;
        from = at + 1;
    }
    REQUIRE(cells.size() == 7 + ids.size() + 1);
    CHECK(cells[7 + 5].empty());
    CHECK(cells[7 + 7].empty());
    CHECK_FALSE(cells[7 + 6].empty());
}

}  // namespace run_result_lines_test
