// Options for the early years block against a baseline (docs/early-years.md §8): each option calculated as
// `fundsim early-years` would (the base rate solved when its formula says so), each provider's year total
// against the baseline's, gainers and losers, and the block's figures under each option with their change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/compare/provider_tally.hpp"
#include "engine/early_years/early_years.hpp"

namespace fundsim {

// One calculation's inputs (read only during compare_early_years: each result keeps its own copies).
struct EyCase {
    std::string name, file;
    const EyFormula* formula = nullptr;
    const EyProviders* providers = nullptr;
    const EyHours* hours = nullptr;
};

// One provider under one option: the baseline's providers in file order, then providers only the option
// has. A provider absent from one side is paid 0 there.
struct EyProviderChange {
    std::string provider, name;  // id and name as in the providers file (the baseline's when in both)
    ProviderType type = ProviderType::pvi;
    bool in_baseline = false, in_option = false;
    double baseline = 0, option = 0;   // the year's total (EYPP and DAF included), to the penny
    double change = 0;                 // option − baseline, to the penny
    std::optional<double> change_pct;  // change / baseline; none when the baseline is 0
};

struct EyOptionResult {
    std::string name, file;
    EyResult result;
    std::vector<EyProviderChange> providers;
    ProviderTally tally;  // gaining, losing, unchanged, the largest gain and loss (rows of `providers`)
    // The block's figures against the baseline's (pennies): every provider payment, the headroom of the
    // balance, the amount passed through.
    std::int64_t payments_change = 0, headroom_change = 0, passed_change = 0;
    double three_four_rate_change = 0;  // £ per hour, to 6 decimals
};

struct EyComparison {
    std::string baseline_name, baseline_file;
    EyResult baseline;
    std::vector<EyOptionResult> options;
};

// Calculates the baseline and each option in order and compares each provider's year total by id.
EyComparison compare_early_years(const EyCase& baseline, const std::vector<EyCase>& options);

}  // namespace fundsim
