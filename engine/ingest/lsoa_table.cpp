// Building the LSOA table: open addressing on packed codes, grown by doubling at half full, then arrays
// for the letters whose codes are dense; the lookup file read as a CSV table with its codes checked once
// each.
#include "engine/ingest/lsoa_table.hpp"

#include <algorithm>

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::ingest_detail {

bool LsoaTable::insert(std::string_view code, int band) {
    const std::uint32_t k = pack(code);
    if (k == 0) return other_.emplace(std::string(code), static_cast<std::uint8_t>(band)).second;
    for (Dense& d : dense_) d = Dense{};
    if ((packed_ + 1) * 2 > capacity()) grow();
    std::uint32_t i = slot(k);
    for (; key_at(i) != 0; i = (i + 1) & mask_)
        if (key_at(i) == k) return false;
    put(i, k, static_cast<std::uint8_t>(band));
    ++packed_;
    return true;
}

void LsoaTable::grow() {
    const std::vector<std::uint8_t> old = std::move(slots_);
    const std::size_t old_n = old.size() / 5;
    const std::size_t n = old_n == 0 ? 1024 : old_n * 2;
    slots_.assign(5 * n, 0);
    mask_ = static_cast<std::uint32_t>(n - 1);
    shift_ = 32;
    for (std::size_t m = n; m > 1; m >>= 1) --shift_;
    for (std::size_t i = 0; i < old_n; ++i) {
        std::uint32_t k;
        std::memcpy(&k, old.data() + 5 * i, 4);
        if (k == 0) continue;
        std::uint32_t j = slot(k);
        while (key_at(j) != 0) j = (j + 1) & mask_;
        put(j, k, old[5 * i + 4]);
    }
}

void LsoaTable::compact() {
    constexpr std::uint32_t kPerLetter = 100000000;  // 10^8 packed codes a letter
    std::array<std::uint32_t, 26> lo, hi;
    std::array<std::size_t, 26> count{};
    lo.fill(~std::uint32_t{0});
    hi.fill(0);
    for (std::uint32_t i = 0; i < capacity(); ++i) {
        const std::uint32_t k = key_at(i);
        if (k == 0) continue;
        const std::size_t l = (k - 1) / kPerLetter;
        lo[l] = std::min(lo[l], k);
        hi[l] = std::max(hi[l], k);
        ++count[l];
    }
    for (std::size_t l = 0; l < 26; ++l) {
        dense_[l] = Dense{};
        // Dense when the array costs at most 16 bytes a code (the table costs 10).
        if (count[l] == 0 || hi[l] - lo[l] + std::size_t{1} > 16 * count[l]) continue;
        dense_[l].base = lo[l];
        dense_[l].band.assign(hi[l] - lo[l] + std::size_t{1}, kAbsent);
    }
    for (std::uint32_t i = 0; i < capacity(); ++i) {
        const std::uint32_t k = key_at(i);
        if (k == 0) continue;
        Dense& d = dense_[(k - 1) / kPerLetter];
        if (!d.band.empty()) d.band[k - d.base] = slots_[5 * std::size_t{i} + 4];
    }
}

namespace {
// The line a code first appears on, for the refusal of a duplicate: the file read again (a rare path; a
// map of every code's line cost a tenth of an LA's ingest).
std::int64_t first_line_of(const std::string& path, std::size_t column, std::string_view code) {
    std::int64_t first = 0;
    bool header = true;
    read_csv_file(path, [&](const CsvRecord& rec) {
        if (header) {
            header = false;
            return;
        }
        if (first == 0 && column < rec.fields.size() && trim(rec.fields[column]) == code) first = rec.line;
    });
    return first;
}
}  // namespace

LsoaTable load_lsoa_lookup(const std::string& path, const IdaciBands& bands) {
    LsoaTable table;
    std::size_t ci = 0, ri = 0;
    read_csv_table(
        path, {"a header lsoa,idaci_rank", "LSOA", "LSOAs"},
        [&](const CsvHeader& h, const CsvRecord&) {
            ci = static_cast<std::size_t>(h.require("lsoa", "the LSOA code"));
            ri =
                static_cast<std::size_t>(h.require("idaci_rank", "the LSOA's IDACI rank, 1 = most deprived"));
        },
        [&](const CsvRecord& rec) {
            const std::string_view code = trim(rec.fields[ci]);
            const std::string_view rank_text = rec.fields[ri];
            if (code.empty()) fail_at(path, rec.line, "lsoa", code, "is blank: each row needs an LSOA code");
            std::int64_t rank = 0;
            if (!parse_integer(rank_text, rank) || rank < 1)
                fail_at(path, rec.line, "idaci_rank", rank_text, "is not a rank (a whole number from 1)");
            if (!table.insert(code, bands.band_of(rank)))
                fail_at(path, rec.line, "lsoa", code,
                        "is a duplicate: the same LSOA is on line " +
                            std::to_string(first_line_of(path, ci, code)));
        });
    table.compact();
    return table;
}

}  // namespace fundsim::ingest_detail
