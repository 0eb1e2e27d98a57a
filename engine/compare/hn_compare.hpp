// Options for the high needs block against a baseline (docs/high-needs.md §6): each option's calculation,
// each provider's total from the LA against the baseline's, gainers and losers, and the block's position
// under each option with its change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/high_needs/calculate.hpp"

namespace fundsim::hn {

// One calculation's inputs: they must outlive the comparison (its results point at them).
struct HnCase {
    std::string name, file;
    const HnFormula* formula = nullptr;
    const Providers* providers = nullptr;
    const Placements* placements = nullptr;
};

// One provider under one option: the baseline's provider rows in file order, then providers only the
// option has. A provider absent from one side gets 0 from the LA there.
struct HnProviderChange {
    std::int64_t urn = 0;
    std::string name;
    Setting setting = Setting::special;
    bool in_baseline = false, in_option = false;
    double baseline = 0, option = 0;   // total_from_la, to the penny
    double change = 0;                 // option − baseline, to the penny
    std::optional<double> change_pct;  // change / baseline; none when the baseline is 0
};

// The position under an option and its change against the baseline's (available and in_year only with
// an allocation).
struct HnPositionChange {
    std::optional<double> available, available_change, in_year, in_year_change;
    double spend = 0, spend_change = 0;
};

struct HnOptionResult {
    std::string name, file;
    HnResult result;
    std::vector<HnProviderChange> providers;
    std::size_t gaining = 0, losing = 0, unchanged = 0;
    // The largest gain and loss (the first provider in row order on a tie); urn 0 when none.
    std::int64_t largest_gain_urn = 0, largest_loss_urn = 0;
    std::string largest_gain_name, largest_loss_name;
    double largest_gain = 0, largest_loss = 0;
    double total_change = 0;  // Σ the providers' changes, exact
    HnPositionChange position;
};

struct HnComparison {
    std::string baseline_name, baseline_file;
    HnResult baseline;
    std::vector<HnOptionResult> options;
};

// Calculates the baseline and each option in order with the same allocation and transfers in, and
// compares each provider's total from the LA by URN.
HnComparison compare_high_needs(const HnCase& baseline, const std::vector<HnCase>& options,
                                const PositionInputs& position = {});

}  // namespace fundsim::hn
