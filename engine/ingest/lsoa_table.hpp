// Internal to engine/ingest: the LSOA lookup (lsoa,idaci_rank), read into a compact table from LSOA code
// to IDACI band that a lookup per pupil can afford.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/ingest/idaci_bands.hpp"

namespace fundsim::ingest_detail {

// Hashes std::string keys by their text, so that a std::string_view finds them without a copy.
struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const noexcept { return std::hash<std::string_view>{}(v); }
};

// LSOA code → IDACI band, held compactly so that a lookup per pupil stays in the processor's cache (a
// node-based hash map of England's 32,844 codes is about 2 MB and made the lookup half of the ingest's
// time). A code of the usual shape, a capital letter and eight digits (E01012345, W01001234), is packed
// into 32 bits and kept in an open-addressing table of 5 bytes a slot (320 KB for England); any
// other code goes to an ordinary hash map.
class LsoaTable {
  public:
    static constexpr int kUnknown = -1;

    // 0..5 for bands a..f, IdaciBands::kNone above f's cut-off, kUnknown if the code is not in the table.
    // Inline: one a pupil.
    int band(std::string_view code) const {
        const std::uint32_t k = pack(code);
        if (k != 0) {
            const Dense& d = dense_[static_cast<std::size_t>(code[0] - 'A')];
            if (!d.band.empty()) {
                const std::uint32_t off = k - d.base;  // wraps to a large value below the base
                const std::uint8_t b = off < d.band.size() ? d.band[off] : kAbsent;
                return b == kAbsent ? kUnknown : b;
            }
            for (std::uint32_t i = slot(k);; i = (i + 1) & mask_) {
                const std::uint32_t at = key_at(i);
                if (at == k) return slots_[5 * std::size_t{i} + 4];
                if (at == 0) return kUnknown;
            }
        }
        auto it = other_.find(code);
        return it == other_.end() ? kUnknown : it->second;
    }

    // Adds a code; false if it was already there. Undoes compact().
    bool insert(std::string_view code, int band);
    // Once every code is in: the codes of each letter that lie close together (England's 32,844, from
    // E01000001, fill a range of about 33,000 numbers) are looked up by their number in an array of bands,
    // 33 KB that stay in the processor's cache where the 320 KB table missed it on most pupils.
    void compact();

    std::size_t size() const { return packed_ + other_.size(); }

  private:
    // 1 + letter × 10^8 + digits for [A-Z][0-9]{8}, else 0 (the largest, Z99999999, is below 2^32).
    static std::uint32_t pack(std::string_view c) {
        if (c.size() != 9 || c[0] < 'A' || c[0] > 'Z') return 0;
        const auto letter = static_cast<std::uint32_t>(c[0] - 'A');
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        // The eight digits at once (one a byte, the first lowest): every byte 0x30-0x39, then pairs, fours
        // and the eight combined with three multiplications.
        std::uint64_t w;
        std::memcpy(&w, c.data() + 1, 8);
        constexpr std::uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ULL, kZeros = 0x3030303030303030ULL;
        if ((w & kHigh) != kZeros || ((w + 0x0606060606060606ULL) & kHigh) != kZeros) return 0;
        w -= kZeros;
        w = w * 10 + (w >> 8);
        w = (((w & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
             (((w >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
            32;
        return letter * 100000000u + static_cast<std::uint32_t>(w) + 1;
#else
        std::uint32_t v = letter;
        for (std::size_t i = 1; i < 9; ++i) {
            const auto d = static_cast<std::uint32_t>(c[i] - '0');
            if (d > 9) return 0;
            v = v * 10 + d;
        }
        return v + 1;
#endif
    }
    std::uint32_t slot(std::uint32_t k) const { return (k * 0x9E3779B1u) >> shift_; }
    std::uint32_t key_at(std::uint32_t i) const {
        std::uint32_t k;
        std::memcpy(&k, slots_.data() + 5 * std::size_t{i}, 4);
        return k;
    }
    void put(std::uint32_t i, std::uint32_t k, std::uint8_t band) {
        std::memcpy(slots_.data() + 5 * std::size_t{i}, &k, 4);
        slots_[5 * std::size_t{i} + 4] = band;
    }
    std::size_t capacity() const { return slots_.size() / 5; }
    static constexpr std::uint8_t kAbsent = 0xFF;
    struct Dense {
        std::uint32_t base = 0;          // the letter's smallest packed code
        std::vector<std::uint8_t> band;  // band[code - base], kAbsent where no code is
    };
    void grow();

    // Slot i: the packed code (4 bytes, 0 = empty) then its band, side by side so that a lookup reads one
    // cache line, not one for the code and another for the band.
    std::vector<std::uint8_t> slots_;
    std::uint32_t mask_ = 0;
    int shift_ = 32;
    std::size_t packed_ = 0;
    std::unordered_map<std::string, std::uint8_t, SvHash, std::equal_to<>> other_;
    std::array<Dense, 26> dense_;  // by the code's letter; empty where the letter's codes are not dense
};

// Reads the LSOA lookup CSV (columns lsoa and idaci_rank; others ignored), each rank put in its band.
// Refuses, naming file and line: a blank code, a rank that is not a whole number from 1, a code twice,
// a ragged row, an empty file and a header with no rows.
LsoaTable load_lsoa_lookup(const std::string& path, const IdaciBands& bands);

}  // namespace fundsim::ingest_detail
