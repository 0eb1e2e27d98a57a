// The DSG position of the blocks (docs/la-budget.md §3).
#include "engine/budget/dsg_position.hpp"

#include "engine/budget/budget_file.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

namespace {

// Each column in whole pennies, so that in_year, closing and the total add up exactly.
struct Pence {
    long long v[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
};
constexpr int kOpen = 0, kAlloc = 1, kImport = 2, kDed = 3, kIn = 4, kOut = 5, kRecoup = 6, kSpend = 7,
              kInYear = 8, kClose = 9;

DsgRow to_row(const std::string& block, const Pence& p) {
    auto pounds = [&](int k) { return static_cast<double>(p.v[k]) / 100.0; };
    return {block,        pounds(kOpen),   pounds(kAlloc), pounds(kImport), pounds(kDed),  pounds(kIn),
            pounds(kOut), pounds(kRecoup), pounds(kSpend), pounds(kInYear), pounds(kClose)};
}

}  // namespace

DsgPosition dsg_position(const BlockFigures (&blocks)[4], const double (&opening)[4], double transfers_out,
                         double recoupment) {
    DsgPosition d;
    Pence total;
    for (int b = 0; b < 4; ++b) {
        const BlockFigures& f = blocks[b];
        if (f.block != kBlocks[b])
            fail_internal("dsg_position: block " + f.block + " in the place of " + kBlocks[b]);
        Pence p;
        p.v[kOpen] = whole_pennies(opening[b]);
        p.v[kAlloc] = whole_pennies(f.allocation);
        p.v[kImport] = whole_pennies(f.import_export);
        p.v[kDed] = whole_pennies(f.deductions);
        p.v[kIn] = whole_pennies(f.transfers_in);
        p.v[kOut] = b == 0 ? whole_pennies(transfers_out) : 0;  // only the schools block transfers out (§2)
        p.v[kRecoup] = b == 0 ? whole_pennies(recoupment) : 0;
        p.v[kSpend] = whole_pennies(f.spend);
        p.v[kInYear] =
            p.v[kAlloc] + p.v[kImport] + p.v[kIn] - p.v[kOut] - p.v[kDed] - p.v[kRecoup] - p.v[kSpend];
        p.v[kClose] = p.v[kOpen] + p.v[kInYear];
        for (int k = 0; k < 10; ++k) total.v[k] += p.v[k];
        d.rows.push_back(to_row(kBlocks[b], p));
        if (b == 2) d.high_needs_deficit = p.v[kClose] < 0;
    }
    d.total = to_row("total", total);
    return d;
}

}  // namespace fundsim
