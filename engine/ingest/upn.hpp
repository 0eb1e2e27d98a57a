// Unique pupil numbers (UPNs), which never leave ingest: their shape, so that a UPN-like value is withheld
// from every message, and the keyed hash the duplicate check holds instead of the UPN itself.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace fundsim {

// True if `v` has the shape of a UPN (a letter, 11 digits, a digit or letter: 13 characters). Such a
// value is never echoed in a message, whatever column it was found in.
bool looks_like_upn(std::string_view v);

// A keyed 64-bit hash of a UPN. The key is drawn afresh for every run and never stored, so the hashes
// (which may reach a temporary file) cannot be matched against a list of UPNs. Inline: one a pupil.
inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

[[gnu::always_inline]] inline std::uint64_t upn_hash(std::string_view v, std::uint64_t key) {
    std::uint64_t h = key ^ (static_cast<std::uint64_t>(v.size()) * 0x9e3779b97f4a7c15ULL);
    std::size_t i = 0;
    for (; i + 8 <= v.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, v.data() + i, 8);
        h = mix64(h ^ w);
    }
    // The last bytes: the string's last 8 (overlapping the ones above) when it has 8, so that a UPN's tail
    // is one fixed-size load rather than a call to memcpy.
    std::uint64_t w = 0;
    if (i < v.size()) {
        if (v.size() >= 8)
            std::memcpy(&w, v.data() + v.size() - 8, 8);
        else
            for (std::size_t k = 0; k < v.size(); ++k)
                w |= static_cast<std::uint64_t>(static_cast<unsigned char>(v[k])) << (8 * k);
    }
    return mix64(h ^ w ^ (key >> 7));
}

}  // namespace fundsim
