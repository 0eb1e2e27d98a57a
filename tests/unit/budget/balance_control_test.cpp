// Balance control (docs/la-budget.md §5): the spec's hand-worked checks to the penny.
#include "engine/budget/balance_control.hpp"

#include <catch2/catch.hpp>

#include "engine/core/error.hpp"
#include "tests/support.hpp"

namespace budget_balance_control_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

BalanceOutcome one(double budget_share, double closing, double committed, double threshold,
                   const BalanceControl& control, int excess_years = 0) {
    BalanceOutcome b;
    b.budget_share = budget_share;
    b.row.closing_balance = closing;
    b.row.committed = committed;
    b.row.excess_years = excess_years;
    apply_control(b, threshold, control);
    return b;
}

}  // namespace

TEST_CASE("primary 8%: £130,000 less £30,000 committed over £80,000 → £20,000", "[budget][balances]") {
    BalanceControl c;
    const BalanceOutcome b = one(1000000, 130000, 30000, 0.08, c);
    CHECK(b.uncommitted == 100000.00);
    CHECK(b.threshold == 80000.00);
    CHECK(b.excess == 20000.00);
    CHECK(b.clawback == 20000.00);
}

TEST_CASE("secondary 5%: £400,000 less £100,000 over £250,000 → £50,000; at 50% → £25,000",
          "[budget][balances]") {
    BalanceControl c;
    CHECK(one(5000000, 400000, 100000, 0.05, c).clawback == 50000.00);
    c.clawback_rate = {0, 0.5, 1.0};
    CHECK(one(5000000, 400000, 100000, 0.05, c, 1).clawback == 25000.00);
    CHECK(one(5000000, 400000, 100000, 0.05, c, 0).clawback == 0.0);
    CHECK(one(5000000, 400000, 100000, 0.05, c, 2).clawback == 50000.00);
    CHECK(one(5000000, 400000, 100000, 0.05, c, 7).clawback == 50000.00);  // the last rate beyond the list
}

TEST_CASE("West Berkshire: 10%, at least £50,000 left: £180,000 on £1,200,000 → £60,000",
          "[budget][balances]") {
    BalanceControl c;
    c.min_retained = 50000;
    CHECK(one(1200000, 180000, 0, 0.10, c).clawback == 60000.00);
    // A smaller balance: excess £10,000 but only £5,000 above the minimum retained.
    c.min_retained = 125000;
    CHECK(one(1200000, 130000, 0, 0.10, c).clawback == 5000.00);
}

TEST_CASE("min_threshold, exempt sums, deficits and academies", "[budget][balances]") {
    BalanceControl c;
    c.min_threshold = 20000;
    // 5% of £100,000 is £5,000; the £20,000 floor applies: £30,000 − £20,000 = £10,000.
    CHECK(one(100000, 30000, 0, 0.05, c).excess == 10000.00);
    BalanceOutcome b;
    b.budget_share = 100000;
    b.row.closing_balance = 30000;
    b.row.exempt = 10000;
    apply_control(b, 0.05, c);
    CHECK(b.excess == 0.0);
    // −£5,000.01 on £100,000 is above 5%; −£5,000 is not.
    CHECK(one(100000, -5000.01, 0, 0.05, c).deficit_over_5pct);
    CHECK_FALSE(one(100000, -5000, 0, 0.05, c).deficit_over_5pct);
    CHECK(one(100000, -5000, 0, 0.05, c).deficit);
    BalanceOutcome a;
    a.academy = true;
    a.budget_share = 1000000;
    a.row.closing_balance = 130000;
    a.row.committed = 30000;
    apply_control(a, 0.08, c);
    CHECK(a.excess == 20000.00);
    CHECK(a.clawback == 0.0);
}

TEST_CASE("balances.csv: an unknown URN is an error naming the line", "[budget][balances]") {
    Census c = census_from_csv_text(
        "urn,phase,status,nor_primary,nor_ks3,nor_ks4\n1,primary,maintained,10,0,0\n", "census.csv");
    test::TempDir dir("budget-balances");
    const std::string p = dir.write("balances.csv", "urn,closing_balance,committed\n1,100,0\n7,100,0\n");
    CHECK_THROWS_WITH(load_balances(p, c),
                      Catch::Contains("balances.csv:3: column urn: \"7\" is not a school"));
    const std::string q = dir.write("balances.csv", "urn,closing_balance,committed\n1,1oo,0\n");
    CHECK_THROWS_WITH(load_balances(q, c),
                      Catch::Contains("balances.csv:2: column closing_balance: \"1oo\""));
}

}  // namespace budget_balance_control_test
