// What the high needs calculation gives (docs/high-needs.md §2, §3): every line kept (per provider, per
// placement, each rounded to the penny), the totals as exact sums of those lines, and the block's position.
// It points at the formula, providers and placements it was computed from: they must outlive it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/high_needs/formula.hpp"
#include "engine/high_needs/placements.hpp"
#include "engine/high_needs/providers.hpp"

namespace fundsim::hn {

struct PlacementLine {
    std::size_t provider = 0;  // index into Providers::rows
    double annual = 0;         // the band's or the agreed rate
    bool agreed_rate = false;  // true when the placement's own rate was used
    OnRoll on_roll;            // months of 12 or days of the year
    double top_up = 0;         // annual × fte × share of the year, to the penny
};

// A provider's top-ups for one band (or one agreed rate), for its statement.
struct BandTotal {
    std::string band;  // the band's name; "" for an agreed rate
    double annual = 0;
    std::size_t placements = 0;
    double pupils_fte = 0;
    double fte_units = 0;  // Σ fte × months (or days) on roll
    double top_ups = 0;    // Σ the placements' rounded top-ups
};

struct ProviderLine {
    double place_funding = 0;  // rate × (places_before × 5/12 + places_after × 7/12), to the penny
    std::size_t placements = 0;
    double pupils_fte = 0;
    double top_ups = 0;            // Σ its placements' rounded top-ups (exact)
    double special_mfg = 0;        // to the penny; 0 without a baseline
    double total_from_la = 0;      // place funding when funded_by la, + top-ups + special MFG
    std::vector<BandTotal> bands;  // in order of first appearance
};

// The LA's high needs position for the year (docs/high-needs.md §2). Without an allocation the available
// money and the in-year position are not known (nullopt), never 0.
struct Position {
    std::optional<double> allocation;
    double import_export = 0;
    double transfers_in = 0;
    double dfe_place_deductions = 0;  // Σ place funding of providers funded_by dfe
    std::optional<double> available;
    double spend = 0;
    std::optional<double> in_year;
};

struct HnResult {
    const HnFormula* formula = nullptr;
    const Providers* providers = nullptr;
    const Placements* placements = nullptr;
    std::vector<ProviderLine> provider_lines;    // one per provider, in file order
    std::vector<PlacementLine> placement_lines;  // one per placement, in file order
    // Totals: exact sums of the rounded lines above.
    std::array<double, kSettings> place_funding_la{};   // paid by the LA, by setting
    std::array<double, kSettings> place_funding_dfe{};  // paid by the DfE and deducted, by setting
    std::array<double, kSettings> top_ups{};            // by the provider's setting
    double place_funding_la_total = 0, top_ups_total = 0;
    // Top-ups to providers in the LA (provider la = the formula's la) and outside it; nullopt when the
    // formula does not give its la.
    std::optional<double> top_ups_inside, top_ups_outside;
    double special_mfg_total = 0;
    double total_from_la = 0;                             // Σ providers' total_from_la
    std::vector<std::pair<std::string, double>> central;  // to the penny, formula order
    double central_total = 0;
    Position position;
};

}  // namespace fundsim::hn
