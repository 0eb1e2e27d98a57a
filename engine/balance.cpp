// Affordability (funding-model §5): available = schools block − deductions; the named lever (scaling,
// cap or a factor multiplier) is solved by bisection on the total of the reported budget shares, which
// is monotone in each lever, so that total ≤ available with the least headroom.
#include <cmath>
#include <cstdio>

#include "calculate.hpp"
#include "error.hpp"
#include "money.hpp"
#include "protections.hpp"

namespace fundsim {

namespace {

std::string pounds(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "£%.2f", v);
    return b;
}

[[noreturn]] void unaffordable(const Result& r, const std::string& lever, const std::string& limit, double total,
                               double available) {
    Where w;
    w.file = r.formula.file;
    w.json_path = "/budget/solve_for";
    throw InputError(w, "the budget cannot be balanced by " + lever + ": at the lever's limit (" + limit +
                            ") the schools' total " + pounds(total) + " exceeds the available " + pounds(available) +
                            " by " + pounds(total - available));
}

// Bisection on a monotone step function: returns the boundary point where `ok` switches, to the
// resolution of doubles. `ok(good)` holds and `ok(bad)` does not.
template <class F>
double bisect(double good, double bad, F ok) {
    for (int i = 0; i < 2000; ++i) {
        double mid = good + (bad - good) / 2;
        if (mid == good || mid == bad) break;
        if (ok(mid)) good = mid;
        else bad = mid;
    }
    return good;
}

}  // namespace

double available_budget(const Budget& b, std::vector<std::pair<std::string, double>>* lines) {
    double total = 0;
    for (const auto& d : b.deductions) {
        double v = round_penny(d.is_percent ? d.value * b.schools_block : d.value);
        if (lines) lines->emplace_back(d.id, v);
        total += v;
    }
    return round_penny(b.schools_block - total);
}

void balance(Result& r) {
    if (!r.formula.budget) return;
    const Budget& b = *r.formula.budget;
    BudgetOutcome out;
    out.schools_block = b.schools_block;
    out.available = available_budget(b, &out.deductions);
    out.lever = b.solve_for;
    const double available = out.available;
    auto total = [&]() { return r.budget_share.sum(); };
    const double cap0 = r.formula.capping.cap, s0 = r.formula.capping.scaling;

    switch (b.solve_for) {
        case Lever::none: break;
        case Lever::scaling: {
            // The capping step alone depends on s: re-run only it.
            auto ok = [&](double s) {
                apply_capping(r, cap0, s);
                apply_budget_share(r);
                return total() <= available;
            };
            if (ok(0.0)) {
                out.lever_value = 0.0;
            } else if (!ok(1.0)) {
                unaffordable(r, "scaling", "scaling 1, a hard cap at " + std::to_string(cap0), total(), available);
            } else {
                out.lever_value = bisect(1.0, 0.0, ok);
            }
            ok(out.lever_value);
            break;
        }
        case Lever::cap: {
            if (s0 <= 0) {
                Where w;
                w.file = r.formula.file;
                w.json_path = "/capping/scaling";
                throw InputError(w, "is 0, so no cap can change the total: solving for the cap needs a scaling above 0");
            }
            const double lo = r.formula.mfg ? r.formula.mfg->percent : 0.0;
            double hi = lo;
            for (std::size_t i = 0; i < r.size(); ++i)
                if (r.census->has_baseline[static_cast<Eigen::Index>(i)] > 0) hi = std::max(hi, r.mfg_change[static_cast<Eigen::Index>(i)]);
            hi += 1e-9;
            auto ok = [&](double c) {
                apply_capping(r, c, s0);
                apply_budget_share(r);
                return total() <= available;
            };
            if (!ok(lo)) {
                char lim[64];
                std::snprintf(lim, sizeof lim, "a cap of %.6f, the MFG percent", lo);
                unaffordable(r, "the cap", lim, total(), available);
            }
            if (ok(hi)) {
                out.lever_value = hi;
                out.lever_at_limit = true;
            } else {
                out.lever_value = bisect(lo, hi, ok);
            }
            ok(out.lever_value);
            break;
        }
        case Lever::factor_multiplier: {
            auto ok = [&](double k) {
                set_multiplier(r, k);
                protect(r, cap0, s0);
                return total() <= available;
            };
            if (!ok(0.0)) unaffordable(r, "a factor multiplier", "multiplier 0", total(), available);
            double good = 0.0, bad = 1.0;
            while (ok(bad)) {
                good = bad;
                bad *= 2;
                if (bad > 1e6) break;
            }
            if (ok(bad)) {
                out.lever_value = bad;
                out.lever_at_limit = true;
            } else {
                out.lever_value = bisect(good, bad, ok);
            }
            ok(out.lever_value);
            break;
        }
    }
    out.total = total();
    out.headroom = round_penny(available - out.total);
    r.budget = out;
}

}  // namespace fundsim
