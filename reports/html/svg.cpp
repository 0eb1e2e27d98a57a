// The charts of report.html as inline SVG (reports/html/svg.hpp). Sizes are in CSS pixels; every
// coordinate is printed to a tenth of a pixel.
#include "reports/html/svg.hpp"

#include <algorithm>
#include <cmath>

#include "reports/format.hpp"
#include "reports/html/html.hpp"

namespace fundsim {

namespace {

const char* kGain = "#1a7f37";
const char* kLoss = "#c0392b";
const char* kSame = "#9aa5b1";

}  // namespace

double nice_step(double raw) {
    if (!(raw > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw - 1e-12 * p) return m * p;
    return 10 * p;
}

Bins make_bins(std::vector<double> v) {
    Bins b;
    if (v.empty()) return b;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    double lo = v[static_cast<std::size_t>(std::floor(0.01 * static_cast<double>(n - 1)))];
    double hi = v[static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(n - 1)))];
    b.step = nice_step(std::max((hi - lo) / 24.0, 0.05));
    b.lo = std::floor(lo / b.step + 1e-9) * b.step;
    double top = std::ceil(hi / b.step - 1e-9) * b.step;
    if (top <= hi) top += b.step;  // the top value must fall inside the last bin [top - step, top)
    b.count = std::max(1, static_cast<int>(std::lround((top - b.lo) / b.step)));
    return b;
}

int bin_of(const Bins& b, double v) {
    const int k = static_cast<int>(std::floor((v - b.lo) / b.step + 1e-9));
    return std::clamp(k, 0, b.count - 1);
}

std::string chart_figure(const std::string& kind, const std::string& title, const std::string& svg) {
    return "<figure class=\"" + kind + "\"><figcaption class=\"ctitle\">" + html_escape(title) +
           "</figcaption>" + svg + "</figure>";
}

std::string histogram_svg(const std::string& title, const ChangeValues& values, const Bins& b, int ymax) {
    const double W = 560, H = 232, L = 48, R = 30, T = 12, B = 46;
    const double pw = W - L - R, ph = H - T - B;
    std::vector<int> n(static_cast<std::size_t>(b.count), 0), same(static_cast<std::size_t>(b.count), 0);
    for (std::size_t k = 0; k < values.pct.size(); ++k) {
        const std::size_t bin = static_cast<std::size_t>(bin_of(b, values.pct[k]));
        ++n[bin];
        same[bin] += values.same[k] ? 1 : 0;
    }
    std::string s = "<svg class=\"chart\" width=\"" + number_text("%.0f", W) + "\" height=\"" +
                    number_text("%.0f", H) + "\" viewBox=\"0 0 " + number_text("%.0f", W) + " " +
                    number_text("%.0f", H) + "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
    const double ystep = nice_step(std::max(1.0, ymax / 5.0));
    const double ytop = std::max(ystep, std::ceil(ymax / ystep) * ystep);
    for (double y = 0; y <= ytop + 1e-9; y += ystep) {
        const double py = T + ph - y / ytop * ph;
        s += "<line x1=\"" + number_text("%.1f", L) + "\" x2=\"" + number_text("%.1f", L + pw) + "\" y1=\"" +
             number_text("%.1f", py) + "\" y2=\"" + number_text("%.1f", py) + "\" class=\"grid\"/>";
        s += "<text x=\"" + number_text("%.1f", L - 6) + "\" y=\"" + number_text("%.1f", py + 4) +
             "\" class=\"tick\" text-anchor=\"end\">" + number_text("%.0f", y) + "</text>";
    }
    const double bw = pw / b.count;
    auto schools = [](int c) { return std::to_string(c) + (c == 1 ? " school" : " schools"); };
    for (int k = 0; k < b.count; ++k) {
        const std::size_t q = static_cast<std::size_t>(k);
        const double x0 = b.lo + k * b.step, x1 = x0 + b.step;
        const double h_same = same[q] / ytop * ph, h_moved = (n[q] - same[q]) / ytop * ph;
        const char* colour = x1 <= 1e-12 ? kLoss : (x0 >= -1e-12 ? kGain : kSame);
        std::string range = number_text("%+.2f", x0) + "% to " + number_text("%+.2f", x1) + "%";
        if (k == 0 && b.below) range = "below " + number_text("%+.2f", x1) + "%";
        if (k == b.count - 1 && b.above) range = number_text("%+.2f", x0) + "% and above";
        const std::string x = number_text("%.1f", L + k * bw + 0.5),
                          w = number_text("%.1f", std::max(0.5, bw - 1));
        if (same[q] > 0)
            s += "<rect x=\"" + x + "\" y=\"" + number_text("%.1f", T + ph - h_same) + "\" width=\"" + w +
                 "\" height=\"" + number_text("%.1f", h_same) + "\" fill=\"" + kSame + "\"><title>" +
                 schools(same[q]) + " unchanged</title></rect>";
        if (n[q] > same[q])
            s += "<rect x=\"" + x + "\" y=\"" + number_text("%.1f", T + ph - h_same - h_moved) +
                 "\" width=\"" + w + "\" height=\"" + number_text("%.1f", h_moved) + "\" fill=\"" + colour +
                 "\"><title>" + schools(n[q] - same[q]) + ": " + range + "</title></rect>";
    }
    // x ticks: at most about ten labels, at round values (multiples of a whole number of bins).
    int every = 1;
    for (int m : {1, 2, 5, 10, 20, 50, 100})
        if (b.count / m <= 10) {
            every = m;
            break;
        }
    for (int k = 0; k <= b.count; ++k) {
        const double units = (b.lo + k * b.step) / (b.step * every);
        if (std::fabs(units - std::round(units)) > 1e-6) continue;
        const double px = L + k * bw;
        s += "<line x1=\"" + number_text("%.1f", px) + "\" x2=\"" + number_text("%.1f", px) + "\" y1=\"" +
             number_text("%.1f", T + ph) + "\" y2=\"" + number_text("%.1f", T + ph + 4) +
             "\" class=\"axis\"/>";
        const double v = b.lo + k * b.step;
        s +=
            "<text x=\"" + number_text("%.1f", px) + "\" y=\"" + number_text("%.1f", T + ph + 16) +
            "\" class=\"tick\" text-anchor=\"middle\">" +
            (std::fabs(v) < 1e-9
                 ? std::string("0%")
                 : number_text(b.step * every < 0.1 ? "%+.2f" : (b.step * every < 1 ? "%+.1f" : "%+.0f"), v) +
                       "%") +
            "</text>";
    }
    // The zero line: left of it schools lose, right of it they gain.
    if (b.lo < 0 && b.lo + b.count * b.step > 0) {
        const double px = L + (-b.lo) / b.step * bw;
        s += "<line x1=\"" + number_text("%.1f", px) + "\" x2=\"" + number_text("%.1f", px) + "\" y1=\"" +
             number_text("%.1f", T) + "\" y2=\"" + number_text("%.1f", T + ph) + "\" class=\"zero\"/>";
    }
    s += "<line x1=\"" + number_text("%.1f", L) + "\" x2=\"" + number_text("%.1f", L + pw) + "\" y1=\"" +
         number_text("%.1f", T + ph) + "\" y2=\"" + number_text("%.1f", T + ph) + "\" class=\"axis\"/>";
    s += "<text x=\"" + number_text("%.1f", L + pw / 2) + "\" y=\"" + number_text("%.1f", H - 8) +
         "\" class=\"label\" text-anchor=\"middle\">change in budget share per pupil against the "
         "baseline</text>";
    s += "<text transform=\"translate(12," + number_text("%.1f", T + ph / 2) +
         ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">schools</text>";
    s += "</svg>";
    return s;
}

std::string stacked_bar_svg(std::size_t gaining, std::size_t unchanged, std::size_t losing) {
    const double n = static_cast<double>(gaining + losing + unchanged);
    if (n == 0) return "";
    const double W = 120, g = static_cast<double>(gaining) / n * W,
                 u = static_cast<double>(unchanged) / n * W, l = static_cast<double>(losing) / n * W;
    return "<svg width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" role=\"img\" aria-label=\"gaining, "
           "unchanged, losing\">"
           "<rect x=\"0\" y=\"1\" width=\"" +
           number_text("%.1f", g) + "\" height=\"10\" fill=\"" + kGain +
           "\"/>"
           "<rect x=\"" +
           number_text("%.1f", g) + "\" y=\"1\" width=\"" + number_text("%.1f", u) +
           "\" height=\"10\" fill=\"" + kSame +
           "\"/>"
           "<rect x=\"" +
           number_text("%.1f", g + u) + "\" y=\"1\" width=\"" + number_text("%.1f", l) +
           "\" height=\"10\" fill=\"" + kLoss + "\"/></svg>";
}

std::string scatter_svg(const std::string& title, const std::vector<ScatterPoint>& points, double lo,
                        double hi, double step) {
    const double W = 470, H = 412, L = 64, R = 30, T = 12, B = 46;
    const double pw = W - L - R, ph = H - T - B;
    auto px = [&](double v) { return L + (v - lo) / (hi - lo) * pw; };
    auto py = [&](double v) { return T + ph - (v - lo) / (hi - lo) * ph; };
    std::string h = "<svg class=\"chart\" width=\"" + number_text("%.0f", W) + "\" height=\"" +
                    number_text("%.0f", H) + "\" viewBox=\"0 0 " + number_text("%.0f", W) + " " +
                    number_text("%.0f", H) + "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
    for (double v = lo; v <= hi + 1e-9; v += step) {
        h += "<line x1=\"" + number_text("%.1f", L) + "\" x2=\"" + number_text("%.1f", L + pw) + "\" y1=\"" +
             number_text("%.1f", py(v)) + "\" y2=\"" + number_text("%.1f", py(v)) + "\" class=\"grid\"/>";
        h += "<line x1=\"" + number_text("%.1f", px(v)) + "\" x2=\"" + number_text("%.1f", px(v)) +
             "\" y1=\"" + number_text("%.1f", T) + "\" y2=\"" + number_text("%.1f", T + ph) +
             "\" class=\"grid\"/>";
        h += "<text x=\"" + number_text("%.1f", L - 6) + "\" y=\"" + number_text("%.1f", py(v) + 4) +
             "\" class=\"tick\" text-anchor=\"end\">" + pounds_whole(v) + "</text>";
        h += "<text x=\"" + number_text("%.1f", px(v)) + "\" y=\"" + number_text("%.1f", T + ph + 16) +
             "\" class=\"tick\" text-anchor=\"middle\">" + pounds_whole(v) + "</text>";
    }
    // Points above the diagonal gain per pupil, points below lose.
    h += "<line x1=\"" + number_text("%.1f", px(lo)) + "\" y1=\"" + number_text("%.1f", py(lo)) + "\" x2=\"" +
         number_text("%.1f", px(hi)) + "\" y2=\"" + number_text("%.1f", py(hi)) + "\" class=\"zero\"/>";
    for (const ScatterPoint& p : points)
        h += "<circle cx=\"" + number_text("%.1f", px(p.x)) + "\" cy=\"" + number_text("%.1f", py(p.y)) +
             "\" r=\"2.4\" fill=\"" + p.colour + "\"><title>" + p.tooltip_html + "</title></circle>";
    h += "<text x=\"" + number_text("%.1f", L + pw / 2) + "\" y=\"" + number_text("%.1f", H - 8) +
         "\" class=\"label\" text-anchor=\"middle\">baseline per pupil</text>";
    h += "<text transform=\"translate(14," + number_text("%.1f", T + ph / 2) +
         ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">this option per pupil</text>";
    return h + "</svg>";
}

}  // namespace fundsim
