// What `fundsim compare --high-needs` prints (docs/high-needs.md §6): per option, the block's spend and
// in-year position against the baseline's, and the providers gaining and losing.
#include "reports/format.hpp"
#include "reports/hn_comparison_writers.hpp"

namespace fundsim {

namespace {

std::string position_line(const char* what, double v, double change) {
    return std::string(what) + pounds(v) + " (" + (change > 0 ? "+" : "") + pounds(change) +
           " against the baseline)\n";
}

}  // namespace

std::string hn_comparison_text(const hn::HnComparison& c) {
    const hn::Position& b = c.baseline.position;
    std::string t = "Baseline: " + c.baseline_name + "\n  Spend            " + pounds(b.spend) + "\n";
    if (b.in_year) t += "  In-year position " + pounds(*b.in_year) + "\n";
    for (const auto& o : c.options) {
        t += "\nOption: " + o.name + "\n";
        t += position_line("  Spend            ", o.position.spend, o.position.spend_change);
        if (o.position.available && o.position.available_change)
            t += position_line("  Available        ", *o.position.available, *o.position.available_change);
        if (o.position.in_year && o.position.in_year_change)
            t += position_line("  In-year position ", *o.position.in_year, *o.position.in_year_change);
        t += "  Providers: " + std::to_string(o.gaining) + " gaining, " + std::to_string(o.losing) +
             " losing, " + std::to_string(o.unchanged) + " unchanged\n";
        if (o.largest_gain_urn)
            t += "  Largest gain     +" + pounds(o.largest_gain) + " " + std::to_string(o.largest_gain_urn) +
                 " " + o.largest_gain_name + "\n";
        if (o.largest_loss_urn)
            t += "  Largest loss     " + pounds(o.largest_loss) + " " + std::to_string(o.largest_loss_urn) +
                 " " + o.largest_loss_name + "\n";
    }
    if (!b.in_year)
        t += "\nNo --allocation given: the money available and the in-year positions are not computed.\n";
    return t;
}

}  // namespace fundsim
