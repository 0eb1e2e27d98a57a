// `fundsim statements --plan` (docs/multi-year.md §3): a plan's folder read back gives each year's figures
// exactly as the plan computed them; the statement lays them out a column per year; a folder that is not
// a plan's is refused by name.
#include <catch2/catch.hpp>

#include "engine/core/money.hpp"
#include "engine/years/plan.hpp"
#include "engine/years/plan_file.hpp"
#include "engine/years/plan_folder.hpp"
#include "reports/html/plan_statement_html.hpp"
#include "reports/plan_writers.hpp"
#include "reports/writers.hpp"
#include "tests/support.hpp"
#include "tests/unit/years/cohort_chain_plan.hpp"

namespace years_plan_statements_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using Catch::Matchers::Contains;

namespace {

// Two years of a hand-made plan: school 1 in both (capped by £36,000 in the second), school 2 opening in
// the second. Per pupil, school 1 goes from £4,000 to £4,100: +2.50% over the plan.
const char* kPlanCsv =
    "year,urn,name,phase,status,nor,formula_total,mppl_topup,mfg_topup,capping_deduction,budget_share,"
    "budget_share_per_pupil,change,change_per_pupil,mfg_baseline_pupils,mfg_baseline_funding,flags\n"
    "2025-26,1,Oak Primary,primary,maintained,200.00,800000.00,0.00,0.00,0.00,800000.00,4000.00,,,200.00,"
    "790000.00,\n"
    "2026-27,1,Oak Primary,primary,academy,210.50,897050.00,0.00,0.00,36000.00,861050.00,4100.00,61050.00,"
    "100.00,200.00,800000.00,capped\n"
    "2026-27,2,New Ash Primary,primary,maintained,30.00,150000.00,0.00,0.00,0.00,150000.00,5000.00,,,,,\n";

const char* kYear1 =
    "urn,laestab,name,phase,status,area,nor,basic,lump_sum,formula_total,mppl_level,mppl_topup,"
    "mfg_baseline_per_pupil,mfg_per_pupil,mfg_change,mfg_topup,capping_deduction,budget_share,"
    "budget_share_per_pupil,delegated_budget,notional_sen,flags\n"
    "1,8881000,Oak Primary,primary,maintained,North,200,650000.00,150000.00,800000.00,0.00,0.00,3950.00,"
    "3250.00,0.012658,0.00,0.00,800000.00,4000.00,800000.00,40000.00,\n";

const char* kYear2 =
    "urn,laestab,name,phase,status,area,nor,basic,lump_sum,formula_total,mppl_level,mppl_topup,"
    "mfg_baseline_per_pupil,mfg_per_pupil,mfg_change,mfg_topup,capping_deduction,budget_share,"
    "budget_share_per_pupil,delegated_budget,notional_sen,flags\n"
    "1,8881000,Oak Primary,primary,academy,North,210.5,747050.00,150000.00,897050.00,0.00,0.00,3950.00,"
    "3548.93,0.098463,0.00,36000.00,861050.00,4100.00,861050.00,43000.00,capped\n"
    "2,8881001,New Ash Primary,primary,maintained,North,30,0.00,150000.00,150000.00,0.00,0.00,,"
    "5000.00,,0.00,0.00,150000.00,5000.00,150000.00,0.00,\n";

void write_plan(const test::TempDir& d, const std::string& plan_csv = kPlanCsv) {
    d.write("plan.csv", plan_csv);
    std::filesystem::create_directories(d.path / "2025-26");
    std::filesystem::create_directories(d.path / "2026-27" / "schools");  // as a budget start writes it
    d.write("2025-26/allocations.csv", kYear1);
    d.write("2026-27/schools/allocations.csv", kYear2);
}

}  // namespace

TEST_CASE("statements --plan: a plan's folder read back school by school, year by year", "[years]") {
    test::TempDir d("plan-folder");
    write_plan(d);
    const PlanFolder pf = read_plan_folder(d.path.string());
    REQUIRE(pf.years == std::vector<std::string>{"2025-26", "2026-27"});
    REQUIRE(pf.schools.size() == 2);
    CHECK(pf.ids.factors == std::vector<std::string>{"basic", "lump_sum"});
    CHECK(pf.ids.de_delegation.empty());
    CHECK(pf.ids.grants.empty());
    const PlanSchool& oak = pf.schools[0];
    CHECK(oak.urn == 1);
    CHECK(oak.years[0].status == Status::maintained);
    CHECK(oak.years[1].status == Status::academy);
    CHECK(oak.years[1].value.at("capping_deduction") == 36000);
    CHECK(oak.years[1].value.at("basic") == 747050);
    CHECK(oak.years[1].value.at("nor") == 210.5);  // plan.csv's figure stands (allocations.csv's agrees)
    CHECK(oak.years[1].flags == "capped");
    CHECK(oak.years[0].value.count("change") == 0);  // blank: the plan's first year
    const PlanSchool& ash = pf.schools[1];
    CHECK_FALSE(ash.years[0].present);
    CHECK(ash.years[1].value.count("mfg_baseline_funding") == 0);  // new: no baseline

    const std::string page = plan_statement_html(pf, oak, "Test plan");
    CHECK_THAT(page, Contains("<th class=\"n\">2025-26</th><th class=\"n\">2026-27</th>"));
    // The capping deduction comes off, in red; the budget share row holds each year's.
    CHECK_THAT(page, Contains("Capping and scaling of gains</td><td class=\"n\">£0.00</td><td class=\"n "
                              "neg\">-£36,000.00</td>"));
    CHECK_THAT(page,
               Contains("Budget share</td><td class=\"n\">£800,000.00</td><td class=\"n\">£861,050.00</td>"));
    CHECK_THAT(page, Contains("Pupils</td><td class=\"n\">200</td><td class=\"n\">210.50</td>"));
    CHECK_THAT(page, Contains("£4,000.00 → £4,100.00</td><td class=\"k\">Change</td><td>+2.50%"));
    CHECK_THAT(page, Contains("Maintained</td><td class=\"n\">Academy"));
    // A school absent from a year shows a dash there.
    CHECK_THAT(plan_statement_html(pf, ash, "Test plan"),
               Contains("Budget share</td><td class=\"n\">–</td><td class=\"n\">£150,000.00</td>"));
    const std::string index = plan_statements_index_html(pf, {0, 1}, "Test plan");
    CHECK_THAT(index,
               Contains("<td class=\"n\">£800,000</td><td class=\"n\">£861,050</td><td class=\"n\">+2.50%"));
    CHECK_THAT(index, Contains("<td class=\"n\">–</td><td class=\"n\">£150,000</td><td class=\"n\">–"));
}

TEST_CASE("statements --plan: the figures read back are the plan's own, to the penny", "[years]") {
    const std::vector<PlanYear> years = test::run_cohort_chain_plan();
    test::TempDir d("plan-folder-real");
    d.write("plan.csv", plan_csv(years));
    for (const PlanYear& y : years) {
        std::filesystem::create_directories(d.path / y.year);
        d.write(y.year + "/allocations.csv", allocations_csv(y.result));
    }
    const PlanFolder pf = read_plan_folder(d.path.string());
    REQUIRE(pf.years.size() == years.size());
    std::size_t checked = 0;
    for (std::size_t t = 0; t < years.size(); ++t) {
        const Result& r = years[t].result;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const Eigen::Index k = static_cast<Eigen::Index>(i);
            const auto s = std::find_if(pf.schools.begin(), pf.schools.end(),
                                        [&](const PlanSchool& p) { return p.urn == r.census->urn[i]; });
            REQUIRE(s != pf.schools.end());
            const PlanSchoolYear& sy = s->years[t];
            REQUIRE(sy.present);
            CHECK(whole_pennies(sy.value.at("budget_share")) == whole_pennies(r.budget_share.amount[k]));
            CHECK(whole_pennies(sy.value.at("mfg_topup")) == whole_pennies(r.mfg.topup[k]));
            for (std::size_t f = 0; f < r.formula->factors.size(); ++f)
                CHECK(whole_pennies(sy.value.at(r.formula->factors[f].id)) ==
                      whole_pennies(r.factors.amount[f][k]));
            ++checked;
        }
    }
    CHECK(checked > 4);
}

TEST_CASE("statements --plan: a folder that is not one plan's is refused by name", "[years]") {
    test::TempDir d("plan-folder-bad");
    CHECK_THAT(test::error_of([&] { read_plan_folder(d.path.string()); }),
               Contains("plan.csv: is missing: --plan takes the folder `fundsim plan --out` wrote"));
    std::filesystem::create_directories(d.path / "mfg-0");
    d.write("mfg-0/plan.csv", kPlanCsv);
    CHECK_THAT(test::error_of([&] { read_plan_folder(d.path.string()); }),
               Contains("has no plan.csv but holds the plans mfg-0: give the folder of one"));

    test::TempDir e("plan-folder-bad2");
    write_plan(e, std::string(kPlanCsv) + "../x,1,Oak,primary,maintained,1,1,0,0,0,1,1,,,,,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("plan.csv:5: column year: \"../x\" is not a plan year"));
    write_plan(e, std::string(kPlanCsv) + "2026-27,3,Elm,primary,maintained,1,1,0,0,0,,1,,,,,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("plan.csv:5: column budget_share: \"\" is blank"));
    write_plan(e, std::string(kPlanCsv) + "2026-27,1,Oak,primary,maintained,1,1,0,0,0,1,1,,,,,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("plan.csv:5: column urn: \"1\" is given twice for 2026-27"));
    write_plan(e, std::string(kPlanCsv) + "2027-28,1,Oak,primary,maintained,1,1,0,0,0,1,1,,,,,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("2027-28/allocations.csv: is missing (nor is "));
    write_plan(e);
    e.write("2025-26/allocations.csv",
            std::string(kYear1) + "9,1,X,primary,maintained,N,1,1,1,2,0,0,,,,0,0,2,2,2,0,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("allocations.csv:3: column urn: \"9\" has no row for 2025-26 in plan.csv"));
    e.write("2025-26/allocations.csv",
            std::string(kYear1) + "1,1,X,primary,maintained,N,1,one,1,2,0,0,,,,0,0,2,2,2,0,\n");
    CHECK_THAT(test::error_of([&] { read_plan_folder(e.path.string()); }),
               Contains("allocations.csv:3: column basic: \"one\" is not a number"));
}

}  // namespace years_plan_statements_test
