// Building the LSOA table: open addressing on packed codes, grown by doubling at half full; the lookup
// file read as a CSV table with its codes checked once each.
#include "engine/ingest/lsoa_table.hpp"

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::ingest_detail {

bool LsoaTable::insert(std::string_view code, int band) {
    const std::uint32_t k = pack(code);
    if (k == 0) return other_.emplace(std::string(code), static_cast<std::uint8_t>(band)).second;
    if ((packed_ + 1) * 2 > keys_.size()) grow();
    std::uint32_t i = slot(k);
    for (; keys_[i] != 0; i = (i + 1) & mask_)
        if (keys_[i] == k) return false;
    keys_[i] = k;
    bands_[i] = static_cast<std::uint8_t>(band);
    ++packed_;
    return true;
}

void LsoaTable::grow() {
    std::vector<std::uint32_t> keys = std::move(keys_);
    std::vector<std::uint8_t> bands = std::move(bands_);
    const std::size_t n = keys.empty() ? 1024 : keys.size() * 2;
    keys_.assign(n, 0);
    bands_.assign(n, 0);
    mask_ = static_cast<std::uint32_t>(n - 1);
    shift_ = 32;
    for (std::size_t m = n; m > 1; m >>= 1) --shift_;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == 0) continue;
        std::uint32_t j = slot(keys[i]);
        while (keys_[j] != 0) j = (j + 1) & mask_;
        keys_[j] = keys[i];
        bands_[j] = bands[i];
    }
}

LsoaTable load_lsoa_lookup(const std::string& path, const IdaciBands& bands) {
    LsoaTable table;
    std::unordered_map<std::string, std::int64_t, SvHash, std::equal_to<>> first_line;  // for messages only
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
            auto [it, fresh] = first_line.emplace(std::string(code), rec.line);
            if (!fresh)
                fail_at(path, rec.line, "lsoa", code,
                        "is a duplicate: the same LSOA is on line " + std::to_string(it->second));
            table.insert(code, bands.band_of(rank));
        });
    return table;
}

}  // namespace fundsim::ingest_detail
