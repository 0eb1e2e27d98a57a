// The early years entitlements and the three groups their base rates are set for (docs/early-years.md §1):
// names as the files spell them, and the group each entitlement is paid in.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace fundsim {

// The base-rate groups: under-2s, 2-year-olds, 3- and 4-year-olds.
enum class EyGroup { u2, two, three_four };
constexpr std::size_t kEyGroups = 3;
constexpr std::array<std::string_view, kEyGroups> kEyGroupNames = {"u2", "two", "three_four"};

// The entitlements an hours row is claimed under (docs/early-years.md §1).
enum class Entitlement { u2_working, two_support, two_working, three_four_universal, three_four_additional };
constexpr std::size_t kEntitlements = 5;
constexpr std::array<std::string_view, kEntitlements> kEntitlementNames = {
    "u2_working", "two_support", "two_working", "three_four_universal", "three_four_additional"};

inline std::size_t index_of(EyGroup g) { return static_cast<std::size_t>(g); }

// The group whose base rate pays an entitlement's hours.
inline EyGroup group_of(Entitlement e) {
    switch (e) {
        case Entitlement::u2_working:
            return EyGroup::u2;
        case Entitlement::two_support:
        case Entitlement::two_working:
            return EyGroup::two;
        case Entitlement::three_four_universal:
        case Entitlement::three_four_additional:
            break;
    }
    return EyGroup::three_four;
}

// Index of `name` in `names`, or -1: the one lookup of the early years' fixed vocabularies.
template <std::size_t N>
int name_index(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<int>(i);
    return -1;
}

}  // namespace fundsim
