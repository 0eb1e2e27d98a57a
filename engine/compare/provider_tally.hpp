// Providers gaining and losing under one option of a block's comparison (docs/high-needs.md §6,
// docs/early-years.md §8): each row's change to the penny, the counts, the largest gain and loss, the sum.
#pragma once

#include <cstddef>
#include <optional>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

// A row's change: option − baseline to the penny, and change / baseline (none when the baseline is 0).
// `Row` has double baseline, option, change and std::optional<double> change_pct.
template <class Row>
void set_change(Row& row) {
    row.change = round_penny(row.option - row.baseline);
    if (row.baseline != 0) row.change_pct = row.change / row.baseline;
}

// A provider gains when its change is above 0, loses below, else is unchanged (whatever its amounts); the
// largest gain and loss are the first row in order on a tie; the total is the changes' exact sum.
struct ProviderTally {
    std::size_t gaining = 0, losing = 0, unchanged = 0;
    std::optional<std::size_t> largest_gain_row, largest_loss_row;
    double largest_gain = 0, largest_loss = 0;
    long long total_pennies = 0;

    void add(std::size_t row, double change) {
        if (change > 0) {
            ++gaining;
            if (!largest_gain_row || change > largest_gain) {
                largest_gain = change;
                largest_gain_row = row;
            }
        } else if (change < 0) {
            ++losing;
            if (!largest_loss_row || change < largest_loss) {
                largest_loss = change;
                largest_loss_row = row;
            }
        } else {
            ++unchanged;
        }
        if (!add_pennies(total_pennies, change)) fail("a provider's change is beyond any budget");
    }
    double total_change() const { return static_cast<double>(total_pennies) / 100.0; }
};

// The tally of rows in order (each with a `change`).
template <class Rows>
ProviderTally tally_changes(const Rows& rows) {
    ProviderTally t;
    for (std::size_t k = 0; k < rows.size(); ++k) t.add(k, rows[k].change);
    return t;
}

}  // namespace fundsim
