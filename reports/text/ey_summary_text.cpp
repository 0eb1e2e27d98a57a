// What `fundsim early-years` prints (docs/early-years.md §3): the rate, the pass-through, the headroom.
#include "reports/early_years_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

double pounds_of(std::int64_t pennies) { return static_cast<double>(pennies) / 100.0; }

}  // namespace

std::string ey_summary_text(const EyResult& r) {
    std::string out;
    auto counted = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    out += r.formula.name + ": " + counted(r.providers.size(), "provider", "providers") + ", " +
           counted(r.terms.size(), "provider term", "provider terms") + "\n";
    out += "  3- and 4-year-olds' base rate " + number_text("£%.3f", r.three_four_rate) +
           (r.solved_tenths ? " an hour (solved: the highest that balances)\n"
                            : " an hour (as the formula gives)\n");
    out += "  Payments to providers " + pounds(pounds_of(r.totals.total())) + " (EYPP " +
           pounds(pounds_of(r.totals.eypp)) + ", DAF " + pounds(pounds_of(r.totals.daf)) + "); central " +
           pounds(pounds_of(r.central)) + "\n";
    out += "  Allocation " + pounds(pounds_of(r.allocation)) + ", spend " +
           pounds(pounds_of(r.balance_spend)) + ", headroom " + pounds(pounds_of(r.headroom)) +
           (r.headroom < 0 ? " (overspent)\n" : "\n");
    const EyPassThrough& pt = r.pass_through;
    out += "  Pass-through " + percent_text(pt.share) + " against a minimum of " + percent_text(pt.minimum) +
           ": " +
           (pt.pass ? std::string("pass\n") : "FAIL, short by " + pounds(pounds_of(pt.shortfall)) + "\n");
    const EySupplementShare& ss = r.supplement_share;
    out += "  Supplements for 3- and 4-year-olds " + percent_text(ss.share) + " of their funding" +
           (ss.cap ? " (cap " + percent_text(*ss.cap) + ")\n" : " (no cap)\n");
    if (!r.formula.provisional.empty())
        out += "  " + std::to_string(r.formula.provisional.size()) + " provisional value" +
               (r.formula.provisional.size() == 1 ? "" : "s") + " in the formula (listed in summary.json)\n";
    return out;
}

}  // namespace fundsim
