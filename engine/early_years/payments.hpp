// What each provider is paid in each term (docs/early-years.md §2): base by group, each supplement by
// group, the nursery school supplement, EYPP and DAF, every line rounded to the penny and held as whole
// pennies so that every total is an exact sum.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/core/money.hpp"
#include "engine/early_years/ey_formula.hpp"
#include "engine/early_years/hours.hpp"
#include "engine/early_years/providers.hpp"

namespace fundsim {

// Lines of one provider in one term (or, summed, in the year), in whole pennies.
struct EyPayment {
    std::size_t provider = 0;
    Term term = Term::summer;
    std::array<double, kEyGroups> hours{};
    std::array<std::int64_t, kEyGroups> base{};
    std::vector<std::array<std::int64_t, kEyGroups>> supplement;  // by supplement of the formula, then group
    std::int64_t nursery_school_supp = 0, eypp = 0, daf = 0;

    std::int64_t base_total() const { return base[0] + base[1] + base[2]; }
    std::int64_t supplement_total(std::size_t s) const {
        return supplement[s][0] + supplement[s][1] + supplement[s][2];
    }
    // What counts in the balance and the pass-through: base, supplements, nursery school supplement.
    std::int64_t entitlement_total() const;
    std::int64_t total() const { return entitlement_total() + eypp + daf; }
    // Adds every line of `o` (the year's totals of a provider, the LA's totals); an Error if a total would
    // pass 64 bits of pennies (only a file of millions of lines each near £10 billion could).
    void add(const EyPayment& o);
};

// One base line: a rate × hours, rounded half away from zero to the penny (docs/early-years.md §2). The
// solver and the payments both call it, so the solved rate balances the very lines reported.
inline double base_amount(double rate, double hours) { return rate * hours; }
inline std::int64_t base_line(double rate, double hours) { return whole_pennies(base_amount(rate, hours)); }

// The termly payments of every provider with hours in a term, providers in file order, terms in the
// order they fall; the three_four base is paid at `three_four_rate` (the formula's or the solved one),
// the other groups at the formula's rates. A per_provider supplement is paid once a year, in the first
// term the provider has hours in its group (docs/early-years.md §2, a choice of this page).
std::vector<EyPayment> termly_payments(const EyFormula& formula, const EyProviders& providers,
                                       const EyHours& hours, double three_four_rate);

// Each provider's year: the sum of its terms (every provider of the file, with or without hours).
std::vector<EyPayment> provider_years(const std::vector<EyPayment>& terms, const EyProviders& providers,
                                      std::size_t supplements);

}  // namespace fundsim
