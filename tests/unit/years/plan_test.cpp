// Multi-year plans (docs/multi-year.md): the cohort roll (§4 check 4), the chained MFG baseline (§2,
// check 5), the plan file's errors, and a later year re-run from the files the plan wrote for it.
#include "engine/years/plan.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/money.hpp"
#include "engine/years/census_history.hpp"
#include "engine/years/cohort.hpp"
#include "engine/years/plan_file.hpp"
#include "engine/years/project_census.hpp"
#include "tests/support.hpp"
#include "tests/unit/years/cohort_chain_plan.hpp"

namespace years_plan_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using Catch::Matchers::Contains;

namespace {

double sum(const YearCounts& c) {
    double s = 0;
    for (double v : c) s += v;
    return s;
}
double dp2(double v) { return std::round(v * 100) / 100; }

}  // namespace

TEST_CASE("plan: a primary school's cohorts rolled forward three years (multi-year §4 check 4)", "[years]") {
    YearCounts y{30, 29, 30, 28, 30, 27, 29};
    StepRatios r;
    r.fill(0.99);
    const CohortSpan span = cohort_span(7, 0, 0);
    CHECK(span.first == 0);
    CHECK(span.last == 6);
    CHECK(sum(y) == 203);
    y = roll_cohorts(y, span, r, 28);
    CHECK(dp2(sum(y)) == 200.26);
    y = roll_cohorts(y, span, r, 27);
    CHECK(dp2(sum(y)) == 198.79);
    y = roll_cohorts(y, span, r, 26);
    CHECK(dp2(sum(y)) == 193.70);
    CHECK(y[7] == 0);  // Year 6 leaves: nothing reaches Year 7
}

TEST_CASE("plan: the year groups a school teaches, from the census's year groups present", "[years]") {
    CHECK(cohort_span(0, 3, 2).first == 7);
    CHECK(cohort_span(0, 3, 2).last == 11);
    CHECK(cohort_span(7, 3, 2).first == 0);
    CHECK(cohort_span(7, 3, 2).last == 11);
    CHECK(cohort_span(2, 2, 0).first == 5);  // a 9-13 middle school: Y5 to Y8
    CHECK(cohort_span(2, 2, 0).last == 8);
    CHECK(cohort_span(0, 0, 2).first == 10);  // a 14-16 school
    CHECK(cohort_span(0, 0, 2).last == 11);
    // An infant school (R to Y2): 3 primary year groups, the first 3, as its pupils show.
    const YearCounts infants{60, 58, 61};
    CHECK(cohort_span_of(infants, 3, 0, 0).first == 0);
    CHECK(cohort_span_of(infants, 3, 0, 0).last == 2);
    // A primary school still filling its year groups (R to Y2 so far) keeps its 7.
    CHECK(cohort_span_of(infants, 7, 0, 0).last == 6);
    // A junior school (Y3 to Y6) is the last 4.
    const YearCounts juniors{0, 0, 0, 60, 58, 61, 59};
    CHECK(cohort_span_of(juniors, 4, 0, 0).first == 3);
}

TEST_CASE("plan: the MFG baseline chained from last year's budget share (multi-year §4 check 5)", "[years]") {
    // Year t: £1,050,000 = £890,000 of pupil-led funding + the £150,000 lump sum + £10,000 of rates.
    const Formula f = test::formula_from(R"({"name": "t", "factors": {
        "pupil_led": {"kind": "per_column", "rate": {"pupil_led": 1}},
        "lump_sum": {"kind": "lump_sum", "rate": {"primary": 150000, "secondary": 150000}},
        "rates": {"kind": "actual", "column": "rates"}},
        "mfg": {"percent": 0.0, "excludes": ["lump_sum", "rates"]}})");
    Census c;
    const Result t = test::run_text(c,
                                    "urn,phase,status,nor_primary,nor_ks3,nor_ks4,pupil_led,rates\n"
                                    "1,primary,maintained,203,0,0,890000,10000\n",
                                    f);
    REQUIRE(t.budget_share.amount[0] == 1050000);
    BaselineRule b;
    b.excludes = {"lump_sum", "rates"};
    const double funding = chained_baseline_funding(t, 0, b);
    CHECK(funding == 890000);
    CHECK(round_penny(funding / 203) == 4384.24);

    // Year t+1: 200 pupils and £860,000 counted against that baseline.
    for (auto [percent, topup] : {std::pair{0.0, 16847.29}, std::pair{-0.005, 12463.05}}) {
        Formula next = f;
        next.mfg->percent = percent;
        Census c2;
        const Result r = test::run_text(c2,
                                        "urn,phase,status,nor_primary,nor_ks3,nor_ks4,pupil_led,rates,"
                                        "mfg_baseline_pupils,mfg_baseline_funding\n"
                                        "1,primary,maintained,200,0,0,860000,10000,203,890000\n",
                                        next);
        CHECK(r.mfg.topup[0] == topup);
    }
}

TEST_CASE("plan: every later year re-runs from the census and formula the plan wrote for it", "[years]") {
    const std::vector<PlanYear> years = test::run_cohort_chain_plan();
    REQUIRE(years.size() == 4);
    for (std::size_t t = 1; t < years.size(); ++t) {
        Census again;
        const Formula f = parse_formula(years[t].result.formula->doc, "formula.json");
        const Result r = test::run_text(again, years[t].census_csv, f);
        CHECK((r.budget_share.amount == years[t].result.budget_share.amount).all());
        // The chain: this year's baseline is last year's budget share less the excluded lines.
        const Result& prev = years[t - 1].result;
        BaselineRule b;
        b.excludes = f.mfg->excludes;
        for (std::size_t i = 0; i < prev.size(); ++i) {
            const long j = r.census->index_of(prev.census->urn[i]);
            REQUIRE(j >= 0);
            CHECK(r.census->mfg_baseline_funding[j] == chained_baseline_funding(prev, i, b));
            CHECK(r.census->mfg_baseline_pupils[j] == prev.census->nor[static_cast<Eigen::Index>(i)]);
        }
    }
}

TEST_CASE("plan: survival ratios from past censuses, a step without history taking the LA's", "[years]") {
    test::TempDir tmp("plan-history");
    const std::string path = (tmp.path / "history.csv").string();
    std::ofstream(path)
        << "year,urn,nor_r,nor_y1,nor_y2,nor_y3,nor_y4,nor_y5,nor_y6,nor_y7,nor_y8,nor_y9,nor_y10,"
           "nor_y11\n"
           "2022-23,1,30,30,0,0,0,0,0,0,0,0,0,0\n"
           "2023-24,1,30,27,30,0,0,0,0,0,0,0,0,0\n"
           "2024-25,1,30,33,27,0,0,0,0,0,0,0,0,0\n"
           "2024-25,2,10,0,0,0,0,0,0,0,0,0,0,0\n";
    const CohortRatios r = load_census_history(path, 2);
    // School 1, R → Y1: 27/30 and 33/30, mean 1.0; Y1 → Y2: 30/30 and 27/27, mean 1.
    CHECK(r.for_school(1)[0] == Approx(1.0));
    CHECK(r.for_school(1)[1] == Approx(1.0));
    CHECK(r.for_school(2)[0] == Approx(1.0));  // no history: the LA's mean of R → Y1
    CHECK(r.for_school(1)[2] == 0.0);          // Y2 → Y3: 30 pupils, then none
    CHECK(r.for_school(1)[5] == 1.0);          // no step anywhere: 1
    CHECK(load_census_history(path, 1).for_school(1)[0] == Approx(1.1));
}

TEST_CASE("plan: a plan file's mistakes are named by JSON path", "[years]") {
    test::TempDir tmp("plan-file");
    auto fails = [&](const std::string& text, const std::string& fragment) {
        const std::string path = (tmp.path / "plan.json").string();
        std::ofstream(path) << text;
        CHECK_THROWS_WITH(load_plan(path), Contains(fragment));
    };
    const std::string start = R"("name": "p", "start": {"census": "c.csv", "formula": "f.json"}, )";
    fails("{" + start + R"("years": ["2025-26", "2027-28"]})", "/years/1: \"2027-28\" is out of order");
    fails("{" + start + R"("years": ["2025-26", "2025-26"]})", "/years/1: \"2025-26\" is given twice");
    fails("{" + start + R"("years": ["2025-2026"]})", "/years/0: is not a financial year");
    fails("{" + start + R"("years": ["2025-26"], "projection": {"ratio": -0.5}})",
          "/projection/ratio: is negative");
    fails("{" + start + R"("years": ["2025-26", "2026-27"], "formulas": {"2025-26": "f.json"}})",
          "/formulas/2025-26: names the first year");
    fails("{" + start + R"("years": ["2025-26"], "colour": 1})", "colour");
}

}  // namespace years_plan_test
