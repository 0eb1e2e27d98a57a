// What `fundsim compare --early-years` prints (docs/early-years.md §8): the baseline's and each option's
// figures as `fundsim early-years` prints them, then each option's changes and its providers gaining and
// losing.
#include <cmath>

#include "reports/early_years_writers.hpp"
#include "reports/ey_comparison_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

double pounds_of(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }

std::string signed_pounds(double v) { return (v > 0 ? "+" : "") + pounds(v); }

// A change of rate to the tenth of a penny: +£0.012, -£0.027, £0.000.
std::string signed_rate(double v) {
    const std::string r = number_text("£%.3f", std::fabs(v));
    return r == "£0.000" ? r : (v > 0 ? "+" : "-") + r;
}

std::string extreme(const char* what, const EyOptionResult& o, const std::optional<std::size_t>& row) {
    if (!row) return "";
    const EyProviderChange& p = o.providers[*row];
    return std::string(what) + signed_pounds(p.change) + " " + p.provider + " " + p.name + "\n";
}

}  // namespace

std::string ey_comparison_text(const EyComparison& c) {
    std::string t = "Baseline: " + ey_summary_text(c.baseline);
    for (const auto& o : c.options) {
        t += "\nOption: " + ey_summary_text(o.result);
        t += "  Against the baseline: payments " + signed_pounds(pounds_of(o.payments_change)) +
             ", 3- and 4-year-olds' rate " + signed_rate(o.three_four_rate_change) + ", headroom " +
             signed_pounds(pounds_of(o.headroom_change)) + "\n";
        t += "  Providers: " + std::to_string(o.tally.gaining) + " gaining, " +
             std::to_string(o.tally.losing) + " losing, " + std::to_string(o.tally.unchanged) +
             " unchanged\n";
        t += extreme("  Largest gain     ", o, o.tally.largest_gain_row);
        t += extreme("  Largest loss     ", o, o.tally.largest_loss_row);
    }
    return t;
}

}  // namespace fundsim
