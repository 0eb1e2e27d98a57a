// The providers file of the early years block (docs/early-years.md §1): one row per provider with its id,
// name, type and area, and the provider-level columns the formula's per_provider supplements name.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/early_years/ey_formula.hpp"

namespace fundsim {

enum class ProviderType { nursery_school, school, pvi, childminder };
constexpr std::size_t kProviderTypes = 4;
constexpr std::array<std::string_view, kProviderTypes> kProviderTypeNames = {"nursery_school", "school",
                                                                             "pvi", "childminder"};

struct EyProviders {
    std::string file;
    std::vector<std::string> id, name, area;
    std::vector<ProviderType> type;
    // Per supplement of the formula (by index): the provider-level column of a per_provider supplement,
    // one value per provider; empty for per_hour supplements.
    std::vector<std::vector<double>> supplement_column;
    std::unordered_map<std::string, std::size_t> index;  // id → row

    std::size_t size() const { return id.size(); }
    // Appends a provider (readers and tests); false if the id is already there.
    bool add(std::string provider, std::string provider_name, ProviderType t, std::string provider_area);
};

// Reads and checks `path` against the formula: the key columns, a known type, unique non-blank ids, and a
// non-negative number in each column a per_provider supplement names (errors name file, line, column and
// value; docs/early-years.md §4).
EyProviders load_ey_providers(const std::string& path, const EyFormula& formula);

}  // namespace fundsim
