// One school's year groups rolled forward one year (docs/multi-year.md §1): each cohort moves up a year
// group by its survival ratio, the entry year group takes the intake, and the last year group leaves.
#pragma once

#include <array>

namespace fundsim {

// Pupils by year group, Reception (0) to Year 11 (11): the census columns nor_r ... nor_y11.
using YearCounts = std::array<double, 12>;
// Survival ratio of each step, from year group g to g + 1 (g = 0 ... 10).
using StepRatios = std::array<double, 11>;

// The year groups a school teaches: its entry year group (where the intake arrives) and its last (whose
// pupils leave). From the census's year groups present: a primary school's 7 primary year groups are R
// to Y6, a secondary school's Y7 to Y11; a middle school with 2 primary and 2 KS3 year groups teaches
// Y5 to Y8.
struct CohortSpan {
    int first = 0, last = 11;
};
CohortSpan cohort_span(double primary_year_groups, double ks3_year_groups, double ks4_year_groups);
// The same, checked against where the school's pupils are: a school whose pupils lie outside that span
// (an infant school, R to Y2, has 3 primary year groups but they are the first 3, not the last) teaches
// from its first year group with pupils, for as many year groups as it has.
CohortSpan cohort_span_of(const YearCounts& pupils, double primary_year_groups, double ks3_year_groups,
                          double ks4_year_groups);

// Next year's pupils: next[first] = intake; next[g] = now[g − 1] × ratio[g − 1] for first < g ≤ last;
// 0 outside the span. Fractions are kept (docs/multi-year.md §2).
YearCounts roll_cohorts(const YearCounts& now, CohortSpan span, const StepRatios& ratio, double intake);

}  // namespace fundsim
