// An early years formula (docs/early-years.md §1): base rates by group, supplements, the nursery school
// supplement, EYPP, DAF, term weeks, the pass-through minimum and the budget, as parse_ey_formula read them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/early_years/entitlements.hpp"
#include "engine/early_years/terms.hpp"
#include "engine/formula/formula.hpp"  // Provisional

namespace fundsim {

// One supplement: `rate` × a column, paid on the rows of its groups (per_hour, a column of the hours file)
// or once a year to a provider (per_provider, a column of the providers file).
struct EySupplement {
    std::string id;    // its key in "supplements", also its column in payments.csv
    std::string path;  // JSON path, for messages
    bool per_provider = false;
    std::string column;
    double rate = 0;
    std::array<bool, kEyGroups> groups{};  // per_provider: exactly one is set
};

// A central line of the budget: kept by the LA, counted as passed to providers when marked (SENIF paid
// to providers, docs/early-years.md §2).
struct EyCentralLine {
    std::string id;
    double amount = 0;
    bool counts_as_passed = false;
};

struct EyEypp {
    double rate = 0;                // £ per hour
    double max_hours_per_week = 0;  // EYPP is paid on at most this × the term's weeks per child
};

struct EyFormula {
    std::string file, name, year, source;
    std::array<double, kEyGroups> base_rate{};
    std::vector<EySupplement> supplements;
    std::optional<double> supplement_cap;  // none: "supplement_cap": null
    double nursery_school_supplement = 0;  // £ per three_four hour at a maintained nursery school
    std::optional<EyEypp> eypp;
    std::optional<double> daf_rate;  // £ per child a year
    std::array<double, kTerms> term_weeks{};
    double pass_through_minimum = 0;
    std::array<double, kEyGroups> allocation{};  // the entitlement allocation, by group
    std::optional<double> allocation_eypp, allocation_daf;
    std::vector<EyCentralLine> central;
    bool solve_base_rate = false;  // solve_for: "base_rate" (the three_four rate)
    std::vector<Provisional> provisional;

    int supplement_index(const std::string& id) const {
        for (std::size_t i = 0; i < supplements.size(); ++i)
            if (supplements[i].id == id) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace fundsim
