// The early years block in order (docs/early-years.md §2): solve, pay, check the cap, test the pass-through.
#include "engine/early_years/early_years.hpp"

#include "engine/core/error.hpp"
#include "engine/early_years/solve_base_rate.hpp"

namespace fundsim {

namespace {

std::int64_t pennies(double pounds) { return whole_pennies(pounds); }

}  // namespace

std::int64_t ey_entitlement_allocation(const EyFormula& formula) {
    std::int64_t total = 0;
    for (double a : formula.allocation) total += pennies(a);
    return total;
}

std::int64_t ey_block_allocation(const EyFormula& formula) {
    return ey_entitlement_allocation(formula) +
           (formula.allocation_eypp ? pennies(*formula.allocation_eypp) : 0) +
           (formula.allocation_daf ? pennies(*formula.allocation_daf) : 0);
}

std::int64_t EyResult::block_allocation() const { return ey_block_allocation(formula); }

std::int64_t EyResult::group_payments(EyGroup g) const {
    const std::size_t k = index_of(g);
    std::int64_t t = totals.base[k];
    for (const auto& s : totals.supplement) t += s[k];
    if (g == EyGroup::three_four) t += totals.nursery_school_supp;
    return t;
}

std::vector<EyS251Line> EyResult::s251_lines() const {
    std::vector<EyS251Line> out = {
        {"payments_u2", "Payments to providers: under-2s", group_payments(EyGroup::u2)},
        {"payments_two", "Payments to providers: 2-year-olds", group_payments(EyGroup::two)},
        {"payments_three_four", "Payments to providers: 3- and 4-year-olds",
         group_payments(EyGroup::three_four)},
        {"eypp", "Early years pupil premium", totals.eypp},
        {"daf", "Disability access fund", totals.daf}};
    for (const EyCentralLine& c : formula.central)
        out.push_back({"central_" + c.id, "Central: " + c.id, pennies(c.amount)});
    return out;
}

EyResult calculate_early_years(const EyFormula& formula, const EyProviders& providers, const EyHours& hours) {
    EyResult r;
    r.formula = formula;
    r.providers = providers;
    r.allocation = ey_entitlement_allocation(formula);
    for (const EyCentralLine& c : formula.central) {
        r.central += pennies(c.amount);
        if (c.counts_as_passed) r.central_passed += pennies(c.amount);
    }
    r.three_four_rate = formula.base_rate[index_of(EyGroup::three_four)];
    const std::size_t g34 = index_of(EyGroup::three_four);
    if (formula.solve_base_rate) {
        // Every line but the three_four base is independent of the rate: paid once at rate 0, they are the
        // fixed part of the balance; the solver then adds base_line(rate, hours) per provider and term.
        const std::vector<EyPayment> at_zero = termly_payments(formula, providers, hours, 0.0);
        std::vector<double> h34;
        h34.reserve(at_zero.size());
        std::int64_t fixed = r.central;
        for (const EyPayment& p : at_zero) {
            fixed += p.entitlement_total();
            if (p.hours[g34] > 0) h34.push_back(p.hours[g34]);
        }
        r.solved_tenths = solve_three_four_rate(h34, fixed, r.allocation, formula.file);
        r.three_four_rate = static_cast<double>(*r.solved_tenths) / 1000.0;
    }
    r.terms = termly_payments(formula, providers, hours, r.three_four_rate);
    r.providers_year = provider_years(r.terms, providers, formula.supplements.size());
    r.totals.supplement.assign(formula.supplements.size(), {});
    for (const EyPayment& p : r.providers_year) r.totals.add(p);

    std::int64_t supp34 = 0;
    for (const auto& s : r.totals.supplement) supp34 += s[g34];
    r.supplement_share = supplement_share(r.totals.base[g34], supp34, formula.supplement_cap);
    check_supplement_cap(r.supplement_share, formula.file);

    r.balance_spend = r.totals.entitlement_total() + r.central;
    r.headroom = r.allocation - r.balance_spend;
    if (r.solved_tenths && r.headroom < 0)
        fail_internal("early years: the solved base rate overspends by " + std::to_string(-r.headroom) +
                      " pennies");
    // EYPP and DAF sit outside the test (docs/early-years.md §2).
    r.pass_through = pass_through_test(r.totals.entitlement_total() + r.central_passed, r.allocation,
                                       formula.pass_through_minimum);
    return r;
}

}  // namespace fundsim
