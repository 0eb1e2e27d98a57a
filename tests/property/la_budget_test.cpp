// docs/la-budget.md §7 invariants 1-4 on random LAs (random conversions, balances, transfers, central lines,
// suspended schools), each checked against a plain implementation kept here: whole pennies, calendar days
// from <chrono>, one loop per figure.
#include "engine/budget/la_budget.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>

#include "engine/budget/schools_block.hpp"
#include "engine/core/money.hpp"
#include "engine/synth/rng.hpp"
#include "tests/support.hpp"

namespace property_la_budget_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

long long p(double pounds) { return std::llround(pounds * 100.0); }

struct RandomLa {
    std::string census_csv, formula_json;
    BudgetFile file;
    std::vector<ConversionRow> conversions;
    std::vector<BalanceRow> balances;
};

RandomLa random_la(Rng& rng) {
    RandomLa la;
    const std::size_t n = 3 + rng.below(40);
    la.census_csv = "urn,phase,status,nor_primary,nor_ks3,nor_ks4,share,delegation_suspended\n";
    double total = 0;
    std::vector<bool> academy(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool primary = rng.chance(0.7);
        academy[i] = rng.chance(0.35);
        const double share = std::round(rng.uniform(300000, 6000000) * 100) / 100;
        total += share;
        const int pupils = 50 + static_cast<int>(rng.below(900));
        la.census_csv += std::to_string(1000 + i) + "," + (primary ? "primary" : "secondary") + "," +
                         (academy[i] ? "academy" : "maintained") + "," +
                         (primary ? std::to_string(pupils) : "0") + "," +
                         (primary ? "0" : std::to_string(pupils / 2)) + "," +
                         (primary ? "0" : std::to_string(pupils - pupils / 2)) + "," + std::to_string(share) +
                         "," + (rng.chance(0.1) ? "1" : "0") + "\n";
    }
    // Deductions: random destinations and sizes, some above 0.5%, some not forum agreed.
    static const char* kTo[] = {"schools", "high_needs", "early_years", "central"};
    std::string ded;
    const std::size_t nd = rng.below(4);
    double block = std::round((total * rng.uniform(1.001, 1.05)) * 100) / 100;
    for (std::size_t d = 0; d < nd; ++d) {
        ded += std::string(d ? "," : "") + "\"d" + std::to_string(d) + "\":{" +
               (rng.chance(0.5) ? "\"percent\":" + std::to_string(rng.uniform(0, 0.004))
                                : "\"amount\":" + std::to_string(std::round(rng.uniform(0, 40000)))) +
               ",\"to\":\"" + kTo[rng.below(4)] +
               "\",\"forum_agreed\":" + (rng.chance(0.7) ? "true" : "false") + "}";
    }
    la.formula_json =
        R"({"name":"random","factors":{"share":{"kind":"actual","column":"share"}},
        "de_delegation":{"a":{"kind":"per_pupil","rate":{"primary":)" +
        std::to_string(rng.uniform(0, 30)) +
        R"(,"ks3":12.5,"ks4":7}},"b":{"kind":"lump_sum","rate":{"primary":1500,"secondary":2500}}},
        "budget":{"schools_block":)" +
        std::to_string(block) + R"(,"deductions":{)" + ded + "}}}";
    BudgetFile& f = la.file;
    f.file = "budget.json";
    f.first_year = 2023 + static_cast<int>(rng.below(4));  // 2023-24 holds 29 February 2024
    f.allocation[0] = block;
    for (int k = 1; k < 4; ++k) f.allocation[k] = std::round(rng.uniform(0, 5e6) * 100) / 100;
    for (int k = 0; k < 4; ++k) f.reserve[k] = std::round(rng.uniform(-3e6, 1e6) * 100) / 100;
    for (std::size_t k = rng.below(4); k > 0; --k)
        f.central_ongoing.push_back({"o" + std::to_string(k), std::round(rng.uniform(0, 1e6) * 100) / 100});
    for (std::size_t k = rng.below(3); k > 0; --k)
        f.central_historic.push_back({"h" + std::to_string(k), std::round(rng.uniform(0, 5e5) * 100) / 100});
    f.proration_days = rng.chance(0.5);
    f.conversions = "conversions.csv";
    f.balances = "balances.csv";
    f.control.threshold = {{"primary", 0.08}, {"secondary", 0.05}};
    f.control.min_threshold = rng.chance(0.5) ? 10000 : 0;
    f.control.min_retained = rng.chance(0.5) ? 20000 : 0;
    if (rng.chance(0.5)) f.control.clawback_rate = {0, 0.5, 1.0};
    for (std::size_t i = 0; i < n; ++i) {
        if (!academy[i] && rng.chance(0.3)) {
            ConversionRow c;
            c.school = i;
            const int month = 1 + static_cast<int>(rng.below(12));
            const int year = month >= 4 ? f.first_year : f.first_year + 1;
            const int day = f.proration_days ? 1 + static_cast<int>(rng.below(28)) : 1;
            c.date = year * 10000 + month * 100 + day;
            c.route = rng.chance(0.5) ? Route::converter : Route::sponsored;
            c.has_balance = rng.chance(0.7);
            c.balance = std::round(rng.uniform(-50000, 150000));
            la.conversions.push_back(c);
        }
        if (rng.chance(0.6)) {
            BalanceRow b;
            b.school = i;
            b.closing_balance = std::round(rng.uniform(-200000, 600000) * 100) / 100;
            b.committed = std::round(rng.uniform(0, 100000));
            b.exempt = rng.chance(0.3) ? std::round(rng.uniform(0, 20000)) : 0;
            b.excess_years = static_cast<int>(rng.below(4));
            la.balances.push_back(b);
        }
    }
    return la;
}

// Plain share_open: calendar days by <chrono>, months by counting.
double plain_maintained(std::int32_t date, int first_year, bool days) {
    using namespace std::chrono;
    const int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (!days) {
        int maintained = 0;
        for (int mm = 4, yy = first_year; !(mm == m && yy == y);
             mm = mm == 12 ? 1 : mm + 1, yy = mm == 1 ? yy + 1 : yy)
            ++maintained;
        return maintained / 12.0;
    }
    const sys_days start = year_month_day{year{first_year}, month{4}, day{1}};
    const sys_days end = year_month_day{year{first_year + 1}, month{4}, day{1}};
    const sys_days conv =
        year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    return static_cast<double>((conv - start).count()) / static_cast<double>((end - start).count());
}

}  // namespace

TEST_CASE("la-budget §7 invariants 1-4 on random LAs against a plain implementation", "[property][budget]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        Rng rng(seed);
        RandomLa la = random_la(rng);
        INFO("seed " << seed);
        Census census = census_from_csv_text(la.census_csv, "census.csv");
        prepare_budget_census(census);
        const Formula f = test::formula_from(la.formula_json);
        Census prepared = census;
        prepare_census(prepared, f);
        const Result r = calculate(std::make_shared<const Census>(std::move(prepared)), f);
        BlockFigures hn = allocation_only(block_inputs(la.file, r, 2));
        BlockFigures ey = allocation_only(block_inputs(la.file, r, 3));
        const LaBudget b = compute_la_budget(la.file, r, la.conversions, la.balances, hn, ey);
        const Census& c = *r.census;

        // Plain conversions (invariant 3).
        std::map<std::size_t, long long> la_part;
        long long recoup = 0;
        REQUIRE(b.conversions.size() == la.conversions.size());
        for (std::size_t k = 0; k < la.conversions.size(); ++k) {
            const auto& cv = la.conversions[k];
            const double bs = r.budget_share.amount[static_cast<Eigen::Index>(cv.school)];
            const double keep = plain_maintained(cv.date, la.file.first_year, la.file.proration_days);
            const long long lp = p(round_penny(bs * keep));
            CHECK(p(b.conversions[k].la_part) == lp);
            CHECK(p(b.conversions[k].la_part) + p(b.conversions[k].academy_part) == p(bs));
            la_part[cv.school] = lp;
            recoup += p(bs) - lp;
        }
        for (std::size_t i = 0; i < c.size; ++i)
            if (c.status[i] == Status::academy)
                recoup += p(r.budget_share.amount[static_cast<Eigen::Index>(i)]);
        CHECK(p(b.recoupment.total) == recoup);

        // Plain transfers (invariant 2): out of schools = into the others.
        long long out = 0, in = 0, kept = 0;
        for (std::size_t d = 0; d < f.budget->deductions.size(); ++d) {
            const long long v = p(r.budget->deductions[d].second);
            if (f.budget->deductions[d].to == "schools")
                kept += v;
            else
                out += v;
        }
        for (int k = 1; k < 4; ++k) in += p(b.dsg.rows[static_cast<std::size_t>(k)].transfers_in);
        CHECK(p(b.dsg.rows[0].transfers_out) == out);
        CHECK(in == out);
        CHECK(p(b.dsg.total.transfers_out) == p(b.dsg.total.transfers_in));

        // Invariant 1: each block closes at opening + in year, by the §3 formula; the total is the sum.
        long long tot_close = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const DsgRow& row = b.dsg.rows[k];
            const long long in_year = p(row.allocation) + p(row.import_export) + p(row.transfers_in) -
                                      p(row.transfers_out) - p(row.deductions) - p(row.recoupment) -
                                      p(row.spend);
            CHECK(p(row.in_year) == in_year);
            CHECK(p(row.closing) == p(la.file.reserve[k]) + in_year);
            tot_close += p(row.closing);
        }
        CHECK(p(b.dsg.total.closing) == tot_close);

        // Invariant 4: every s251 line is the sum of the school- or line-level figures it names.
        long long isb[2] = {0, 0}, dd[2] = {0, 0}, central = 0;
        const auto& susp = c.cached("delegation_suspended");
        for (std::size_t i = 0; i < c.size; ++i) {
            if (c.status[i] != Status::maintained) continue;
            const auto e = static_cast<Eigen::Index>(i);
            const bool conv = la_part.count(i) > 0;
            long long share = conv ? la_part[i] : p(r.budget_share.amount[e]);
            for (int k = 0; k < 2; ++k) {
                const double item = r.after_share.de_delegation[static_cast<std::size_t>(k)][e];
                long long v = p(item);
                if (conv) {
                    const auto& cv = *std::find_if(la.conversions.begin(), la.conversions.end(),
                                                   [&](const ConversionRow& x) { return x.school == i; });
                    v = p(round_penny(item *
                                      plain_maintained(cv.date, la.file.first_year, la.file.proration_days)));
                }
                dd[k] += v;
                share -= v;
            }
            isb[susp[e] == 1 ? 1 : 0] += share;
        }
        for (const auto& l : la.file.central_ongoing) central += p(l.amount);
        for (const auto& l : la.file.central_historic) central += p(l.amount);
        std::map<std::string, long long> got;
        for (const auto& l : b.s251.lines) got[l.block + "/" + l.id] = p(l.amount);
        CHECK(got["schools/isb_delegated"] == isb[0]);
        CHECK(got["schools/isb_suspended"] == isb[1]);
        CHECK(got["schools/de_delegated/a"] == dd[0]);
        CHECK(got["schools/de_delegated/b"] == dd[1]);
        CHECK(got["schools/total"] == isb[0] + isb[1] + dd[0] + dd[1] + kept);
        CHECK(got["schools/recoupment"] == recoup);
        CHECK(got["central/total"] == central);
        CHECK(got["total/total"] == isb[0] + isb[1] + dd[0] + dd[1] + kept + central);
        // The schools block: spend + recoupment = Σ budget shares + kept deductions (§3).
        long long shares = 0;
        for (std::size_t i = 0; i < c.size; ++i)
            shares += p(r.budget_share.amount[static_cast<Eigen::Index>(i)]);
        CHECK(p(b.dsg.rows[0].spend) + p(b.dsg.rows[0].recoupment) == shares + kept);

        // Balance control, plainly: academies never clawed back; the total is the sum.
        long long claw = 0;
        for (const auto& bo : b.balances) {
            if (c.status[bo.row.school] == Status::academy) CHECK(bo.clawback == 0.0);
            CHECK(bo.clawback <=
                  std::max(0.0, bo.row.closing_balance - la.file.control.min_retained) + 0.005);
            CHECK(bo.clawback >= 0.0);
            claw += p(bo.clawback);
        }
        CHECK(p(b.balance_clawback) == claw);
    }
}

}  // namespace property_la_budget_test
