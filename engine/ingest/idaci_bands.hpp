// The IDACI band cut-off file (docs/interfaces.md §4): the ranks that bound bands a..f, read from JSON data
// with their source, so that no cut-off is written in C++.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "engine/formula/formula.hpp"

namespace fundsim {

// IDACI rank cut-offs for bands a..f (docs/interfaces.md §4): a pupil's band is the first whose cut-off is ≥
// the rank of the pupil's LSOA; a rank above f's cut-off has no band. The values are data (a JSON file such
// as data/lookups/idaci-bands-2025-26.json), never written in C++.
struct IdaciBands {
    std::array<std::int64_t, 6> cutoff{};  // a..f, strictly increasing, ≥ 1
    std::string source;                    // where the cut-offs come from (required in the file)
    std::string file;
    static constexpr int kNone = 6;  // "band G": above f's cut-off, not funded
    // 0..5 for bands a..f, kNone above f's cut-off.
    int band_of(std::int64_t rank) const {
        for (int b = 0; b < 6; ++b)
            if (rank <= cutoff[static_cast<std::size_t>(b)]) return b;
        return kNone;
    }
};

IdaciBands parse_idaci_bands(const Json& doc, const std::string& file);
IdaciBands load_idaci_bands(const std::string& path);

}  // namespace fundsim
