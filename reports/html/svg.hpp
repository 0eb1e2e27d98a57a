// The charts of report.html as inline SVG (no script, no font, no image): a histogram of changes, a
// stacked bar of gaining/unchanged/losing, and a scatter of before against after. Each takes plain
// numbers, so any page (a Forum report, a what-if page) can draw them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace fundsim {

// A "nice" step (1, 2, 2.5 or 5 × 10^k) at least `raw`.
double nice_step(double raw);

// A histogram's bins: [lo + k·step, lo + (k+1)·step) for k < count.
struct Bins {
    double lo = 0, step = 1;
    int count = 0;
    std::size_t below = 0, above = 0;  // schools beyond the 1st/99th percentile folded into the end bars
};

// Common bins for every option so that their shapes compare; the range runs from the 1st to the 99th
// percentile so that one outlier does not squash everyone else into a single bar.
Bins make_bins(std::vector<double> v);

// The bin a value falls in, values beyond the range in the end bins.
int bin_of(const Bins& b, double v);

// One option's changes in percent, and whether each school's budget is unchanged (under half a penny).
struct ChangeValues {
    std::vector<double> pct;
    std::vector<bool> same;
};

// A chart's title goes above it in HTML, where it wraps: SVG text does not, and an option's name is
// often longer than the chart is wide. `kind` is the figure's class ("hist", "scatter").
std::string chart_figure(const std::string& kind, const std::string& title, const std::string& svg);

// Schools by change in percent: losing bars red, gaining green, unchanged grey; `ymax` is the tallest
// bar of all the histograms drawn side by side, so that they share a scale.
std::string histogram_svg(const std::string& title, const ChangeValues& values, const Bins& b, int ymax);

// A 120 × 12 bar: the shares of schools gaining, unchanged and losing (empty when there are none).
std::string stacked_bar_svg(std::size_t gaining, std::size_t unchanged, std::size_t losing);

// One dot of a scatter: its position, fill colour and tooltip (HTML, already escaped).
struct ScatterPoint {
    double x = 0, y = 0;
    std::string colour, tooltip_html;
};

// Baseline (across) against this option (up), per pupil, on the square [lo, hi] with grid lines every
// `step` and the diagonal of no change.
std::string scatter_svg(const std::string& title, const std::vector<ScatterPoint>& points, double lo,
                        double hi, double step);

}  // namespace fundsim
