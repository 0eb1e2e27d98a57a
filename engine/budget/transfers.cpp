// Transfers and their approval flags (docs/la-budget.md §2).
#include "engine/budget/transfers.hpp"

#include <cmath>
#include <cstdio>

#include "engine/budget/budget_file.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

Transfers transfers_of(const Budget& budget, const std::vector<std::pair<std::string, double>>& pounds,
                       const std::string& formula_file) {
    if (pounds.size() != budget.deductions.size()) fail_internal("transfers: deductions and amounts differ");
    Transfers t;
    long long kept = 0, out = 0, in[4] = {0, 0, 0, 0};
    for (std::size_t k = 0; k < pounds.size(); ++k) {
        const Deduction& d = budget.deductions[k];
        Transfer tr{d.id, d.to, round_penny(pounds[k].second), d.forum_agreed, false, ""};
        // Summed in whole pennies below: an amount no DSG comes near (£10 trillion) is the formula's error.
        if (!(std::fabs(tr.amount) <= 1e13))
            fail_json(formula_file, "/budget/deductions/" + escape_pointer(d.id),
                      "is implausibly large for a DSG deduction (pounds)");
        const int b = block_index(d.to);
        if (b < 0) fail_internal("transfers: unknown block " + d.to);
        const long long p = whole_pennies(tr.amount);
        if (b == 0)
            kept += p;
        else
            out += p, in[b] += p;
        t.lines.push_back(tr);
    }
    t.kept = static_cast<double>(kept) / 100.0;
    t.out = static_cast<double>(out) / 100.0;
    for (int b = 0; b < 4; ++b) t.in[b] = static_cast<double>(in[b]) / 100.0;
    const long long block = whole_pennies(budget.schools_block);
    t.out_share = block > 0 ? static_cast<double>(out) / static_cast<double>(block) : 0;
    // Above 0.5% of the schools block, counted over every transfer out (the limit is the year's total):
    // out / block > 0.005 ⇔ 200 × out > block, in whole pennies (no rounding at the edge).
    const bool above = out > 0 && (block == 0 || static_cast<long double>(out) * 200 > block);
    for (auto& tr : t.lines) {
        if (tr.to == "schools") continue;
        if (above) {
            char pct[32];
            std::snprintf(pct, sizeof pct, "%.3f%%", t.out_share * 100);
            tr.reason = std::string("transfers out of the schools block total ") + pct + " of it, above 0.5%";
        }
        if (!tr.forum_agreed)
            tr.reason += std::string(tr.reason.empty() ? "" : "; ") + "not agreed by the Schools Forum";
        tr.needs_secretary_of_state = !tr.reason.empty();
    }
    return t;
}

}  // namespace fundsim
