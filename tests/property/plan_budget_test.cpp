// Plans started from a budget file on random LAs (docs/multi-year.md §1, §4, §5): 3 to 5 years of random
// cohorts, schools block growth, transfers, balances and conversions across the horizon, each year's DSG
// position checked against a plain implementation kept here (whole pennies, one loop per figure): the
// blocks add up (la-budget.md §7 invariant 1), the reserve chains from year to year with the start year's
// clawback in the schools block, the block grows with its pupils, the clawback is available money the year
// after, and a converted school is split in its year and recouped whole after.
#include "app/plan_budget.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "engine/core/money.hpp"
#include "engine/synth/rng.hpp"
#include "engine/years/plan_file.hpp"
#include "tests/support.hpp"

using namespace fundsim;

namespace {

long long p(double pounds) { return std::llround(pounds * 100.0); }

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

struct School {
    std::int64_t urn = 0;
    bool primary = true, academy = false;
    double share = 0;
};

}  // namespace

TEST_CASE("plan from a budget: the DSG chain, clawback and conversions on random LAs", "[property][years]") {
    std::size_t years_checked = 0, conversions_checked = 0, clawbacks = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Rng rng(seed * 7919 + 3);
        INFO("seed " << seed);
        test::TempDir dir("plan-budget-" + std::to_string(seed));
        const int years = 3 + static_cast<int>(rng.below(3));
        const std::size_t n = 3 + rng.below(25);
        std::vector<School> schools(n);
        std::string census =
            "urn,name,phase,status,nor_r,nor_y1,nor_y2,nor_y3,nor_y4,nor_y5,nor_y6,nor_y7,nor_y8,nor_y9,nor_"
            "y10,"
            "nor_y11,share\n";
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            School& s = schools[i];
            s.urn = 500000 + static_cast<std::int64_t>(i);
            s.primary = rng.chance(0.7);
            s.academy = rng.chance(0.3);
            s.share = std::round(rng.uniform(200000, 3000000) * 100) / 100;
            census += std::to_string(s.urn) + ",School " + std::to_string(i) + "," +
                      (s.primary ? "primary" : "secondary") + "," + (s.academy ? "academy" : "maintained");
            double pupils = 0;
            for (int g = 0; g < 12; ++g) {
                const bool taught = s.primary ? g < 7 : g >= 7;
                const int k = taught ? 10 + static_cast<int>(rng.below(60)) : 0;
                pupils += k;
                census += "," + std::to_string(k);
            }
            census += "," + std::to_string(s.share) + "\n";
            total += s.share + 3000 * pupils;
        }
        const double block = std::round(total * rng.uniform(1.0, 1.04));
        const double percent = std::round(rng.uniform(0, 0.006) * 1e6) / 1e6,
                     fixed = std::round(rng.uniform(0, 50000));
        write(dir.path / "census.csv", census);
        write(dir.path / "formula.json",
              R"({"name":"random","factors":{"share":{"kind":"actual","column":"share"},
              "basic":{"kind":"per_pupil","rate":{"primary":3000,"ks3":3000,"ks4":3000}}},
              "budget":{"schools_block":)" +
                  std::to_string(block) + R"(,"deductions":{"to_hn":{"percent":)" + std::to_string(percent) +
                  R"(,"to":"high_needs","forum_agreed":true},"growth":{"amount":)" + std::to_string(fixed) +
                  "}}}}");
        // Balances for some maintained schools; conversions in later years for others.
        std::string balances = "urn,closing_balance,committed\n", conversions = "urn,conversion_date,route\n";
        std::map<std::int64_t, int> converts;  // urn → year index
        std::map<std::int64_t, int> month_of;
        for (const School& s : schools) {
            if (s.academy) continue;
            if (rng.chance(0.5))
                balances += std::to_string(s.urn) + "," +
                            std::to_string(std::round(rng.uniform(-50000, 400000))) + "," +
                            std::to_string(std::round(rng.uniform(0, 50000))) + "\n";
            if (rng.chance(0.3)) {
                const int t = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(years - 1)));
                const int month = 1 + static_cast<int>(rng.below(12));
                const int y = 2025 + t + (month < 4 ? 1 : 0);
                char date[32];
                std::snprintf(date, sizeof date, "%04d-%02d-01", y, month);
                conversions += std::to_string(s.urn) + "," + date + ",converter\n";
                converts[s.urn] = t;
                month_of[s.urn] = month;
            }
        }
        write(dir.path / "balances.csv", balances);
        write(dir.path / "conversions.csv", conversions);
        const double central = std::round(rng.uniform(0, 1e6));
        const double reserve[4] = {std::round(rng.uniform(-1e5, 1e5)), 0, std::round(rng.uniform(-2e6, 0)),
                                   0};
        write(
            dir.path / "budget.json",
            R"({"name":"random","year":"2025-26","dsg":{"schools_block":)" + std::to_string(block) +
                R"(,"central_block":)" + std::to_string(central) +
                R"(},"schools":{"census":"census.csv","formula":"formula.json"},
              "central":{"ongoing":{"a":)" +
                std::to_string(std::round(central * 0.9)) + "}}" +
                (balances.find('\n') + 1 < balances.size()
                     ? R"(,"balances":{"file":"balances.csv","control":{"threshold":{"primary":0.08,"secondary":0.05}}})"
                     : "") +
                R"(,"reserve":{"schools":)" + std::to_string(reserve[0]) + R"(,"high_needs":)" +
                std::to_string(reserve[2]) + "}}");
        // Written with 6 decimals (std::to_string): drawn so.
        const double ratio = std::round(rng.uniform(0.95, 1.05) * 1e6) / 1e6,
                     sbpp = std::round(rng.uniform(-0.01, 0.03) * 1e6) / 1e6;
        std::string years_json;
        for (int t = 0; t < years; ++t) {
            char y[32];
            std::snprintf(y, sizeof y, "\"%04d-%02d\"", 2025 + t, (2026 + t) % 100);
            years_json += std::string(t ? "," : "") + y;
        }
        write(dir.path / "plan.json",
              R"({"name":"random","start":{"budget":"budget.json"},"years":[)" + years_json +
                  R"(],"projection":{"ratio":)" + std::to_string(ratio) +
                  R"(},"uprating":{"2026-27":{"schools_block_per_pupil":)" + std::to_string(sbpp) + "}}" +
                  (converts.empty() ? "" : R"(,"conversions":"conversions.csv")") + "}");
        PlanInputs in;
        in.plan = load_plan((dir.path / "plan.json").string());
        app::BudgetPlan bp;
        const std::vector<PlanYear> run = app::run_budget_plan(in, bp);
        REQUIRE(run.size() == static_cast<std::size_t>(years));

        for (int t = 0; t < years; ++t) {
            const PlanYear& y = run[static_cast<std::size_t>(t)];
            const Result& r = y.result;
            const LaBudget& b = *y.budget;
            INFO(y.year);
            // The schools block: the start's, then grown with the pupils (2026-27 by sbpp, later flat).
            if (t > 0) {
                const Result& prev = run[static_cast<std::size_t>(t - 1)].result;
                const double grown =
                    std::round(prev.formula->budget->schools_block * (1 + (t == 1 ? sbpp : 0)) *
                               r.census->nor.sum() / prev.census->nor.sum() * 100) /
                    100;
                CHECK(std::fabs(r.formula->budget->schools_block - grown) < 0.011);
            }
            // Plain clawback: the start year's balances only; available money the year after.
            long long claw = 0;
            if (t == 0)
                for (const BalanceOutcome& bo : b.balances) {
                    const auto e = static_cast<Eigen::Index>(bo.row.school);
                    if (r.census->status[bo.row.school] == Status::academy) continue;
                    const long long share = p(r.budget_share.amount[e]);
                    const long long unc = p(bo.row.closing_balance) - p(bo.row.committed);
                    const double th = r.census->phase[bo.row.school] == Phase::primary ? 0.08 : 0.05;
                    const long long excess =
                        std::max(0LL, unc - std::llround(th * static_cast<double>(share)));
                    claw += std::min(excess, std::max(0LL, p(bo.row.closing_balance)));
                }
            CHECK(std::llabs(p(b.balance_clawback) - claw) <= static_cast<long long>(b.balances.size()));
            if (t > 0) {
                const double claw_in = run[static_cast<std::size_t>(t - 1)].budget->balance_clawback;
                CHECK(p(y.clawback_in) == p(claw_in));
                const long long deductions =
                    std::llround(std::round(r.formula->budget->schools_block * percent * 100) + fixed * 100);
                CHECK(p(r.budget->available) ==
                      p(r.formula->budget->schools_block) - deductions + p(claw_in));
                clawbacks += claw_in > 0;
            }
            // Plain recoupment and spend: academies whole, a school converting this year split by months.
            long long recoup = 0, spend = 0;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const auto e = static_cast<Eigen::Index>(i);
                const long long share = p(r.budget_share.amount[e]);
                const auto c = converts.find(r.census->urn[i]);
                const bool converted_before = c != converts.end() && c->second < t;
                CHECK((r.census->status[i] == Status::academy) ==
                      (schools[static_cast<std::size_t>(r.census->urn[i] - 500000)].academy ||
                       converted_before));
                if (r.census->status[i] == Status::academy) {
                    recoup += share;
                } else if (c != converts.end() && c->second == t) {
                    const int m = month_of[c->first];
                    const int maintained = m >= 4 ? m - 4 : m + 8;
                    const long long la =
                        std::llround(std::round(r.budget_share.amount[e] * maintained / 12.0 * 100));
                    spend += la;
                    recoup += share - la;
                    ++conversions_checked;
                } else {
                    spend += share;
                }
            }
            spend += std::llround(fixed * 100);  // growth is kept in the block
            const long long out = std::llround(std::round(r.formula->budget->schools_block * percent * 100));
            const DsgRow& s = b.dsg.rows[0];
            CHECK(std::llabs(p(s.recoupment) - recoup) <= 1);
            CHECK(std::llabs(p(s.spend) - spend) <= 1);
            CHECK(p(s.transfers_out) == out);
            CHECK(p(b.dsg.rows[2].transfers_in) == out);
            // Every block: closing = opening + in_year; the total the sum; the chain from the year before.
            long long closing = 0;
            for (int k = 0; k < 4; ++k) {
                const DsgRow& d = b.dsg.rows[static_cast<std::size_t>(k)];
                CHECK(p(d.in_year) == p(d.allocation) + p(d.import_export) + p(d.transfers_in) -
                                          p(d.transfers_out) - p(d.deductions) - p(d.recoupment) -
                                          p(d.spend));
                CHECK(p(d.closing) == p(d.opening) + p(d.in_year));
                closing += p(d.closing);
                const long long opening =
                    t == 0
                        ? p(reserve[k])
                        : p(run[static_cast<std::size_t>(t - 1)]
                                .budget->dsg.rows[static_cast<std::size_t>(k)]
                                .closing) +
                              (k == 0 ? p(run[static_cast<std::size_t>(t - 1)].budget->balance_clawback) : 0);
                CHECK(p(d.opening) == opening);
            }
            CHECK(p(b.dsg.total.closing) == closing);
            // The central block flat in cash.
            CHECK(p(b.dsg.rows[1].allocation) == p(central));
            ++years_checked;
        }
    }
    CHECK(years_checked >= 60);
    CHECK(conversions_checked > 10);
    CHECK(clawbacks > 5);
}
