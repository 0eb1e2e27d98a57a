// The pieces every section of report.html (reports/html/forum_report.cpp) is built from: an option's
// name and its file's, options in runs that fit a page, number cells coloured by gain or loss, the lever.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/compare/compare.hpp"

namespace fundsim::forum {

// A file's own name without its folders ("forum-a.json" for "../scenarios/forum-a.json"), so that a long
// path does not widen a column; the path in full goes in a title attribute and the footnote. A scenario's
// formula is named "SCENARIO (patched BASE)" (engine/formula/formula.cpp): both parts are shortened.
std::string file_name(const std::string& path);

// The option's own name, or else its file's.
std::string option_name(const ScenarioResult& s);

// An option's name over the columns it spans, in a box that adds nothing to the columns' widths (class
// "fit": width 0, stretched to the cell) and so wraps within them: otherwise a long name widens the number
// columns under it and squeezes the school names or factor labels beside them.
std::string spanning_name(const std::string& name);

// The options split into runs of at most `per` (at least one run, empty when there are no options): a
// table with more columns than an A4 landscape page holds repeats its row labels for each run instead.
std::vector<std::pair<std::size_t, std::size_t>> runs_of(std::size_t n, std::size_t per);

// Options per table, chosen so that every column fits 1,280 px and an A4 landscape page (277 mm printable,
// 1,047 CSS px): section 1 has one column per option; section 3 five (four and a bar); section 5 two;
// section 6 three.
constexpr std::size_t kOptionsPerSideBySide = 4, kOptionsPerGroupTable = 2, kOptionsPerFactorTable = 4,
                      kOptionsPerSchoolTable = 2;

// How the budget was balanced, as HTML: the lever and its value, then (in small type, on a line of its
// own so that the column stays narrow) the factors a multiplier scales.
std::string lever_html(const Result& r);

// Whether the baseline is the national funding formula: its name says so, or its file's name starts "nff".
bool baseline_is_nff(const Comparison& c);

// A right-aligned number cell, with extra classes.
std::string td_num(const std::string& text, const std::string& cls = "");

// "gain", "loss" or "" for a change (a penny or more either way).
std::string change_class(double v);

// Σ of the changes of the schools selected that have a baseline (a school without one has no change).
template <class Pred>
double change_sum(const ScenarioResult& s, Pred include) {
    double sum = 0;
    for (Eigen::Index i = 0; i < s.change.size(); ++i)
        if (include(static_cast<std::size_t>(i)) && std::isfinite(s.change[i])) sum += s.change[i];
    return sum;
}

}  // namespace fundsim::forum
