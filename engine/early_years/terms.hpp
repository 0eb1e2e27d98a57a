// The three terms of a financial year in the order they fall (docs/early-years.md §1): summer (April to
// August), autumn (September to December), spring (January to March).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace fundsim {

enum class Term { summer, autumn, spring };
constexpr std::size_t kTerms = 3;
constexpr std::array<std::string_view, kTerms> kTermNames = {"summer", "autumn", "spring"};

}  // namespace fundsim
