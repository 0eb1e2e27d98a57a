// The calculation pipeline: evaluate factors → MPPL → MFG → capping → budget share → balance to the
// money available → de-delegation, grants, notional SEN. Loading and writing happen elsewhere.
#pragma once

#include <string>
#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

// Runs the whole calculation. The census must have been prepared for the formula (prepare_census).
// Throws InputError when the budget cannot be balanced (stating the shortfall and the lever's limit).
Result calculate(const Census& census, const Formula& formula);

// Steps, for the solver and for tests.
void set_multiplier(Result& r, double k);       // factor_raw from factor_base with the lever k
void protect(Result& r, double cap, double scaling);  // MPPL, MFG, capping, budget share
double available_budget(const Budget& b, std::vector<std::pair<std::string, double>>* lines = nullptr);
void balance(Result& r);                          // solves budget.solve_for, sets r.budget
double sum_pennies(const Eigen::ArrayXd& a);     // exact Σ of penny amounts
void after_budget_share(Result& r);              // de-delegation, grants, notional SEN

// funding-model §8: the invariants every run must satisfy. Returns one line per failure (empty = all hold).
std::vector<std::string> check_invariants(const Result& r);

// The self-check every command makes before it writes: throws InputError (exit 1) listing each failure
// of check_invariants() with its figures, the message starting "WHAT: " when `what` is given.
void require_invariants(const Result& r, const std::string& what = "");

}  // namespace fundsim
