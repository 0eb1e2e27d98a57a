// The plan of the golden case tests/cases/plan_cohort_chain (four years, hand-worked in its README), run
// in the engine: the plan tests check its years against each other and against what the plan wrote.
#pragma once

#include <vector>

#include "engine/years/plan.hpp"
#include "engine/years/plan_file.hpp"
#include "tests/support.hpp"

namespace fundsim::test {

inline std::vector<PlanYear> run_cohort_chain_plan() {
    const std::string dir = source_dir() + "/tests/cases/plan_cohort_chain/";
    PlanInputs in;
    in.plan = load_plan(dir + "plan.json");
    in.start_census = load_census(in.plan.census);
    in.start_formula = load_formula_or_scenario(in.plan.formula);
    return run_plan(in);
}

}  // namespace fundsim::test
