// Two implementations agree (conventions, "Tests"), for the early years block (docs/early-years.md §2): on
// random formulas, providers and hours the engine and a plain per-row implementation kept here give the
// same pennies on every line of every provider and term; the solved base rate is the highest that balances
// (the next £0.001 overspends).
//
// The plain implementation is exact by construction: every random rate is a whole number of tenths of a
// penny and every number of hours a whole number of half hours, so each line is an integer count of
// 1/2000ths of a pound, rounded to the penny half away from zero with integer arithmetic. It never sees a
// double.
#include <catch2/catch.hpp>
#include <map>

#include "engine/core/error.hpp"
#include "engine/early_years/early_years.hpp"
#include "engine/synth/rng.hpp"

namespace property_early_years_agreement_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

using i64 = std::int64_t;

// units of 1/2000 £ (tenths of a penny × half hours) → pennies, half away from zero (all are ≥ 0).
i64 pennies_of_units(i64 units) { return (units + 10) / 20; }

// A random case in integer terms; the engine's inputs are built from it.
struct PlainCase {
    std::array<i64, 3> rate_tenths{};  // base rates
    std::array<i64, 3> weeks{};
    struct Supp {
        bool per_provider;
        i64 rate_tenths;
        std::array<bool, 3> groups;
    };
    std::vector<Supp> supps;
    i64 nss_tenths = 0, eypp_tenths = 0, eypp_max_week = 15, daf_pennies = 0;
    std::vector<bool> nursery_school;
    std::vector<std::vector<i64>> provider_column;  // [supp][provider] whole units
    struct Row {
        std::size_t provider, term, entitlement;
        i64 children, halves, eypp_children, eypp_halves, daf_children;
        std::vector<i64> supp_halves;  // [supp]
    };
    std::vector<Row> rows;
};

std::size_t group_of_entitlement(std::size_t e) { return e == 0 ? 0 : e <= 2 ? 1 : 2; }

PlainCase random_case(Rng& rng) {
    PlainCase c;
    for (std::size_t g = 0; g < 3; ++g) c.rate_tenths[g] = static_cast<i64>(rng.below(12000));
    for (std::size_t k = 0; k < 3; ++k) c.weeks[k] = 10 + static_cast<i64>(rng.below(6));
    const std::size_t ns = rng.below(4);
    for (std::size_t s = 0; s < ns; ++s) {
        PlainCase::Supp sp{rng.chance(0.3), static_cast<i64>(rng.below(2000)), {false, false, false}};
        if (sp.per_provider) {
            sp.groups[rng.below(3)] = true;
        } else {
            for (auto&& g : sp.groups) g = rng.chance(0.6);
            sp.groups[2] = sp.groups[2] || !(sp.groups[0] || sp.groups[1]);
        }
        c.supps.push_back(sp);
    }
    c.nss_tenths = static_cast<i64>(rng.below(6000));
    c.eypp_tenths = static_cast<i64>(rng.below(2000));
    c.daf_pennies = static_cast<i64>(rng.below(100000));
    const std::size_t np = 1 + rng.below(30);
    c.provider_column.assign(ns, std::vector<i64>(np, 0));
    for (std::size_t p = 0; p < np; ++p) {
        c.nursery_school.push_back(rng.chance(0.2));
        for (std::size_t s = 0; s < ns; ++s) c.provider_column[s][p] = static_cast<i64>(rng.below(3000));
    }
    for (std::size_t p = 0; p < np; ++p)
        for (std::size_t k = 0; k < 3; ++k)
            for (std::size_t e = 0; e < 5; ++e) {
                if (!rng.chance(0.4)) continue;
                PlainCase::Row r{p, k, e, static_cast<i64>(rng.below(40)), 0, 0, 0, 0, {}};
                const i64 most = r.children * 30 * c.weeks[k] * 2;  // in half hours
                r.halves = most > 0 ? static_cast<i64>(rng.below(static_cast<std::size_t>(most) + 1)) : 0;
                r.eypp_children = r.children > 0
                                      ? static_cast<i64>(rng.below(static_cast<std::size_t>(r.children) + 1))
                                      : 0;
                r.eypp_halves = static_cast<i64>(rng.below(static_cast<std::size_t>(r.halves) + 1));
                r.daf_children = rng.chance(0.1) ? 1 : 0;
                for (std::size_t s = 0; s < ns; ++s)
                    r.supp_halves.push_back(
                        static_cast<i64>(rng.below(static_cast<std::size_t>(r.halves) + 1)));
                c.rows.push_back(r);
            }
    return c;
}

// The plain per-row implementation: lines of one provider in one term, in pennies.
struct PlainLines {
    std::array<i64, 3> base{};
    std::vector<i64> supp;  // totals over groups
    i64 nss = 0, eypp = 0, daf = 0;
    bool present = false;
};

std::map<std::pair<std::size_t, std::size_t>, PlainLines> plain_pay(const PlainCase& c, i64 rate34_tenths) {
    const std::size_t ns = c.supps.size();
    std::array<i64, 3> rate = c.rate_tenths;
    rate[2] = rate34_tenths;
    // Sums of each provider's term, per group, in half hours.
    struct Sums {
        std::array<i64, 3> halves{};
        std::vector<std::array<i64, 3>> supp_units;
        i64 eypp_children = 0, eypp_halves = 0, daf = 0;
    };
    std::map<std::pair<std::size_t, std::size_t>, Sums> sums;
    for (const auto& r : c.rows) {
        Sums& s = sums[{r.provider, r.term}];
        s.supp_units.resize(ns);
        const std::size_t g = group_of_entitlement(r.entitlement);
        s.halves[g] += r.halves;
        for (std::size_t k = 0; k < ns; ++k)
            if (!c.supps[k].per_provider && c.supps[k].groups[g])
                s.supp_units[k][g] += c.supps[k].rate_tenths * r.supp_halves[k];
        s.eypp_children += r.eypp_children;
        s.eypp_halves += r.eypp_halves;
        s.daf += r.daf_children;
    }
    // per_provider: once, in the first term with hours in its group; rate (tenths) × whole units = 2 ×
    // (1/2000 £) per unit-tenth.
    for (std::size_t k = 0; k < ns; ++k) {
        if (!c.supps[k].per_provider) continue;
        std::size_t g = 0;
        while (!c.supps[k].groups[g]) ++g;
        for (std::size_t p = 0; p < c.nursery_school.size(); ++p)
            for (std::size_t t = 0; t < 3; ++t) {
                auto it = sums.find({p, t});
                if (it == sums.end() || it->second.halves[g] == 0) continue;
                it->second.supp_units[k][g] += 2 * c.supps[k].rate_tenths * c.provider_column[k][p];
                break;
            }
    }
    std::map<std::pair<std::size_t, std::size_t>, PlainLines> out;
    for (const auto& [key, s] : sums) {
        PlainLines l;
        l.present = true;
        l.supp.assign(ns, 0);
        for (std::size_t g = 0; g < 3; ++g) {
            l.base[g] = pennies_of_units(rate[g] * s.halves[g]);
            for (std::size_t k = 0; k < ns; ++k) l.supp[k] += pennies_of_units(s.supp_units[k][g]);
        }
        if (c.nursery_school[key.first]) l.nss = pennies_of_units(c.nss_tenths * s.halves[2]);
        const i64 cap = s.eypp_children * c.eypp_max_week * c.weeks[key.second] * 2;
        l.eypp = pennies_of_units(c.eypp_tenths * std::min(s.eypp_halves, cap));
        l.daf = c.daf_pennies * s.daf;
        out[key] = l;
    }
    return out;
}

// What the balance counts (base, supplements, nursery school supplement) over the LA, in pennies.
i64 plain_spend(const PlainCase& c, i64 rate34_tenths) {
    i64 t = 0;
    for (const auto& [key, l] : plain_pay(c, rate34_tenths)) {
        t += l.base[0] + l.base[1] + l.base[2] + l.nss;
        for (i64 s : l.supp) t += s;
    }
    return t;
}

struct EngineInputs {
    EyFormula f;
    EyProviders p;
    EyHours h;
};

EngineInputs engine_inputs(const PlainCase& c) {
    EngineInputs in;
    EyFormula& f = in.f;
    f.file = "random.json";
    f.name = "random";
    for (std::size_t g = 0; g < 3; ++g) f.base_rate[g] = static_cast<double>(c.rate_tenths[g]) / 1000.0;
    for (std::size_t k = 0; k < 3; ++k) f.term_weeks[k] = static_cast<double>(c.weeks[k]);
    for (std::size_t s = 0; s < c.supps.size(); ++s) {
        EySupplement sp;
        sp.id = "s" + std::to_string(s);
        sp.per_provider = c.supps[s].per_provider;
        sp.column = sp.id;
        sp.rate = static_cast<double>(c.supps[s].rate_tenths) / 1000.0;
        sp.groups = c.supps[s].groups;
        f.supplements.push_back(sp);
    }
    f.nursery_school_supplement = static_cast<double>(c.nss_tenths) / 1000.0;
    f.eypp = EyEypp{static_cast<double>(c.eypp_tenths) / 1000.0, static_cast<double>(c.eypp_max_week)};
    f.daf_rate = static_cast<double>(c.daf_pennies) / 100.0;
    f.pass_through_minimum = 0.95;
    in.p.supplement_column.assign(c.supps.size(), {});
    for (std::size_t p = 0; p < c.nursery_school.size(); ++p) {
        in.p.add("P" + std::to_string(p), "n",
                 c.nursery_school[p] ? ProviderType::nursery_school : ProviderType::pvi, "a");
        for (std::size_t s = 0; s < c.supps.size(); ++s)
            in.p.supplement_column[s].push_back(static_cast<double>(c.provider_column[s][p]));
    }
    for (const auto& r : c.rows) {
        EyHoursRow row;
        row.provider = r.provider;
        row.term = static_cast<Term>(r.term);
        row.entitlement = static_cast<Entitlement>(r.entitlement);
        row.children = static_cast<double>(r.children);
        row.hours = static_cast<double>(r.halves) / 2.0;
        row.eypp_children = static_cast<double>(r.eypp_children);
        row.eypp_hours = static_cast<double>(r.eypp_halves) / 2.0;
        row.daf_children = static_cast<double>(r.daf_children);
        for (i64 v : r.supp_halves) row.supplement.push_back(static_cast<double>(v) / 2.0);
        row.supplement.resize(c.supps.size(), 0.0);
        in.h.rows.push_back(row);
    }
    return in;
}

}  // namespace

TEST_CASE("early years: the engine and a plain per-row implementation agree to the penny",
          "[property][early_years]") {
    std::size_t lines = 0, mismatches = 0, eypp_capped = 0, per_provider_paid = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Rng rng(seed);
        const PlainCase c = random_case(rng);
        EngineInputs in = engine_inputs(c);
        in.f.allocation = {1e9, 1e9, 1e9};  // no balance here: the formula's rates are paid
        const EyResult r = calculate_early_years(in.f, in.p, in.h);
        const auto plain = plain_pay(c, c.rate_tenths[2]);
        REQUIRE(r.terms.size() == plain.size());
        for (const EyPayment& t : r.terms) {
            const auto it = plain.find({t.provider, static_cast<std::size_t>(t.term)});
            REQUIRE(it != plain.end());
            const PlainLines& l = it->second;
            bool same =
                t.base == l.base && t.nursery_school_supp == l.nss && t.eypp == l.eypp && t.daf == l.daf;
            for (std::size_t s = 0; s < l.supp.size(); ++s) {
                same = same && t.supplement_total(s) == l.supp[s];
                if (c.supps[s].per_provider && l.supp[s] > 0) ++per_provider_paid;
            }
            if (!same) {
                ++mismatches;
                UNSCOPED_INFO("seed " << seed << ": provider " << t.provider << " term "
                                      << static_cast<int>(t.term) << " base " << t.base_total() << " vs "
                                      << l.base[0] + l.base[1] + l.base[2] << ", eypp " << t.eypp << " vs "
                                      << l.eypp);
            }
            ++lines;
        }
        for (const auto& row : c.rows)
            if (row.eypp_halves > row.eypp_children * 15 * c.weeks[row.term] * 2) ++eypp_capped;
    }
    CHECK(mismatches == 0);
    CHECK(lines > 3000);
    CHECK(eypp_capped > 100);       // the EYPP cap was reached
    CHECK(per_provider_paid > 20);  // per_provider supplements were paid
}

TEST_CASE("early years: the solved rate is the highest that balances", "[property][early_years]") {
    std::size_t solved = 0, unaffordable = 0;
    for (std::uint64_t seed = 1001; seed <= 1200; ++seed) {
        Rng rng(seed);
        const PlainCase c = random_case(rng);
        EngineInputs in = engine_inputs(c);
        i64 h34 = 0;
        for (const auto& row : c.rows)
            if (group_of_entitlement(row.entitlement) == 2) h34 += row.halves;
        if (h34 == 0) continue;
        // An allocation around what the formula's own rate would spend, ±30%; central a few percent.
        const i64 central = static_cast<i64>(rng.below(50000)) * 100;
        const i64 around = plain_spend(c, c.rate_tenths[2]) + central;
        const i64 allocation = static_cast<i64>(static_cast<double>(around) * rng.uniform(0.7, 1.3));
        in.f.allocation = {0, 0, static_cast<double>(allocation) / 100.0};
        in.f.central = {{"admin", static_cast<double>(central) / 100.0, false}};
        in.f.solve_base_rate = true;
        try {
            const EyResult r = calculate_early_years(in.f, in.p, in.h);
            REQUIRE(r.solved_tenths);
            const i64 t = *r.solved_tenths;
            INFO("seed " << seed << ": solved " << t << " tenths of a penny");
            CHECK(plain_spend(c, t) + central <= allocation);
            CHECK(plain_spend(c, t + 1) + central > allocation);
            CHECK(r.headroom == allocation - plain_spend(c, t) - central);
            ++solved;
        } catch (const Error& e) {
            REQUIRE(e.kind() == ErrorKind::unaffordable);
            CHECK(plain_spend(c, 0) + central > allocation);
            ++unaffordable;
        }
    }
    CHECK(solved > 100);
    CHECK(unaffordable > 0);
}

}  // namespace property_early_years_agreement_test
