// The budget's flags in a Forum member's words (docs/la-budget.md §2, §3, §5).
#include "reports/budget_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

const char* block_words(const std::string& block) {
    if (block == "schools") return "schools block";
    if (block == "central") return "central school services block";
    if (block == "high_needs") return "high needs block";
    if (block == "early_years") return "early years block";
    return "DSG";
}

}  // namespace

std::vector<std::string> flag_words(const LaBudget& b, const Census& census) {
    std::vector<std::string> out;
    for (const auto& f : b.flags) {
        if (f.id == "needs_secretary_of_state") {
            std::string to;
            for (const auto& t : b.transfers.lines)
                if (t.id == f.subject) to = t.to;
            out.push_back("The transfer \"" + f.subject + "\" of " + pounds(f.amount) +
                          " from the schools block to the " + block_words(to) +
                          " needs the Secretary of State's approval: " + f.reason + ".");
        } else if (f.id == "high_needs_deficit") {
            out.push_back(
                "The high needs block ends the year " + pounds(-f.amount) +
                " in deficit. The deficit is held in the separate DSG reserve (the statutory override, to "
                "March 2028), not in the council's general fund.");
        } else if (f.id == "dsg_deficit") {
            out.push_back("The DSG as a whole ends the year " + pounds(-f.amount) + " in deficit.");
        } else if (f.id == "deficit_over_5pct") {
            std::string name;
            const long i = census.index_of(std::stoll(f.subject));
            if (i >= 0) name = " " + census.name[static_cast<std::size_t>(i)];
            out.push_back("School " + f.subject + name + " has a deficit balance of " + pounds(-f.amount) +
                          ", more than 5% of its budget share.");
        } else if (f.id == "block_not_computed") {
            out.push_back(std::string("The ") + block_words(f.subject) + " is shown with its allocation (" +
                          pounds(f.amount) +
                          ") and no spend: the budget file gives no inputs for it. Its closing balance is "
                          "therefore not a forecast.");
        }
    }
    return out;
}

}  // namespace fundsim
