// Cohorts rolled forward a year (engine/years/cohort.hpp; docs/multi-year.md §1).
#include "engine/years/cohort.hpp"

#include <algorithm>
#include <cmath>

namespace fundsim {

CohortSpan cohort_span(double primary_year_groups, double ks3_year_groups, double ks4_year_groups) {
    // Year groups present are whole numbers up to 7, 3 and 2 (the census checks them); a primary year
    // group count of p means the school's primary years are the last p of R ... Y6.
    const int p = static_cast<int>(std::lround(std::clamp(primary_year_groups, 0.0, 7.0)));
    const int k3 = static_cast<int>(std::lround(std::clamp(ks3_year_groups, 0.0, 3.0)));
    const int k4 = static_cast<int>(std::lround(std::clamp(ks4_year_groups, 0.0, 2.0)));
    // Primary years are the last p of R ... Y6 (indices 7 − p ... 6), KS3 years the first k3 of Y7 ... Y9,
    // KS4 years the last k4 of Y10, Y11 (a 14-16 school has only those).
    CohortSpan s;
    s.first = p > 0 ? 7 - p : (k3 > 0 ? 7 : 12 - k4);
    s.last = k4 > 0 ? 9 + k4 : (k3 > 0 ? 6 + k3 : 6);
    s.first = std::min(s.first, 11);
    if (s.last < s.first) s.last = s.first;
    return s;
}

CohortSpan cohort_span_of(const YearCounts& pupils, double primary_year_groups, double ks3_year_groups,
                          double ks4_year_groups) {
    const CohortSpan base = cohort_span(primary_year_groups, ks3_year_groups, ks4_year_groups);
    int first = -1, last = -1;
    for (int g = 0; g < 12; ++g)
        if (pupils[static_cast<std::size_t>(g)] > 0) {
            if (first < 0) first = g;
            last = g;
        }
    if (first < 0 || (first >= base.first && last <= base.last)) return base;
    CohortSpan s;
    s.first = first;
    s.last = std::min(11, std::max(last, first + (base.last - base.first)));
    return s;
}

YearCounts roll_cohorts(const YearCounts& now, CohortSpan span, const StepRatios& ratio, double intake) {
    YearCounts next{};
    next[static_cast<std::size_t>(span.first)] = intake;
    for (int g = span.first + 1; g <= span.last; ++g) {
        const auto u = static_cast<std::size_t>(g);
        next[u] = now[u - 1] * ratio[u - 1];
    }
    return next;
}

}  // namespace fundsim
