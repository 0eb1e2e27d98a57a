// The self-check (engine/run/invariants.cpp; docs/funding-model.md §8, issue 6): check_invariants() finds
// each invariant broken in a result that has been tampered with, naming the school and the figures, and
// require_invariants() refuses it. The untouched result, the five-school LA of balance/balance_test.cpp
// with an MPPL and the cap solved, passes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace run_invariants_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const char* kFormula = R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},
    "premises":{"kind":"actual","column":"premises"}},
    "mppl":{"level":{"primary":4900,"ks3":6000,"ks4":6000},"excludes":["premises"]},
    "mfg":{"percent":0.0,"excludes":["premises"]},"capping":{"cap":0,"scaling":1},
    "budget":{"schools_block":13052500,"solve_for":"cap"}})";

struct Five {
    Census census;
    Result r;
    Five() : r(test::run_text(census, test::kFiveSchools, test::formula_from(kFormula))) {}
};

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
    return joined(lines).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("self-check: the five-school LA as calculated passes", "[self-check]") {
    Five f;
    REQUIRE(f.r.budget);
    REQUIRE(f.r.budget->lever == Lever::cap);
    CHECK(check_invariants(f.r).empty());
    CHECK_NOTHROW(require_invariants(f.r, "option A"));
}

TEST_CASE("self-check: each broken invariant is found, with its school and figures", "[self-check]") {
    Five f;
    std::vector<std::string> bad;
    SECTION("1. a budget share that is not formula + MPPL + MFG - capping") {
        f.r.budget_share.amount[0] += 1.0;
        bad = check_invariants(f.r);
        CHECK(has(bad, "school 1: budget share"));
        CHECK(has(bad, "is not formula"));
    }
    SECTION("2. a school below its guarantee") {
        f.r.mfg.pp0[2] += 100.0;  // S3's guarantee rises £100 a pupil above what it was paid
        bad = check_invariants(f.r);
        CHECK(has(bad, "school 3: per-pupil funding"));
        CHECK(has(bad, "is below its guarantee"));
    }
    SECTION("3. a school both protected and capped") {
        f.r.mfg.topup[1] += 50.0;  // both lines grow by £50: the budget share still adds up
        f.r.capping.deduction[1] += 50.0;
        bad = check_invariants(f.r);
        CHECK(has(bad, "school 2: has an MFG top-up"));
        CHECK_FALSE(has(bad, "is not formula"));
    }
    SECTION("4. a school below the MPPL") {
        f.r.mppl.level[3] = 7000.0;  // S4 is paid about £6,255 a pupil after capping, premises aside
        bad = check_invariants(f.r);
        CHECK(has(bad, "school 4: per-pupil funding"));
        CHECK(has(bad, "counted for the MPPL is below its level"));
    }
    SECTION("5. headroom outside 0 to under £1 with the lever solved") {
        f.r.budget->headroom = -0.5;
        CHECK(has(check_invariants(f.r), "headroom -0.50 after solving for cap"));
        f.r.budget->headroom = 2.0;
        bad = check_invariants(f.r);
        CHECK(has(bad, "headroom 2.00 after solving for cap"));
    }
    SECTION("7. a total that is not the sum of its lines") {
        f.r.budget->total += 0.02;
        bad = check_invariants(f.r);
        CHECK(has(bad, "is not the sum of the budget shares"));
    }
    INFO(joined(bad));
    CHECK_FALSE(bad.empty());
    try {
        require_invariants(f.r, "option A");
        FAIL("require_invariants accepted a broken result");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invariant);  // fundsim's fault, not the user's input
        const std::string m = e.what();
        CHECK(m.find("option A: the result breaks the funding model's invariants; nothing was written:") !=
              std::string::npos);
        CHECK(m.find(bad.front()) != std::string::npos);
    }
}

TEST_CASE("self-check: more than 20 failures are listed as 20 and a count", "[self-check]") {
    std::string csv = "urn,phase,status,nor_primary,nor_ks3,nor_ks4,base\n";
    for (int u = 1; u <= 25; ++u) csv += std::to_string(u) + ",primary,maintained,100,0,0,400000\n";
    Census c;
    Result r = test::run_text(
        c, csv,
        test::formula_from(R"({"name":"many","factors":{"base":{"kind":"actual","column":"base"}}})"));
    REQUIRE(check_invariants(r).empty());
    for (Eigen::Index i = 0; i < r.budget_share.amount.size(); ++i) r.budget_share.amount[i] += 1.0;
    const std::vector<std::string> bad = check_invariants(r);
    REQUIRE(bad.size() == 21);
    CHECK(bad[0].find("school 1: budget share") == 0);
    CHECK(bad[19].find("school 20: budget share") == 0);
    CHECK(bad[20] == "... and 5 more");
}

}  // namespace run_invariants_test
