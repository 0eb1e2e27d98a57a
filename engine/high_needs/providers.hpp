// The providers file of high needs (docs/high-needs.md §1, hn-providers.csv): one row per provider the LA
// funds places in or pays top-ups to, read strictly (file, line, column and value in every error).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/high_needs/setting.hpp"

namespace fundsim::hn {

enum class FundedBy { la, dfe };
inline const char* to_string(FundedBy f) { return f == FundedBy::la ? "la" : "dfe"; }

struct Provider {
    std::int64_t urn = 0;
    std::string name;
    Setting setting = Setting::special;
    std::string la;                              // the provider's LA code
    double places_before = 0, places_after = 0;  // academic year ending in August / starting in September
    FundedBy funded_by = FundedBy::la;
    std::optional<double> topup_baseline_per_pupil;  // last year's average top-up, for the special MFG
    std::int64_t line = 0;                           // its line in the file, for messages
};

struct Providers {
    std::string file;
    std::vector<Provider> rows;  // file order
    std::unordered_map<std::int64_t, std::size_t> by_urn;

    // Index of the provider with this URN, or -1.
    long find(std::int64_t urn) const {
        auto it = by_urn.find(urn);
        return it == by_urn.end() ? -1 : static_cast<long>(it->second);
    }
};

// Reads hn-providers.csv. Columns urn, name, setting, la, places_before, places_after, funded_by and the
// optional topup_baseline_per_pupil, in any order (others are ignored).
Providers load_providers(const std::string& path);
// The same over a table in memory (one synth has made), named `name` in messages.
Providers providers_from_text(std::string_view text, const std::string& name);

}  // namespace fundsim::hn
