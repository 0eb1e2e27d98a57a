// The demo's budget inputs (engine/synth/synth_budget.hpp). The figures are illustrative, sized from the
// census: the CSSB's ongoing rate £43.41 per pupil is one LA's 2025-26 rate (wave-2 rules §3.1); the high
// needs and early years allocations, when the caller does not set them from the blocks' inputs, are the demo
// LA's proportions of its schools block (la-budget §1's example: £238m and £121m beside £1,317m). None is a
// real LA's allocation.
#include "engine/synth/synth_budget.hpp"

#include <cmath>
#include <cstdio>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/synth/rng.hpp"

namespace fundsim {

namespace {

// A school's size for its balance: last year's budget, or £5,000 a pupil for a school without one (new).
double size_of(const Census& c, std::size_t i) {
    const double prior = c.prior_year_budget[static_cast<Eigen::Index>(i)];
    return std::isnan(prior) ? 5000.0 * c.nor[static_cast<Eigen::Index>(i)] : prior;
}

std::string money_text(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.2f", round_penny(v));
    return b;
}

// "2025-26" → 2025; otherwise 2025 (the demo's year).
int first_year_of(const std::string& year) {
    if (year.size() == 7 && year[4] == '-') {
        int y = 0;
        for (int k = 0; k < 4; ++k) {
            if (year[static_cast<std::size_t>(k)] < '0' || year[static_cast<std::size_t>(k)] > '9')
                return 2025;
            y = y * 10 + (year[static_cast<std::size_t>(k)] - '0');
        }
        return y;
    }
    return 2025;
}

}  // namespace

SynthBudgetFiles synth_budget_files(const Census& c, const Formula& formula, const SynthBudgetOptions& opt) {
    if (!c.has_prior_year_budget)
        fail("synth --budget: the census has no prior_year_budget column to size schools by");
    Rng rng(opt.seed * 7919 + 17);
    SynthBudgetFiles out;
    const int fy = first_year_of(formula.year);
    double total_share = 0, pupils = 0;
    for (std::size_t i = 0; i < c.size; ++i) {
        const auto e = static_cast<Eigen::Index>(i);
        total_share += size_of(c, i);
        pupils += c.nor[e];
    }
    // Conversions: up to four maintained schools, both routes, by months (the 1st of a month).
    static const int kMonths[4] = {9, 1, 11, 3};
    out.conversions_csv = "urn,conversion_date,route,balance\n";
    std::vector<bool> converting(c.size, false);
    int made = 0;
    for (std::size_t tries = 0; made < 4 && tries < c.size * 4; ++tries) {
        const std::size_t i = rng.below(c.size);
        if (c.status[i] != Status::maintained || converting[i]) continue;
        converting[i] = true;
        const int m = kMonths[made];
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-01", m >= 4 ? fy : fy + 1, m);
        const double balance = std::round(size_of(c, i) * rng.uniform(-0.03, 0.08));
        out.conversions_csv += std::to_string(c.urn[i]) + "," + date + "," +
                               (made % 2 ? "sponsored" : "converter") + "," + money_text(balance) + "\n";
        ++made;
    }
    // Balances of the maintained schools: most in surplus (about 6% of the budget, some far above), a few
    // in deficit; committed sums on about a third.
    out.balances_csv = "urn,closing_balance,committed,exempt,excess_years\n";
    for (std::size_t i = 0; i < c.size; ++i) {
        if (c.status[i] != Status::maintained) continue;
        const double share = size_of(c, i);
        const double frac =
            rng.chance(0.08) ? rng.uniform(-0.09, -0.005) : std::max(0.0, 0.06 + 0.05 * rng.normal());
        const double balance = std::round(share * frac);
        const double committed =
            balance > 0 && rng.chance(0.35) ? std::round(balance * rng.uniform(0.1, 0.6)) : 0;
        const double exempt =
            balance > 0 && rng.chance(0.1) ? std::round(std::min(balance - committed, 15000.0)) : 0;
        out.balances_csv += std::to_string(c.urn[i]) + "," + money_text(balance) + "," +
                            money_text(committed) + "," + money_text(exempt) + "," +
                            std::to_string(rng.below(3)) + "\n";
    }
    // The schools block: the formula's own when it has a budget; else the schools' prior budgets and 0.5%.
    const double schools_block =
        formula.budget ? formula.budget->schools_block : std::round(total_share * 1.005 / 1000.0) * 1000.0;
    Json changes = opt.base_changes;
    Json transfer = {{"percent", 0.005}, {"to", "high_needs"}, {"forum_agreed", true}};
    if (!formula.budget) changes["budget"] = {{"schools_block", schools_block}};
    changes["budget"]["deductions"]["high_needs_transfer"] = transfer;
    Json scenario = {{"name", (formula.name.empty() ? std::string("Schools formula") : formula.name) +
                                  ", with the 0.5% transfer to high needs agreed by the Forum"},
                     {"base", opt.base_formula_path},
                     {"note", "Written by fundsim synth --budget for the demo LA's budget."},
                     {"changes", changes}};
    out.schools_scenario_json = scenario.dump(2) + "\n";
    // The CSSB: ongoing at £43.41 per pupil split over three lines, historic commitments £400,000.
    const double ongoing = round_penny(43.41 * pupils);
    const double admissions = round_penny(ongoing * 0.55), forum = round_penny(ongoing * 0.05);
    const double licences = round_penny(ongoing - admissions - forum);
    const double historic = 400000;
    const double high_needs =
        opt.high_needs ? opt.high_needs->allocation : std::round(schools_block * 0.18 / 1000.0) * 1000.0;
    const double early_years =
        opt.early_years ? opt.early_years->allocation : std::round(schools_block * 0.092 / 1000.0) * 1000.0;
    Json budget = {
        {"name", "Synthetic LA Schools Budget " + std::to_string(fy) + "-" + std::to_string((fy + 1) % 100)},
        {"year",
         std::to_string(fy) + "-" + std::to_string((fy + 1) % 100 / 10) + std::to_string((fy + 1) % 10)},
        {"source",
         "fundsim synth --budget: illustrative allocations sized from the synthetic census, not a real LA's"},
        {"dsg",
         {{"schools_block", schools_block},
          {"central_block", round_penny(ongoing + historic)},
          {"high_needs_block", high_needs},
          {"early_years_block", early_years}}},
        {"schools", {{"census", opt.census_path}, {"scenario", "schools-scenario.json"}}},
        {"central",
         {{"ongoing",
           {{"admissions", admissions}, {"schools_forum", forum}, {"copyright_licences", licences}}},
          {"historic", {{"prudential_borrowing", historic}}}}},
        {"conversions", "conversions.csv"},
        {"balances",
         {{"file", "balances.csv"},
          {"control",
           {{"threshold", {{"primary", 0.08}, {"secondary", 0.05}, {"middle", 0.08}, {"all_through", 0.05}}},
            {"clawback_rate", {0, 0.5, 1.0}},
            {"min_retained", 20000}}}}},
        {"reserve",
         {{"schools", 0},
          {"central", 0},
          {"high_needs", -std::round(high_needs * 0.05 / 1000.0) * 1000.0},
          {"early_years", std::round(early_years * 0.0025 / 1000.0) * 1000.0}}}};
    for (const auto& [key, block] :
         {std::pair{"high_needs", &opt.high_needs}, {"early_years", &opt.early_years}}) {
        if (!*block) continue;
        Json inputs = {{"formula", (*block)->formula_path}};
        for (const auto& [k, file] : (*block)->files) inputs[k] = file;
        budget[key] = inputs;
    }
    out.budget_json = budget.dump(2) + "\n";
    return out;
}

}  // namespace fundsim
