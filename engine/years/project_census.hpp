// Next year's census from this year's census and result (docs/multi-year.md §1-§2): pupils rolled forward
// cohort by cohort, characteristics kept as each school's share of its pupils, premises uprated, and the
// MFG baseline chained from this year's budget share. Written as a census file, so that any year of a
// plan can be re-run or explained on its own from what the plan wrote.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/run/result.hpp"
#include "engine/years/census_history.hpp"
#include "engine/years/cohort.hpp"
#include "engine/years/intake_file.hpp"

namespace fundsim {

struct ProjectedSchool {
    long source = -1;  // its row in this year's census; -1 for a school opening next year
    std::int64_t urn = 0;
    YearCounts pupils{};
    const IntakeRow* opening = nullptr;  // a new school's intake row (its attributes)
    Phase phase = Phase::primary;        // a new school's
};

struct Projection {
    std::string year;  // the year projected into
    std::vector<ProjectedSchool> schools;
    std::vector<std::int64_t> closed;  // schools with no pupils left (their last cohort has gone)
    double pupils = 0;                 // Σ pupils next year
};

struct ProjectionRule {
    const CohortRatios* ratios = nullptr;
    const IntakeFile* intakes = nullptr;  // null: each intake is last year's × (1 + intake_change)
    double intake_change = 0;
};

// Pupils next year by school and year group. The census must give nor_r … nor_y11 (an error names the
// first it lacks, and the census file).
Projection project_pupils(const Census& census, const ProjectionRule& rule, const std::string& year);

// What next year's census carries from this year's result (docs/multi-year.md §2).
struct BaselineRule {
    std::vector<std::string> excludes;  // next year's mfg.excludes: factor ids taken out of the baseline
    double addition_primary = 0, addition_secondary = 0;  // £ per primary / secondary pupil of this year
    double premises = 0;                                  // rates, pfi and exceptional × (1 + premises)
    // Schools whose status is `academy` next year: they converted this year (docs/multi-year.md §1).
    const std::set<std::int64_t>* academies = nullptr;
};
// The MFG baseline funding carried to next year for school i of `r`: budget share less the excluded
// factors' amounts, plus the additions for grants rolled into the formula.
double chained_baseline_funding(const Result& r, std::size_t i, const BaselineRule& b);

// Next year's census as CSV text: this census's columns in its order (mfg_baseline_pupils,
// mfg_baseline_funding and prior_year_budget added when absent), one row per projected school.
std::string projected_census_csv(const Result& r, const Projection& p, const BaselineRule& b);

}  // namespace fundsim
