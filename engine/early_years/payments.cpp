// The termly payments of docs/early-years.md §2, each line rounded to the penny.
#include "engine/early_years/payments.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"

namespace fundsim {

std::int64_t EyPayment::entitlement_total() const {
    std::int64_t t = base_total() + nursery_school_supp;
    for (std::size_t s = 0; s < supplement.size(); ++s) t += supplement_total(s);
    return t;
}

namespace {

void add_to(std::int64_t& total, std::int64_t pennies) {
    if (__builtin_add_overflow(total, pennies, &total))
        fail(
            "the early years payments add up to more than 64 bits of pennies hold: check the hours and "
            "rates");
}

}  // namespace

void EyPayment::add(const EyPayment& o) {
    for (std::size_t g = 0; g < kEyGroups; ++g) {
        hours[g] += o.hours[g];
        add_to(base[g], o.base[g]);
        for (std::size_t s = 0; s < supplement.size(); ++s) add_to(supplement[s][g], o.supplement[s][g]);
    }
    add_to(nursery_school_supp, o.nursery_school_supp);
    add_to(eypp, o.eypp);
    add_to(daf, o.daf);
}

namespace {

// The exact (unrounded) sums of one provider's term before its lines are rounded.
struct TermSums {
    std::array<double, kEyGroups> hours{};
    std::vector<std::array<double, kEyGroups>> supplement;
    double eypp_children = 0, eypp_hours = 0, daf_children = 0;
};

// A line of `provider`'s term in whole pennies; a line beyond £10 billion (kMaxMoney) is refused, so that
// every total stays exact in 64 bits.
std::int64_t line_pennies(double pounds, const EyProviders& providers, std::size_t provider, Term term) {
    if (!(std::fabs(pounds) < kMaxMoney))
        fail("provider " + providers.id[provider] + ", " +
             std::string(kTermNames[static_cast<std::size_t>(term)]) +
             " term: a payment line of over £10,000,000,000 (check the rates and the hours in " +
             providers.file + ")");
    return whole_pennies(pounds);
}

}  // namespace

std::vector<EyPayment> termly_payments(const EyFormula& formula, const EyProviders& providers,
                                       const EyHours& hours, double three_four_rate) {
    const std::size_t ns = formula.supplements.size();
    const std::size_t cells = providers.size() * kTerms;
    std::vector<int> cell_of(cells, -1);
    for (const EyHoursRow& r : hours.rows)
        cell_of[r.provider * kTerms + static_cast<std::size_t>(r.term)] = 0;
    std::vector<TermSums> sums;
    std::vector<EyPayment> out;
    for (std::size_t c = 0; c < cells; ++c) {
        if (cell_of[c] < 0) continue;
        cell_of[c] = static_cast<int>(out.size());
        EyPayment p;
        p.provider = c / kTerms;
        p.term = static_cast<Term>(c % kTerms);
        p.supplement.assign(ns, {});
        out.push_back(std::move(p));
        TermSums t;
        t.supplement.assign(ns, {});
        sums.push_back(std::move(t));
    }
    for (const EyHoursRow& r : hours.rows) {
        TermSums& t =
            sums[static_cast<std::size_t>(cell_of[r.provider * kTerms + static_cast<std::size_t>(r.term)])];
        const std::size_t g = index_of(group_of(r.entitlement));
        t.hours[g] += r.hours;
        // per_hour supplements: rate × column on the rows of their groups.
        for (std::size_t s = 0; s < ns; ++s) {
            const EySupplement& sup = formula.supplements[s];
            if (!sup.per_provider && sup.groups[g]) t.supplement[s][g] += sup.rate * r.supplement[s];
        }
        t.eypp_children += r.eypp_children;
        t.eypp_hours += r.eypp_hours;
        t.daf_children += r.daf_children;
    }
    // per_provider supplements: once a year, in the first term with hours in the supplement's group.
    for (std::size_t s = 0; s < ns; ++s) {
        const EySupplement& sup = formula.supplements[s];
        if (!sup.per_provider) continue;
        const std::size_t g = static_cast<std::size_t>(std::find(sup.groups.begin(), sup.groups.end(), true) -
                                                       sup.groups.begin());
        for (std::size_t p = 0; p < providers.size(); ++p)
            for (std::size_t k = 0; k < kTerms; ++k) {
                const int c = cell_of[p * kTerms + k];
                if (c < 0 || !(sums[static_cast<std::size_t>(c)].hours[g] > 0)) continue;
                sums[static_cast<std::size_t>(c)].supplement[s][g] +=
                    sup.rate * providers.supplement_column[s][p];
                break;
            }
    }
    std::array<double, kEyGroups> rate = formula.base_rate;
    rate[index_of(EyGroup::three_four)] = three_four_rate;
    const std::size_t g34 = index_of(EyGroup::three_four);
    for (std::size_t i = 0; i < out.size(); ++i) {
        EyPayment& p = out[i];
        const TermSums& t = sums[i];
        const double weeks = formula.term_weeks[static_cast<std::size_t>(p.term)];
        p.hours = t.hours;
        auto line = [&](double pounds) { return line_pennies(pounds, providers, p.provider, p.term); };
        for (std::size_t g = 0; g < kEyGroups; ++g) {
            p.base[g] = line(base_amount(rate[g], t.hours[g]));  // base_line's amount, checked
            for (std::size_t s = 0; s < ns; ++s) p.supplement[s][g] = line(t.supplement[s][g]);
        }
        // Maintained nursery schools: a supplement on their three_four hours (docs/early-years.md §2).
        if (providers.type[p.provider] == ProviderType::nursery_school)
            p.nursery_school_supp = line(formula.nursery_school_supplement * t.hours[g34]);
        // EYPP on at most max_hours_per_week × the term's weeks per eligible child (§2).
        if (formula.eypp)
            p.eypp = line(formula.eypp->rate *
                          std::min(t.eypp_hours, t.eypp_children * formula.eypp->max_hours_per_week * weeks));
        if (formula.daf_rate) p.daf = line(*formula.daf_rate * t.daf_children);
    }
    return out;
}

std::vector<EyPayment> provider_years(const std::vector<EyPayment>& terms, const EyProviders& providers,
                                      std::size_t supplements) {
    std::vector<EyPayment> out(providers.size());
    for (std::size_t p = 0; p < out.size(); ++p) {
        out[p].provider = p;
        out[p].supplement.assign(supplements, {});
    }
    for (const EyPayment& t : terms) out[t.provider].add(t);
    return out;
}

}  // namespace fundsim
