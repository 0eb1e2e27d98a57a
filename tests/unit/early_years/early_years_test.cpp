// The hand-worked checks of docs/early-years.md §6, to the penny, and the block's rules around them.
#include "engine/early_years/early_years.hpp"

#include <catch2/catch.hpp>

#include "engine/core/error.hpp"
#include "engine/early_years/solve_base_rate.hpp"
#include "tests/unit/early_years/ey_inputs.hpp"

namespace early_years_early_years_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test;

namespace {

const char* kBudget70k = R"({"allocation":{"u2":0,"two":0,"three_four":70000},"central":{"admin":5000}})";

// Check 1's provider: 20 children taking 15 hours a week over 13 + 14 + 11 = 38 weeks (570 h each), 6 of
// them with deprivation hours; EYPP and DAF as set.
EyHours check1_hours(double eypp_children, const std::array<double, 3>& eypp_hours, double daf) {
    EyHours h;
    const double weeks[3] = {13, 14, 11};
    for (std::size_t k = 0; k < 3; ++k)
        add_row(h,
                {0,
                 static_cast<Term>(k),
                 Entitlement::three_four_universal,
                 20,
                 20 * 15 * weeks[k],
                 eypp_children,
                 eypp_hours[k],
                 k == 1 ? daf : 0,
                 {6 * 15 * weeks[k]}},
                1);
    return h;
}

// Check 1's setting under `solve_for: base_rate`, allocation £70,000 for 3- and 4-year-olds.
EyFormula solving(const std::string& central) {
    return ey_formula(
        ey_formula_text(kDeprivation, "0.12",
                        R"({"allocation":{"u2":0,"two":0,"three_four":70000},"central":{"admin":)" + central +
                            R"(},"solve_for":"base_rate"})"));
}

EyProviders one_pvi() {
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 1);
    return p;
}

}  // namespace

TEST_CASE("check 1: 20 children x 570 h at £5.66, deprivation 6 x 570 h x £0.13", "[early_years]") {
    EyFormula f = ey_formula(ey_formula_text(kDeprivation, "0.12", kBudget70k));
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 1);
    EyResult r = calculate_early_years(f, p, check1_hours(0, {0, 0, 0}, 0));
    // 3,900 × 5.66 = 22,074.00; 4,200 × 5.66 = 23,772.00; 3,300 × 5.66 = 18,678.00.
    REQUIRE(r.terms.size() == 3);
    CHECK(r.terms[0].base_total() == 2207400);
    CHECK(r.terms[2].base_total() == 1867800);
    CHECK(r.providers_year[0].base_total() == 6452400);  // £64,524.00
    // 1,170 × 0.13 = 152.10; 1,260 × 0.13 = 163.80; 990 × 0.13 = 128.70: £444.60.
    CHECK(r.terms[1].supplement_total(0) == 16380);
    CHECK(r.providers_year[0].supplement_total(0) == 44460);
    CHECK(r.providers_year[0].total() == 6452400 + 44460);
    CHECK(r.providers_year[0].nursery_school_supp == 0);  // a PVI setting
}

TEST_CASE("check 2: EYPP on at most 15 hours a week; DAF once", "[early_years]") {
    EyFormula f = ey_formula(ey_formula_text(kDeprivation, "0.12", kBudget70k));
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 1);
    // 4 children × 570 h: 780 + 840 + 660 hours at £1.15 = 897.00 + 966.00 + 759.00 = £2,622.00.
    EyResult four = calculate_early_years(f, p, check1_hours(4, {780, 840, 660}, 1));
    CHECK(four.providers_year[0].eypp == 262200);
    CHECK(four.providers_year[0].daf == 97500);  // one child, £975.00
    // A 30-hour child claiming 1,140 h (390 + 420 + 330) is paid on 195 + 210 + 165 = 570 h: £655.50.
    EyResult thirty = calculate_early_years(f, p, check1_hours(1, {390, 420, 330}, 0));
    CHECK(thirty.terms[0].eypp == 22425);
    CHECK(thirty.providers_year[0].eypp == 65550);
    CHECK(thirty.providers_year[0].daf == 0);
    // EYPP and DAF sit outside the balance and the pass-through.
    CHECK(four.balance_spend == thirty.balance_spend);
    CHECK(four.pass_through.passed == thirty.pass_through.passed);
}

TEST_CASE("check 3: pass-through at 97% of £30,000,000 with £1,000,000 central fails by £100,000",
          "[early_years]") {
    EyPassThrough t = pass_through_test(2900000000LL, 3000000000LL, 0.97);
    CHECK_FALSE(t.pass);
    CHECK(t.needed == 2910000000LL);
    CHECK(t.shortfall == 10000000LL);
    CHECK(t.share == Approx(0.966667).epsilon(1e-6));
    // Through the block: 5,800,000 hours at £5.00 = £29,000,000 to providers, £1,000,000 kept centrally.
    EyFormula f = ey_formula(ey_formula_text(
        "{}", "0.12",
        R"({"allocation":{"u2":0,"two":0,"three_four":30000000},"central":{"admin":1000000}})"));
    f.base_rate[2] = 5.0;
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 0);
    EyHours h;
    add_row(h, {0, Term::summer, Entitlement::three_four_universal, 15000, 5800000}, 0);
    EyResult r = calculate_early_years(f, p, h);
    CHECK(r.pass_through.passed == 2900000000LL);
    CHECK_FALSE(r.pass_through.pass);
    CHECK(r.pass_through.shortfall == 10000000LL);
    CHECK(r.headroom == 0);
    // SENIF paid to providers counts as passed: £100,000 of it makes the test pass exactly.
    f.central = {{"admin", 900000, false}, {"senif", 100000, true}};
    CHECK(calculate_early_years(f, p, h).pass_through.pass);
}

TEST_CASE("check 4: places against hours pays £12,904.80 less on hours", "[early_years]") {
    EyFormula f = ey_formula(ey_formula_text("{}", "0.12", kBudget70k));
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 0);
    // 26 places × 570 h = 14,820 place-hours; 22 children × 570 h = 12,540 hours.
    auto year = [&](double children) {
        EyHours h;
        const double weeks[3] = {13, 14, 11};
        for (std::size_t k = 0; k < 3; ++k)
            add_row(h,
                    {0, static_cast<Term>(k), Entitlement::three_four_universal, children,
                     children * 15 * weeks[k]},
                    0);
        return calculate_early_years(f, p, h).providers_year[0].total();
    };
    CHECK(year(26) == 8388120);  // £83,881.20
    CHECK(year(22) == 7097640);  // £70,976.40
    CHECK(year(26) - year(22) == 1290480);
}

TEST_CASE("check 5: the solved rate balances and £0.001 more breaks it", "[early_years]") {
    // Allocation £70,000, central £5,000, deprivation £444.60: the base may take £64,555.40 over 11,400 h.
    // £5.662: 22,081.80 + 23,780.40 + 18,684.60 = 64,546.80 (fits); £5.663: 64,558.20 (does not).
    EyResult r = calculate_early_years(solving("5000"), one_pvi(), check1_hours(0, {0, 0, 0}, 0));
    REQUIRE(r.solved_tenths);
    CHECK(*r.solved_tenths == 5662);
    CHECK(r.three_four_rate == 5.662);
    CHECK(r.providers_year[0].base_total() == 6454680);
    CHECK(r.headroom == 860);  // £8.60
    const std::vector<double> h34 = {3900, 4200, 3300};
    CHECK(balance_spend(h34, 500000 + 44460, 5662) <= 7000000);
    CHECK(balance_spend(h34, 500000 + 44460, 5663) > 7000000);
}

TEST_CASE("an allocation the other lines already exceed is unaffordable", "[early_years]") {
    try {
        calculate_early_years(solving("80000"), one_pvi(), check1_hours(0, {0, 0, 0}, 0));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::unaffordable);
        CHECK_THAT(e.what(), Catch::Contains("exceed the allocation (£70000.00) by £10444.60"));
    }
}

TEST_CASE("supplements above the cap are an error naming the share and the cap", "[early_years]") {
    // 444.60 / (64,524.00 + 444.60) = 0.684%.
    EyFormula f = ey_formula(ey_formula_text(kDeprivation, "0.005", kBudget70k));
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 1);
    try {
        calculate_early_years(f, p, check1_hours(0, {0, 0, 0}, 0));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::formula);
        CHECK_THAT(e.what(), Catch::Contains("/supplement_cap"));
        CHECK_THAT(e.what(), Catch::Contains("0.68% of their base and supplements"));
        CHECK_THAT(e.what(), Catch::Contains("cap of 0.50%"));
    }
    // "supplement_cap": null: no cap.
    f = ey_formula(ey_formula_text(kDeprivation, "null", kBudget70k));
    CHECK(calculate_early_years(f, p, check1_hours(0, {0, 0, 0}, 0)).supplement_share.within());
}

TEST_CASE("nursery schools, per-provider supplements and groups", "[early_years]") {
    const char* supps =
        R"({"quality":{"kind":"per_provider","column":"quality_lump","rate":1,"groups":["three_four"]},
      "two_dep":{"kind":"per_hour","column":"deprivation_hours","rate":0.5,"groups":["two"]}})";
    EyFormula f = ey_formula(ey_formula_text(supps, "null", kBudget70k));
    EyProviders p;
    add_provider(p, "N1", ProviderType::nursery_school, 2);
    add_provider(p, "C1", ProviderType::childminder, 2);
    p.supplement_column[0] = {1000, 500};
    EyHours h;
    // N1: 100 three_four hours in autumn and spring (the lump sum in autumn, its first such term), 10 two
    // hours in summer of which 4 deprived. C1: only u2 hours, so no three_four lump sum.
    add_row(h, {0, Term::summer, Entitlement::two_support, 1, 10, 0, 0, 0, {0, 4}}, 2);
    add_row(h, {0, Term::autumn, Entitlement::three_four_universal, 1, 100}, 2);
    add_row(h, {0, Term::spring, Entitlement::three_four_additional, 1, 100}, 2);
    add_row(h, {1, Term::spring, Entitlement::u2_working, 1, 7}, 2);
    EyResult r = calculate_early_years(f, p, h);
    REQUIRE(r.terms.size() == 4);
    CHECK(r.terms[0].base_total() == 7620);        // 10 × 7.62
    CHECK(r.terms[0].supplement_total(1) == 200);  // 4 × 0.50
    CHECK(r.terms[1].supplement_total(0) == 100000);
    CHECK(r.terms[2].supplement_total(0) == 0);
    CHECK(r.terms[1].nursery_school_supp == 46300);   // 100 × 4.63
    CHECK(r.providers_year[1].base_total() == 7168);  // 7 × 10.24
    CHECK(r.providers_year[1].supplement_total(0) == 0);
    CHECK(r.group_payments(EyGroup::u2) == 7168);
    CHECK(r.group_payments(EyGroup::two) == 7820);
    CHECK(r.group_payments(EyGroup::three_four) == 113200 + 100000 + 92600);
    std::int64_t s251 = 0;
    for (const auto& line : r.s251_lines()) s251 += line.pennies;
    CHECK(s251 == r.block_spend());
}

TEST_CASE("formula errors name the JSON path", "[early_years]") {
    auto message = [](const std::string& text) {
        try {
            ey_formula(text);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string ok = ey_formula_text(kDeprivation, "0.12", kBudget70k);
    CHECK(message(ok) == "no error");
    auto with = [&](const std::string& from, const std::string& to) {
        std::string t = ok;
        t.replace(t.find(from), from.size(), to);
        return message(t);
    };
    CHECK_THAT(with("\"u2\":10.24", "\"u2\":-1"),
               Catch::Contains("/base_rate/u2") && Catch::Contains("negative"));
    CHECK_THAT(with("\"groups\":[\"three_four\"]", "\"groups\":[\"three\"]"),
               Catch::Contains("/supplements/deprivation/groups/0"));
    CHECK_THAT(with("\"kind\":\"per_hour\"", "\"kind\":\"per_child\""),
               Catch::Contains("/supplements/deprivation/kind"));
    CHECK_THAT(with("\"summer\":13", "\"summer\":0"), Catch::Contains("/term_weeks/summer"));
    CHECK_THAT(with("\"minimum\":0.97", "\"minimum\":97"), Catch::Contains("/pass_through/minimum"));
    CHECK_THAT(with("\"daf\":{\"rate\":975}", "\"daf\":{\"rate\":975,\"rates\":1}"),
               Catch::Contains("/daf/rates") && Catch::Contains("not a known key"));
    CHECK_THAT(with("\"supplement_cap\":0.12", "\"supplement_cap\":\"12%\""),
               Catch::Contains("/supplement_cap"));
    CHECK_THAT(with("\"central\":{\"admin\":5000}",
                    "\"central\":{\"admin\":{\"amount\":5000,\"counts_as_passed\":1}}"),
               Catch::Contains("/budget/central/admin/counts_as_passed"));
    CHECK_THAT(with("\"deprivation\":{", "\"total\":{"),
               Catch::Contains("/supplements/total") && Catch::Contains("column of payments.csv"));
}

TEST_CASE("a payment line beyond £10 billion is refused, naming the provider and term", "[early_years]") {
    EyFormula f = ey_formula(ey_formula_text("{}", "null", kBudget70k));
    f.base_rate[0] = 1e10;  // the most a rate may be; 2 hours of it is £20 billion
    EyProviders p;
    add_provider(p, "P1", ProviderType::pvi, 0);
    EyHours h;
    add_row(h, {0, Term::autumn, Entitlement::u2_working, 1, 2}, 0);
    try {
        calculate_early_years(f, p, h);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK_THAT(e.what(),
                   Catch::Contains("provider P1, autumn term: a payment line of over £10,000,000,000"));
    }
}

}  // namespace early_years_early_years_test
