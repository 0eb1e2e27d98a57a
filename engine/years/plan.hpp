// A multi-year plan run year by year (docs/multi-year.md): the first year is the start's run; each later
// year's census is projected from the year before's census and result, its formula given or uprated, its
// schools block grown with its pupils, and its MFG baseline chained from the year before's budget shares.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

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
};

struct PlanInputs {
    PlanFile plan;
    Census start_census;
    Formula start_formula;
    std::map<std::string, Formula> formulas;  // the years the plan names a formula or scenario for
    // Where each year's projected census is said to be, in messages about it ("out/2026-27/census.csv").
    std::map<std::string, std::string> census_names;
};

// Runs every year in order; a year's error carries the context "in year 2026-27 of the plan".
std::vector<PlanYear> run_plan(PlanInputs in);

}  // namespace fundsim
