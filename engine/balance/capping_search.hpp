// The search of the scaling and the cap levers (docs/funding-model.md §5): only the capping step moves
// with them, so the total of the budget shares at a lever value is the fixed lines before capping less
// each school's deduction at that value. Worked out from a result's lines before capping and its lever,
// never from the money available, so that a recalculation changing only the budget searches again from it.
#pragma once

#include <vector>

#include "engine/run/result.hpp"

namespace fundsim {

// Lever values with the totals of the budget shares there: the total at `good` is within the money, the
// total at `bad` is not (or, as limits(), the lever's two ends).
struct Bracket {
    double good, bad, total_good, total_bad;
};

class CappingSearch {
  public:
    // For the lever of r's formula (scaling or cap; Lever::scaling otherwise), on r's lines up to the MFG
    // and r's capping limits. The cap lever needs a scaling above 0 (the caller refuses one of 0).
    explicit CappingSearch(const Result& r);

    Lever lever() const { return lever_; }
    // The lever value x as the capping step reads it: (cap, scaling).
    double cap_at(double x) const { return lever_ == Lever::cap ? x : cap0_; }
    double scaling_at(double x) const { return lever_ == Lever::cap ? s0_ : x; }
    // The lever's ends: `good` where it deducts the most (scaling 1, or the cap at the MFG percent),
    // `bad` where it deducts the least (scaling 0, or a cap above every school's gain).
    const Bracket& limits() const { return limits_; }
    // The total at lever value x, every school's lines rounded as apply_capping and apply_budget_share
    // round them and summed in exact pennies; infinite where an amount leaves exact pennies (as
    // sum_pennies makes it).
    double total_at(double x) const;
    // The pair of neighbouring doubles where the total switches from at most `available` to above it, with
    // the exact totals there. limits() must bracket it: total_good ≤ available < total_bad.
    Bracket boundary(double available) const;

  private:
    struct Mover {  // what a school's deduction is computed from, for the schools whose deduction moves
        double cappable, change, pp0, nor, limit;
    };
    // The schools whose pennies may differ between a bracket's ends, their pennies at each end, and the
    // exact pennies of the rest of the total.
    struct Open {
        std::vector<Mover> movers;
        std::vector<double> at_good, at_bad;
        long long base = 0;
        bool exact = false;  // false: the pennies left what a double sums exactly (search over all)
    };
    bool pennies_at(const std::vector<Mover>& movers, double x, std::vector<double>& p) const;
    // The total at x without rounding any deduction, and a bracket narrowed on it (capping_search.cpp).
    double unrounded_total(double x) const;
    Bracket near(double available) const;
    static bool fold(Open& o);

    Lever lever_ = Lever::scaling;
    double cap0_ = 0, s0_ = 0;
    bool fixed_ok_ = true;
    long long fixed_pence_ = 0;  // the lines before capping, less the deductions that cannot move
    std::vector<Mover> moving_;  // every school whose deduction moves with the lever
    Bracket limits_{};
    Open at_limits_;  // the open schools between the two limits
};

}  // namespace fundsim
