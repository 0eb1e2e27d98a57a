// A plan's written outputs read back: DIR/plan.csv and each year's allocations.csv, school by school and
// year by year, for the statements with a column per year (`fundsim statements --plan`,
// docs/multi-year.md §3). The figures are the plan's own, so statements and plan.csv always agree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/census/census.hpp"

namespace fundsim {

// One school in one year of the plan.
struct PlanSchoolYear {
    bool present = false;  // the school has a row in this year
    Phase phase = Phase::primary;
    Status status = Status::maintained;
    std::string flags;  // as plan.csv gives them ("mfg;capped")
    std::map<std::string, double>
        value;  // by column id (plan.csv's and allocations.csv's); blank cells absent
};

struct PlanSchool {
    std::int64_t urn = 0;
    std::string name;                   // as in the latest year the school appears in
    std::vector<PlanSchoolYear> years;  // one per PlanFolder::years
};

// The lines of allocations.csv a statement lists, by where they sit in the journey (docs/interfaces.md §6).
struct PlanLineIds {
    std::vector<std::string> factors;        // the formula's factors, before formula_total
    std::vector<std::string> de_delegation;  // after budget_share_per_pupil, before delegated_budget
    std::vector<std::string> grants;         // after delegated_budget, before notional_sen
};

struct PlanFolder {
    std::string dir;
    std::vector<std::string> years;   // in the plan's order
    PlanLineIds ids;                  // every year's, in first-seen order
    std::vector<PlanSchool> schools;  // in URN order
};

// Reads the folder `fundsim plan` wrote for one plan. Refuses, naming the file (and line, column and value),
// a folder without plan.csv (one holding several plans names them), a year without its allocations.csv
// (DIR/<year>/allocations.csv, or DIR/<year>/schools/allocations.csv when the plan started from a budget),
// and any cell that is not what the plan writes.
PlanFolder read_plan_folder(const std::string& dir);

}  // namespace fundsim
