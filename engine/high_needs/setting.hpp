// The settings of high needs provision (docs/high-needs.md §1): what a provider is, which decides its place
// rate and its table of top-up bands.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace fundsim::hn {

enum class Setting { special, ap, sen_unit, resourced_provision, fe, independent, mainstream };

constexpr std::size_t kSettings = 7;
constexpr std::array<Setting, kSettings> kAllSettings = {
    Setting::special, Setting::ap,          Setting::sen_unit,  Setting::resourced_provision,
    Setting::fe,      Setting::independent, Setting::mainstream};

// The setting's name in files ("special", "resourced_provision", ...).
inline const char* to_string(Setting s) {
    switch (s) {
        case Setting::special:
            return "special";
        case Setting::ap:
            return "ap";
        case Setting::sen_unit:
            return "sen_unit";
        case Setting::resourced_provision:
            return "resourced_provision";
        case Setting::fe:
            return "fe";
        case Setting::independent:
            return "independent";
        case Setting::mainstream:
            return "mainstream";
    }
    return "?";
}

// The setting named `name`, or nothing.
inline std::optional<Setting> setting_named(std::string_view name) {
    for (Setting s : kAllSettings)
        if (name == to_string(s)) return s;
    return std::nullopt;
}

// "special, ap, sen_unit, resourced_provision, fe, independent or mainstream", for messages.
inline std::string setting_list() {
    std::string out;
    for (std::size_t k = 0; k < kSettings; ++k) {
        if (k) out += k + 1 == kSettings ? " or " : ", ";
        out += to_string(kAllSettings[k]);
    }
    return out;
}

// Mainstream schools and independent schools have no place funding: the top-up pays the rest
// (docs/high-needs.md §2).
inline bool has_place_funding(Setting s) { return s != Setting::mainstream && s != Setting::independent; }

inline std::size_t index_of(Setting s) { return static_cast<std::size_t>(s); }

}  // namespace fundsim::hn
