// The summary `fundsim budget` prints (docs/la-budget.md §6): blocks, transfers, recoupment, reserve, flags.
#include <cstdio>

#include "engine/core/money.hpp"
#include "reports/budget_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

std::string cell(const std::string& s, int width) {
    std::string out = s;
    const auto w = static_cast<std::size_t>(width);
    if (out.size() < w) out.insert(0, w - out.size(), ' ');
    return out;
}

}  // namespace

std::string budget_summary_text(const LaBudget& b, const Census& census) {
    std::string out = "Budget: " + b.name + " (" + b.year + ")\n\n";
    // Each row adds up across (dsg.csv has every column apart): deducted is recoupment plus the DfE's
    // deductions for places it pays directly (high needs).
    out += "block          " + cell("opening", 19) + cell("allocation", 19) + cell("import/export", 16) +
           cell("transfers", 17) + cell("deducted", 19) + cell("spend", 19) + cell("closing", 19) + "\n";
    auto row = [&](const DsgRow& r) {
        std::string name = r.block;
        name.resize(15, ' ');
        long long deducted = 0;
        add_pennies(deducted, r.recoupment);
        add_pennies(deducted, r.deductions);
        out += name + cell(pounds(r.opening), 19) + cell(pounds(r.allocation), 19) +
               cell(pounds(r.import_export), 16) + cell(pounds(r.transfers_in - r.transfers_out), 17) +
               cell(pounds(static_cast<double>(deducted) / 100.0), 19) + cell(pounds(r.spend), 19) +
               cell(pounds(r.closing), 19) + "\n";
    };
    for (const auto& r : b.dsg.rows) row(r);
    row(b.dsg.total);
    out +=
        "(closing = opening + allocation + import/export + transfers − deducted − spend; deducted is academy "
        "recoupment and the DfE's deductions for the places it funds directly)\n";
    out += "\nTransfers out of the schools block: " + pounds(b.transfers.out) + " (" +
           percent_text(b.transfers.out_share, 3) + " of it)\n";
    for (const auto& t : b.transfers.lines)
        if (t.to != "schools")
            out += "  " + t.id + " to " + t.to + ": " + pounds(t.amount) +
                   (t.forum_agreed ? " (Forum agreed)" : " (not Forum agreed)") + "\n";
    out += "Recoupment: " + pounds(b.recoupment.total) +
           " (academies open all year: " + std::to_string(b.recoupment.academy_count) + ", " +
           pounds(b.recoupment.academies) +
           "; converting in the year: " + std::to_string(b.recoupment.converting_count) + ", " +
           pounds(b.recoupment.converting) + ")\n";
    if (b.has_balances)
        out += "Balance clawback (returns to the schools block): " + pounds(b.balance_clawback) + "\n";
    out += "Delegation rate: " + percent_text(b.s251.delegation_rate) + " (individual schools budget " +
           pounds(b.s251.isb) + " of " + pounds(b.s251.schools_budget) + ")\n";
    out += "DSG reserve: opening " + pounds(b.dsg.total.opening) + ", closing " +
           pounds(b.dsg.total.closing) + "\n";
    const std::vector<std::string> words = flag_words(b, census);
    out += words.empty() ? "Flags: none\n" : "Flags:\n";
    for (const auto& w : words) out += "  - " + w + "\n";
    return out;
}

}  // namespace fundsim
