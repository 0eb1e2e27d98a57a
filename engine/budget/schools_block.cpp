// The schools block's spend and s251 lines (docs/la-budget.md §3, §5a, §6).
#include "engine/budget/schools_block.hpp"

#include <algorithm>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

namespace {
constexpr const char* kSuspended = "delegation_suspended";
}

void prepare_budget_census(Census& census) {
    if (!census.has_column(kSuspended)) return;
    const Eigen::ArrayXd& s =
        census.numeric(kSuspended, "schools whose delegation is suspended (la-budget §5a)");
    for (Eigen::Index i = 0; i < s.size(); ++i)
        if (s[i] != 0 && s[i] != 1)
            fail_at(census.file, census.line[static_cast<std::size_t>(i)], kSuspended,
                    census.cells[static_cast<std::size_t>(
                        std::find(census.columns.begin(), census.columns.end(), kSuspended) -
                        census.columns.begin())][static_cast<std::size_t>(i)],
                    "must be 0 or 1");
}

BlockFigures schools_block_figures(const Result& r, const std::vector<Conversion>& conversions,
                                   const Transfers& transfers, double allocation) {
    const Census& c = *r.census;
    const bool has_suspended = c.has_column(kSuspended);
    std::vector<const Conversion*> converting(c.size, nullptr);
    for (const auto& cv : conversions) converting[cv.row.school] = &cv;
    const std::size_t items = r.after_share.de_delegation.size();
    long long isb[2] = {0, 0};  // delegated, suspended
    std::size_t isb_count[2] = {0, 0};
    std::vector<long long> dd(items, 0);
    std::vector<std::size_t> dd_count(items, 0);
    for (std::size_t i = 0; i < c.size; ++i) {
        if (c.status[i] != Status::maintained) continue;
        const auto e = static_cast<Eigen::Index>(i);
        const int k = has_suspended && c.cached(kSuspended)[e] == 1 ? 1 : 0;
        long long share = 0;
        if (const Conversion* cv = converting[i]) {
            share = whole_pennies(cv->la_part);
            for (std::size_t d = 0; d < items; ++d) {
                dd[d] += whole_pennies(cv->de_delegation[d]);
                share -= whole_pennies(cv->de_delegation[d]);
                if (cv->de_delegation[d] != 0) ++dd_count[d];
            }
        } else {
            share = whole_pennies(r.budget_share.amount[e]);
            for (std::size_t d = 0; d < items; ++d) {
                const double v = r.after_share.de_delegation[d][e];
                dd[d] += whole_pennies(v);
                share -= whole_pennies(v);
                if (v != 0) ++dd_count[d];
            }
        }
        isb[k] += share;
        ++isb_count[k];
    }
    BlockFigures f;
    f.block = "schools";
    f.computed = true;
    f.allocation = allocation;
    long long spend = 0;
    auto line = [&](const std::string& id, const std::string& label, long long pence, std::size_t count) {
        f.lines.push_back({"schools", id, label, static_cast<double>(pence) / 100.0, count});
        spend += pence;
    };
    line("isb_delegated", "Individual schools budget: maintained schools' budget shares after de-delegation",
         isb[0], isb_count[0]);
    if (has_suspended)
        line("isb_suspended",
             "Individual schools budget: held by the LA for schools whose delegation is suspended", isb[1],
             isb_count[1]);
    for (std::size_t d = 0; d < items; ++d)
        line("de_delegated/" + r.formula->de_delegation[d].id,
             "De-delegated for maintained schools: " + r.formula->de_delegation[d].id, dd[d], dd_count[d]);
    for (const auto& t : transfers.lines)
        if (t.to == "schools")
            line("kept/" + t.id, "Kept centrally in the schools block: " + t.id, whole_pennies(t.amount), 0);
    f.spend = static_cast<double>(spend) / 100.0;
    return f;
}

}  // namespace fundsim
