// The section 251 statement's totals and delegation rate (docs/la-budget.md §6).
#include "engine/budget/s251.hpp"

#include "engine/budget/budget_file.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

namespace {
const char* kBlockWords[4] = {"Schools block", "Central school services block", "High needs block",
                              "Early years block"};
}

S251Statement s251_statement(const BlockFigures (&blocks)[4], const Recoupment& recoupment) {
    S251Statement s;
    long long total = 0, isb = 0;
    for (int b = 0; b < 4; ++b) {
        long long block = 0;
        for (const auto& l : blocks[b].lines) {
            s.lines.push_back(l);
            block += whole_pennies(l.amount);
            if (l.id == "isb_delegated" || l.id == "isb_suspended") isb += whole_pennies(l.amount);
        }
        s.lines.push_back({kBlocks[b], "total",
                           std::string(kBlockWords[b]) + ": total spend (net of recoupment)",
                           static_cast<double>(block) / 100.0, 0});
        if (b == 0)
            s.lines.push_back({"schools", "recoupment",
                               "Memo: academy recoupment (academies' budget shares, taken back by the DfE)",
                               recoupment.total, recoupment.academy_count + recoupment.converting_count});
        total += block;
    }
    s.lines.push_back({"total", "total", "Schools Budget: total spend of the four blocks (net of recoupment)",
                       static_cast<double>(total) / 100.0, 0});
    s.isb = static_cast<double>(isb) / 100.0;
    s.schools_budget = static_cast<double>(total) / 100.0;
    s.delegation_rate = total != 0 ? static_cast<double>(isb) / static_cast<double>(total) : 0;
    return s;
}

}  // namespace fundsim
