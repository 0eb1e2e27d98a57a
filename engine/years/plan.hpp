// A multi-year plan run year by year (docs/multi-year.md): the first year is the start's run; each later
// year's census is projected from the year before's census and result, its formula given or uprated, its
// schools block grown with its pupils, and its MFG baseline chained from the year before's budget shares.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/budget/la_budget.hpp"
#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/run/result.hpp"
#include "engine/years/plan_file.hpp"

namespace fundsim {

struct PlanYear {
    std::string year;
    Result result;                 // the year's run, self-checked; it owns its census and formula
    std::string census_csv;        // the projected census as written (empty for the first year: the start's)
    bool formula_uprated = false;  // made from the year before's by the plan's uprating
    std::vector<std::int64_t> closed, opened;  // schools whose last pupils left / that open this year
    // A plan started from a budget file: the year's whole budget (its DSG blocks), and the balances clawed
    // back the year before that this year's schools block had to spend (docs/multi-year.md §1, §5).
    std::shared_ptr<const LaBudget> budget;
    double clawback_in = 0;
};

// How a year's census and formula are run: by default the schools block alone (calculate_checked); a plan
// started from a budget file runs each year's budget (app/plan_budget). `t` is the year's place in the plan.
using RunYear = std::function<Result(std::size_t t, Census census, const Formula& formula)>;

struct PlanInputs {
    PlanFile plan;
    Census start_census;
    Formula start_formula;
    std::map<std::string, Formula> formulas;  // the years the plan names a formula or scenario for
    // Where each year's projected census is said to be, in messages about it ("out/2026-27/census.csv").
    std::map<std::string, std::string> census_names;
    RunYear run_year;  // empty: the schools block alone
    // year → the schools that are academies from its start (converted in an earlier year of the plan).
    std::map<std::string, std::set<std::int64_t>> academies_from;
};

// The schools block of the year after (docs/multi-year.md §1): last year's × (1 + the per-pupil change)
// × the change in pupils, to the penny.
double grown_schools_block(double block, double per_pupil_change, double pupils_next, double pupils_now);

// Runs every year in order; a year's error carries the context "in year 2026-27 of the plan".
std::vector<PlanYear> run_plan(PlanInputs in);

}  // namespace fundsim
