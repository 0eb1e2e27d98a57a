// Parameter sweeps (engine/compare/sweep.cpp, reports/csv/comparison_csv.cpp sweep_csv): the grid of points,
// the order of combinations, an MFG sweep and a balanced sweep on five schools worked by hand.
#include "engine/compare/sweep.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

#include "engine/core/error.hpp"
#include "reports/comparison_writers.hpp"
#include "tests/support.hpp"

namespace compare_sweep_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// tests/cases/run_protections' five schools (worked there by hand) with prior-year budgets near this year's.
const char* kCensus =
    "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary,mfg_baseline_"
    "pupils,"
    "mfg_baseline_funding,prior_year_budget\n"
    "100001,8812001,Ashby Primary,North,primary,maintained,200,0,0,40,0,195,624000,737000\n"
    "100002,8812002,Brook Primary,North,primary,academy,300,0,0,180,0,290,870000,1000000\n"
    "100003,8812003,Castle Primary,South,primary,maintained,250,0,0,10,0,,,\n"
    "100004,8814001,Dale High,South,secondary,maintained,0,450,300,0,100,740,3330000,3530000\n"
    "100005,8814002,Elm Academy,North,secondary,academy,0,300,200,0,50,500,2350000,2460000\n";

const char* kFormula = R"({"name":"protections","factors":{
      "basic_entitlement":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4200,"ks4":4800}},
      "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":500,"secondary":800}},
      "lump_sum":{"kind":"lump_sum","rate":{"primary":100000,"secondary":120000}}},
      "mppl":{"level":{"primary":3500,"ks3":4500,"ks4":5000}},
      "mfg":{"percent":-0.005,"excludes":["lump_sum"]},"capping":{"cap":0.02,"scaling":0.5}})";

// The reference's five-school LA (test::kFiveSchools): uncapped total 13,112,500 (MFG 0% top-ups
// included); at cap 0 the excess over the baseline is 105,000 + 270,000 + 94,500 = 469,500.
const char* kFiveFormula = R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},
      "premises":{"kind":"actual","column":"premises"}},"mfg":{"percent":0.0,"excludes":["premises"]},
      "capping":{"cap":0,"scaling":0},"budget":{"schools_block":13052500,"solve_for":"scaling"}})";

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("sweep points: FROM + k*STEP, exact decimals, robust counting", "[sweep]") {
    // (0.005 - -0.005) / 0.0025 = 4 steps: 5 points, each the decimal it should be.
    CHECK(sweep_points(-0.005, 0.005, 0.0025, "t") ==
          std::vector<double>{-0.005, -0.0025, 0.0, 0.0025, 0.005});
    // -0.0045 + 9 * 0.0005 is 8.7e-19 in doubles: cleaned to exactly 0 (10 points).
    const auto p = sweep_points(-0.0045, 0, 0.0005, "t");
    REQUIRE(p.size() == 10);
    CHECK(p.back() == 0.0);
    CHECK(p[1] == -0.004);
    // 0.1 * 3 is 0.30000000000000004 in doubles; the grid says 0.3. (1 - 0) / 0.1 = 9.999999999999998: 11
    // points.
    const auto q = sweep_points(0, 1, 0.1, "t");
    REQUIRE(q.size() == 11);
    CHECK(q[3] == 0.3);
    CHECK(q[10] == 1.0);
    CHECK(sweep_points(5, 5, 1, "t") == std::vector<double>{5.0});
    CHECK(sweep_points(1315000000, 1319950000, 50000, "t").size() == 100);
    CHECK_THAT(error_of([] { sweep_points(0, 1, 0, "--vary /x=0:1:0"); }),
               Catch::Contains("--vary /x=0:1:0: STEP must be above 0"));
    CHECK_THAT(error_of([] { sweep_points(0, 1, -0.5, "t"); }),
               Catch::Contains("STEP must be above 0, found -0.5"));
    CHECK_THAT(error_of([] { sweep_points(1, 0, 0.5, "t"); }), Catch::Contains("TO (0) is below FROM (1)"));
    // (1 - 0) / 0.3 = 3.33 steps: the grid would stop at 0.9 or overshoot to 1.2.
    CHECK_THAT(error_of([] { sweep_points(0, 1, 0.3, "t"); }),
               Catch::Contains("TO is not FROM plus a whole number of STEPs"));
    CHECK_THAT(error_of([] { sweep_points(0, 2e6, 1, "t"); }), Catch::Contains("2000001 points is too many"));
}

TEST_CASE("sweep axes: PATH=FROM:TO:STEP, and the order of combinations", "[sweep]") {
    const SweepAxis a = parse_sweep_axis("/mfg/percent=-0.005:0.005:0.0025");
    CHECK(a.pointer == "/mfg/percent");
    CHECK(a.values.size() == 5);
    CHECK_THAT(error_of([] { parse_sweep_axis("mfg/percent=0:1:1"); }),
               Catch::Contains("must be a JSON pointer starting with /"));
    CHECK_THAT(error_of([] { parse_sweep_axis("/mfg/percent=0:1"); }),
               Catch::Contains("expected FROM:TO:STEP"));
    CHECK_THAT(error_of([] { parse_sweep_axis("/mfg/percent"); }),
               Catch::Contains("expected PATH=FROM:TO:STEP"));
    CHECK_THAT(error_of([] { parse_sweep_axis("/mfg/percent=0:1:x"); }),
               Catch::Contains("STEP \"x\" is not a number"));
    CHECK_THAT(error_of([] { parse_sweep_axis("/a~2b=0:1:1"); }),
               Catch::Contains("is not a valid JSON pointer"));

    // 3 x 2 combinations, the first axis slowest: (1,10) (1,20) (2,10) (2,20) (3,10) (3,20).
    std::vector<SweepAxis> axes = {parse_sweep_axis("/a=1:3:1"), parse_sweep_axis("/b=10:20:10")};
    CHECK(sweep_combinations(axes) == 6);
    CHECK(sweep_values(axes, 0) == std::vector<double>{1, 10});
    CHECK(sweep_values(axes, 1) == std::vector<double>{1, 20});
    CHECK(sweep_values(axes, 4) == std::vector<double>{3, 10});
    // 1,001 x 1,001 combinations is over the limit of 1,000,000.
    std::vector<SweepAxis> big = {parse_sweep_axis("/a=0:1000:1"), parse_sweep_axis("/b=0:1000:1")};
    CHECK_THAT(error_of([&] { sweep_combinations(big); }),
               Catch::Contains("1002001 combinations: at most 1,000,000"));
}

TEST_CASE("sweep of the MFG percent on five schools, worked by hand", "[sweep]") {
    Census census = census_from_csv_text(kCensus, "census.csv");
    const Formula f = test::formula_from(kFormula);
    const Sweep sw =
        run_sweep(test::prepared(census, f), f, {parse_sweep_axis("/mfg/percent=-0.01:0:0.005")});
    REQUIRE(sw.rows.size() == 3);
    CHECK(sw.has_prior_year);
    CHECK_FALSE(sw.has_budget);
    // MFG top-ups (tests/cases/run_protections): Ashby pp0 3,200, pp1 3,100, 200 pupils; Elm pp0 4,700,
    // pp1 4,520, 500 pupils. m = -1%: (3,168 - 3,100) x 200 = 13,600 and (4,653 - 4,520) x 500 = 66,500;
    // m = -0.5%: 16,800 and 78,250; m = 0: 20,000 and 90,000. Brook is capped 36,000 whatever m (its gain
    // 10% is over the cap); Castle (new) has its MPPL top-up 20,000; Dale is untouched.
    const double mfg[3] = {80100, 95050, 110000};
    const double total[3] = {8639100, 8654050, 8669000};  // 8,654,050 -/+ (3,200 + 11,750)
    for (int k = 0; k < 3; ++k) {
        const SweepRow& r = sw.rows[static_cast<std::size_t>(k)];
        CHECK(r.status == SweepStatus::ok);
        CHECK(r.schools_on_mfg == 2);
        CHECK(r.mfg_total == mfg[k]);
        CHECK(r.total_budget_share == total[k]);
        CHECK(r.schools_capped == 1);
        CHECK(r.capping_total == 36000.0);
        CHECK(r.schools_on_mppl == 1);
        CHECK(r.mppl_total == 20000.0);
    }
    CHECK(sw.rows[0].values[0] == -0.01);
    // Against last year (Ashby 737,000, Brook 1,000,000, Dale 3,530,000, Elm 2,460,000; Castle none):
    // at -1% and -0.5% Ashby (733,600; 736,800) and Elm (2,446,500; 2,458,250) lose and Brook gains;
    // at 0% Ashby (740,000) and Elm (2,470,000) gain too. Dale is unchanged throughout.
    CHECK(sw.rows[0].schools_gaining == 1);
    CHECK(sw.rows[0].schools_losing == 2);
    CHECK(sw.rows[1].schools_gaining == 1);
    CHECK(sw.rows[1].schools_losing == 2);
    CHECK(sw.rows[2].schools_gaining == 3);
    CHECK(sw.rows[2].schools_losing == 0);

    const std::string csv = sweep_csv(sw);
    CHECK(
        csv.rfind(
            "/mfg/"
            "percent,status,total_budget_share,available,headroom,lever,lever_value,schools_on_mfg,mfg_total,"
            "schools_capped,capping_total,schools_on_mppl,mppl_total,schools_gaining,schools_losing,error\n",
            0) == 0);
    // No budget: available, headroom and the lever are blank.
    CHECK(csv.find("\n-0.01,ok,8639100.00,,,,,2,80100.00,1,36000.00,1,20000.00,1,2,\n") != std::string::npos);
    CHECK(csv.find("\n0,ok,8669000.00,,,,,2,110000.00,1,36000.00,1,20000.00,3,0,\n") != std::string::npos);
}

TEST_CASE("balanced sweep: a block that cannot balance is a row, not the end of the sweep", "[sweep]") {
    Census census = census_from_csv_text(test::kFiveSchools, "five.csv");
    const Formula f = test::formula_from(kFiveFormula);
    const Sweep sw = run_sweep(test::prepared(census, f), f,
                               {parse_sweep_axis("/budget/schools_block=12600000:13200000:300000")});
    REQUIRE(sw.rows.size() == 3);
    CHECK_FALSE(sw.has_prior_year);
    // 12,600,000: even full scaling leaves 13,112,500 - 469,500 = 12,643,000, 43,000 too much.
    CHECK(sw.rows[0].status == SweepStatus::cannot_balance);
    CHECK_THAT(sw.rows[0].error, Catch::Contains("exceeds the available £12600000.00 by £43000.00"));
    // 12,900,000: scaling must remove 212,500 of the 469,500 excess: s = 0.4526092.
    CHECK(sw.rows[1].status == SweepStatus::ok);
    CHECK(sw.rows[1].lever_value == Approx(212500.0 / 469500.0).epsilon(1e-6));
    CHECK(sw.rows[1].headroom >= 0.0);
    CHECK(sw.rows[1].headroom < 1.0);
    CHECK(sw.rows[1].capping_total == Approx(212500.0).margin(1.0));
    // 13,200,000: affordable with no scaling; the 87,500 left cannot be spent by this lever. Schools 1 and 3
    // keep their MFG top-ups (21,000 + 15,750 = 36,750).
    CHECK(sw.rows[2].status == SweepStatus::lever_at_limit);
    CHECK(sw.rows[2].lever_value == 0.0);
    CHECK(sw.rows[2].headroom == 87500.0);
    const std::string csv = sweep_csv(sw);
    CHECK(csv.find("\n12600000,cannot_balance,,,,,,,,,,,,,,\"at /budget/solve_for: the budget cannot be "
                   "balanced by scaling") != std::string::npos);
    CHECK(csv.find("\n13200000,lever_at_limit,13112500.00,13200000.00,87500.00,scaling,0,2,36750.00,0,0.00,0,"
                   "0.00,,,\n") != std::string::npos);
}

TEST_CASE("sweep: an invalid combination is a row; a path that is not in the formula is an error",
          "[sweep]") {
    Census census = census_from_csv_text(kCensus, "census.csv");
    const Formula f = test::formula_from(kFormula);
    // MFG +3% is above the cap of 2%: the formula is refused at /capping/cap for that value only.
    const Sweep sw =
        run_sweep(test::prepared(census, f), f, {parse_sweep_axis("/mfg/percent=0.01:0.03:0.01")});
    REQUIRE(sw.rows.size() == 3);
    CHECK(sw.rows[0].status == SweepStatus::ok);
    CHECK(sw.rows[1].status == SweepStatus::ok);
    CHECK(sw.rows[2].status == SweepStatus::invalid);
    CHECK(
        sw.rows[2].error ==
        "at /capping/cap: must not be below the MFG percent (a school cannot be both protected and capped)");
    CHECK_THAT(error_of([&] {
                   run_sweep(test::prepared(census, f), f, {parse_sweep_axis("/mfg/pct=0:0.01:0.01")});
               }),
               Catch::Contains("at /mfg/pct: is not a number in the formula"));
    CHECK_THAT(error_of([&] {
                   run_sweep(test::prepared(census, f), f, {parse_sweep_axis("/factors=0:0.01:0.01")});
               }),
               Catch::Contains("at /factors: is not a number in the formula"));
}

TEST_CASE("sweep: the same rows whatever the number of threads", "[sweep]") {
    Census census = census_from_csv_text(test::kFiveSchools, "five.csv");
    const Formula f = test::formula_from(kFiveFormula);
    const std::vector<SweepAxis> axes = {parse_sweep_axis("/budget/schools_block=12600000:13200000:50000"),
                                         parse_sweep_axis("/mfg/percent=-0.01:0:0.0025")};
    SweepOptions one, four;
    one.threads = 1;
    four.threads = 4;
    // Called from the worker threads one at a time: record only (Catch's CHECK is not thread-safe).
    std::size_t calls = 0, last = 0, of = 0;
    bool in_order = true;
    four.progress = [&](std::size_t done, std::size_t total) {
        ++calls;
        in_order = in_order && done == last + 1;
        last = done;
        of = total;
    };
    const std::string a = sweep_csv(run_sweep(test::prepared(census, f), f, axes, one));
    const std::string b = sweep_csv(run_sweep(test::prepared(census, f), f, axes, four));
    CHECK(a == b);
    CHECK(calls == 65);  // 13 blocks x 5 MFG values
    CHECK(of == 65);
    CHECK(last == 65);
    CHECK(in_order);
    CHECK(std::count(a.begin(), a.end(), '\n') == 66);
}

TEST_CASE("sweep: a failed combination is classified by the error's kind, not its text or JSON path",
          "[sweep]") {
    CHECK(sweep_status_of(ErrorKind::unaffordable) == SweepStatus::cannot_balance);
    CHECK(sweep_status_of(ErrorKind::formula) == SweepStatus::invalid);
    CHECK(sweep_status_of(ErrorKind::input) == SweepStatus::invalid);
    // fundsim's own faults are not rows: the sweep stops with the error.
    CHECK_FALSE(sweep_status_of(ErrorKind::invariant).has_value());
    CHECK_FALSE(sweep_status_of(ErrorKind::internal).has_value());
    // The row's text: JSON path, school and detail; the file and line are left out.
    const Error e(Where{.file = "f.json", .line = 3, .json_path = "/budget/solve_for", .urn = 100001},
                  "too much", ErrorKind::unaffordable);
    CHECK(sweep_row_error(e) == "at /budget/solve_for: school 100001: too much");

    // Through a sweep: two extra factors on the five schools. With one of them at 6,000,000 per pupil,
    // scaling at a cap of 0 takes every gain back and the block balances; with both, school 4 (900
    // pupils) gets 2 x 5,400,000,000 and a budget share of 10,805,790,000 with its base and premises, over
    // the £10,000,000,000 one school can receive.
    // That error names /budget (the budget share's line) but is a bad amount, of kind formula: an invalid
    // row, where the old test of the path's prefix made it one that cannot balance.
    Census census = census_from_csv_text(test::kFiveSchools, "five.csv");
    const Formula f =
        test::formula_from(R"({"name":"five","factors":{"base":{"kind":"actual","column":"base"},
      "premises":{"kind":"actual","column":"premises"},
      "extra1":{"kind":"per_pupil","rate":{"primary":0,"ks3":0,"ks4":0}},
      "extra2":{"kind":"per_pupil","rate":{"primary":0,"ks3":0,"ks4":0}}},
      "mfg":{"percent":0.0,"excludes":["premises"]},"capping":{"cap":0,"scaling":0},
      "budget":{"schools_block":13052500,"solve_for":"scaling"}})");
    const Sweep sw = run_sweep(test::prepared(census, f), f,
                               {parse_sweep_axis("/factors/extra1/rate/primary=0:6000000:6000000"),
                                parse_sweep_axis("/factors/extra2/rate/primary=0:6000000:6000000")});
    REQUIRE(sw.rows.size() == 4);
    CHECK(sw.rows[0].status == SweepStatus::ok);
    CHECK(sw.rows[1].status == SweepStatus::ok);
    CHECK(sw.rows[3].status == SweepStatus::invalid);
    CHECK_THAT(
        sw.rows[3].error,
        Catch::StartsWith("at /budget: school 4: the budget share comes to 1.08058e+10 pounds, beyond"));
}

}  // namespace compare_sweep_test
