// Transfers between blocks (docs/la-budget.md §2): destinations, totals and the Secretary of State flag.
#include "engine/budget/transfers.hpp"

#include <catch2/catch.hpp>

#include "tests/support.hpp"

namespace budget_transfers_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

Budget budget(double block, std::vector<Deduction> d) {
    Budget b;
    b.schools_block = block;
    b.deductions = std::move(d);
    return b;
}

std::vector<std::pair<std::string, double>> pounds(const Budget& b) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& d : b.deductions)
        out.emplace_back(d.id, d.is_percent ? d.value * b.schools_block : d.value);
    return out;
}

}  // namespace

TEST_CASE("a forum-agreed 0.5% transfer needs no approval; above it does", "[budget][transfers]") {
    Budget b = budget(10000000,
                      {{"hn", true, 0.005, "high_needs", true}, {"growth", false, 50000, "schools", false}});
    Transfers t = transfers_of(b, pounds(b));
    CHECK(t.out == 50000.00);
    CHECK(t.kept == 50000.00);
    CHECK(t.in[2] == 50000.00);
    CHECK_FALSE(t.lines[0].needs_secretary_of_state);
    CHECK_FALSE(t.lines[1].needs_secretary_of_state);  // kept in the block: not a transfer out

    // A penny more than 0.5%: flagged, with the total's share in the reason.
    b.deductions[0] = {"hn", false, 50000.01, "high_needs", true};
    t = transfers_of(b, pounds(b));
    CHECK(t.lines[0].needs_secretary_of_state);
    CHECK(t.lines[0].reason == "transfers out of the schools block total 0.500% of it, above 0.5%");

    // Two transfers each below 0.5% but together above: both flagged.
    b.deductions = {{"hn", true, 0.004, "high_needs", true}, {"ey", true, 0.002, "early_years", true}};
    t = transfers_of(b, pounds(b));
    CHECK(t.out == 60000.00);
    CHECK(t.in[3] == 20000.00);
    CHECK(t.lines[0].needs_secretary_of_state);
    CHECK(t.lines[1].needs_secretary_of_state);
}

TEST_CASE("a transfer without the Forum's agreement needs approval whatever its size",
          "[budget][transfers]") {
    Budget b = budget(10000000, {{"cssb", false, 1000, "central", false}});
    Transfers t = transfers_of(b, pounds(b));
    CHECK(t.in[1] == 1000.00);
    CHECK(t.lines[0].needs_secretary_of_state);
    CHECK(t.lines[0].reason == "not agreed by the Schools Forum");
}

TEST_CASE("the formula's deductions read `to` and `forum_agreed` (defaults schools, false)",
          "[budget][transfers]") {
    const Formula f = test::formula_from(
        R"({"name":"t","factors":{"b":{"kind":"lump_sum","rate":{"primary":1,"secondary":1}}},
            "budget":{"schools_block":100,"deductions":{"a":{"amount":1},"b":{"percent":0.005,"to":"high_needs","forum_agreed":true}}}})");
    REQUIRE(f.budget->deductions.size() == 2);
    CHECK(f.budget->deductions[0].to == "schools");
    CHECK_FALSE(f.budget->deductions[0].forum_agreed);
    CHECK(f.budget->deductions[1].to == "high_needs");
    CHECK(f.budget->deductions[1].forum_agreed);
    CHECK_THROWS_WITH(
        test::formula_from(
            R"({"name":"t","factors":{"b":{"kind":"lump_sum","rate":{"primary":1,"secondary":1}}},
            "budget":{"schools_block":100,"deductions":{"a":{"amount":1,"to":"nursery"}}}})"),
        Catch::Contains("/budget/deductions/a/to: \"nursery\" is not a DSG block"));
}

}  // namespace budget_transfers_test
