// Streaming aggregation of a pupil-level census into school counts (interfaces §4): one pass over the
// pupil file with a fixed block of counters per school, a duplicate check in bounded memory, the join.
#include "engine/ingest/ingest.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <unordered_map>

#include "engine/census/census.hpp"
#include "engine/io/csv_cell_reader.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/core/error.hpp"
#include "engine/core/number.hpp"

namespace fundsim {

// ---------------------------------------------------------------------------------------------------
// IDACI bands

IdaciBands parse_idaci_bands(const Json& doc, const std::string& file) {
    static const char* const kNames[6] = {"a", "b", "c", "d", "e", "f"};
    if (!doc.is_object())
        fail_json(file, "", "expected a JSON object with rank cut-offs a ... f and a source");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& k = it.key();
        bool known = k == "source" || k == "name" || k == "year" || k == "note" || k == "provisional";
        for (const char* n : kNames) known = known || k == n;
        if (!known)
            fail_json(
                file, "/" + k,
                "is not a known key: expected a, b, c, d, e, f (rank cut-offs), source, name, year, note, "
                "provisional");
    }
    IdaciBands b;
    b.file = file;
    if (!doc.contains("source") || !doc["source"].is_string() || doc["source"].get<std::string>().empty())
        fail_json(file, "/source", "is missing or blank: the file must say where its cut-offs come from");
    b.source = doc["source"].get<std::string>();
    for (std::size_t i = 0; i < 6; ++i) {
        const std::string path = std::string("/") + kNames[i];
        if (!doc.contains(kNames[i]))
            fail_json(file, path, "is missing: every band a ... f needs a rank cut-off");
        const Json& v = doc[kNames[i]];
        if (!v.is_number_integer()) fail_json(file, path, "is not a whole number (an IDACI rank)");
        const std::int64_t c = v.get<std::int64_t>();
        if (c < 1) fail_json(file, path, "is below 1: ranks start at 1 (the most deprived LSOA)");
        if (i > 0 && c <= b.cutoff[i - 1])
            fail_json(file, path,
                      "is not above band " + std::string(kNames[i - 1]) + "'s cut-off (" +
                          std::to_string(b.cutoff[i - 1]) + "): cut-offs must rise from a to f");
        b.cutoff[i] = c;
    }
    return b;
}

IdaciBands load_idaci_bands(const std::string& path) { return parse_idaci_bands(read_json_file(path), path); }

bool looks_like_upn(std::string_view v) {
    v = trim(v);
    if (v.size() != 13) return false;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!letter(v[0])) return false;
    for (std::size_t i = 1; i < 12; ++i)
        if (!digit(v[i])) return false;
    return digit(v[12]) || letter(v[12]);
}

const char* to_string(SetAsideReason r) {
    switch (r) {
        case SetAsideReason::ragged_row:
            return "ragged row";
        case SetAsideReason::blank_upn:
            return "blank upn";
        case SetAsideReason::bad_urn:
            return "malformed urn";
        case SetAsideReason::bad_nc_year:
            return "unknown nc_year";
        case SetAsideReason::bad_enrolment:
            return "unknown enrolment";
        case SetAsideReason::bad_flag:
            return "malformed flag";
        case SetAsideReason::bad_date:
            return "malformed entry_date";
        case SetAsideReason::unknown_lsoa:
            return "unknown lsoa";
        case SetAsideReason::unknown_school:
            return "urn not in the school file";
        case SetAsideReason::duplicate_pupil:
            return "pupil counted twice";
    }
    return "?";
}

namespace {

// ---------------------------------------------------------------------------------------------------
// Layout of one school's counters (all whole pupils).

constexpr int kYears = 12;  // R, Y1 ... Y11: the year groups the schools block funds (interfaces §4)
enum Flag { kFsm, kFsm6, kEal3, kLpa, kPpEver6, kPpPlac, kPpService, kFlags };
const char* const kFlagNames[kFlags] = {"fsm", "fsm6", "eal3", "lpa", "pp_ever6", "pp_plac", "pp_service"};
// Measures held per key-stage group (primary R-Y6, secondary Y7-Y11), in output order.
enum Measure { mFsm, mFsm6, mIdaciA, mLpa = mIdaciA + 6, mEal3, mMobility, mPpEver6, kMeasures };
constexpr int kMeasureBase = kYears;
constexpr int kPpPlacAt = kMeasureBase + 2 * kMeasures, kPpServiceAt = kPpPlacAt + 1;
constexpr int kCounters = kPpServiceAt + 1;
constexpr int at(int measure, int group) { return kMeasureBase + 2 * measure + group; }
// Flag → measure (the two pupil premium flags that are not per group are handled apart).
constexpr int kFlagMeasure[kFlags] = {mFsm, mFsm6, mEal3, mLpa, mPpEver6, -1, -1};

const char* const kYearColumns[kYears] = {"nor_r",  "nor_y1", "nor_y2", "nor_y3", "nor_y4",  "nor_y5",
                                          "nor_y6", "nor_y7", "nor_y8", "nor_y9", "nor_y10", "nor_y11"};

void append_uint(std::string& out, std::uint64_t v) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v);
    out.append(b, r.ptr);
}

std::string with_commas(std::int64_t v) {
    std::string d = std::to_string(v < 0 ? -v : v), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return (v < 0 ? "-" : "") + out;
}

// ---------------------------------------------------------------------------------------------------
// Duplicate check in bounded memory.

// A keyed 64-bit hash of a UPN. The key is drawn afresh for every run and never stored, so the hashes
// (which may reach a temporary file) cannot be matched against a list of UPNs.
std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

std::uint64_t upn_hash(std::string_view v, std::uint64_t key) {
    std::uint64_t h = key ^ (static_cast<std::uint64_t>(v.size()) * 0x9e3779b97f4a7c15ULL);
    std::size_t i = 0;
    for (; i + 8 <= v.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, v.data() + i, 8);
        h = mix64(h ^ w);
    }
    std::uint64_t w = 0;
    std::memcpy(&w, v.data() + i, v.size() - i);
    return mix64(h ^ w ^ (key >> 7));
}

// The set of hashes of counted pupils' UPNs, to find hash values seen twice. Up to `memory_entries`
// hashes are held in memory (8 bytes each); past that, every hash goes to one of 256 buckets by its top
// byte, each bucket buffered in 4 KB and written in chunks to one anonymous temporary file (unlinked as
// soon as it is made, so nothing is left behind even after a crash). At the end each bucket (about
// 1/256 of the pupils) is read back and sorted on its own. Memory is therefore flat in the number of
// pupils: the in-memory limit, 1 MB of bucket buffers, one bucket, and a 16-byte index entry per chunk
// of 512 pupils.
class UpnHashSet {
  public:
    UpnHashSet(std::size_t memory_entries, std::string temp_dir)
        : cap_(std::max<std::size_t>(memory_entries, 1)), temp_dir_(std::move(temp_dir)) {}
    ~UpnHashSet() {
        if (fd_ >= 0) ::close(fd_);
    }
    UpnHashSet(const UpnHashSet&) = delete;
    UpnHashSet& operator=(const UpnHashSet&) = delete;

    void add(std::uint64_t h) {
        if (!spilled_) {
            mem_.push_back(h);
            if (mem_.size() >= cap_) spill();
            return;
        }
        put(h);
    }
    bool spilled() const { return spilled_; }

    // Hash values added more than once, ascending.
    std::vector<std::uint64_t> repeated() {
        std::vector<std::uint64_t> rep;
        auto scan = [&rep](std::vector<std::uint64_t>& v) {
            std::sort(v.begin(), v.end());
            for (std::size_t i = 1; i < v.size(); ++i)
                if (v[i] == v[i - 1] && (rep.empty() || rep.back() != v[i])) rep.push_back(v[i]);
        };
        if (!spilled_) {
            scan(mem_);
            return rep;
        }
        for (std::size_t b = 0; b < kBuckets; ++b)
            if (fill_[b] > 0) flush(b);
        std::vector<std::uint64_t> v;
        for (std::size_t b = 0; b < kBuckets; ++b) {
            v.clear();
            for (const Chunk& c : chunks_[b]) {
                const std::size_t at = v.size();
                v.resize(at + c.n);
                read_all(v.data() + at, c.n * sizeof(std::uint64_t), c.offset);
            }
            scan(v);
        }
        return rep;
    }

  private:
    static constexpr std::size_t kBuckets = 256, kChunk = 512;
    struct Chunk {
        std::int64_t offset;
        std::size_t n;
    };

    std::string dir() const {
        if (!temp_dir_.empty()) return temp_dir_;
        std::error_code ec;
        auto p = std::filesystem::temp_directory_path(ec);
        return ec ? std::string("/tmp") : p.string();
    }

    void spill() {
        std::string path = dir() + "/fundsim-upn-XXXXXX";
        fd_ = ::mkstemp(path.data());
        if (fd_ < 0)
            fail("cannot make a temporary file in " + dir() +
                 " for the duplicate-pupil check: " + std::strerror(errno));
        ::unlink(path.c_str());
        // 1 MB, not cleared: put() writes each slot before flush() reads it.
        buf_ = std::make_unique_for_overwrite<std::uint64_t[]>(kBuckets * kChunk);
        fill_.assign(kBuckets, 0);
        chunks_.assign(kBuckets, {});
        spilled_ = true;
        for (std::uint64_t h : mem_) put(h);
        std::vector<std::uint64_t>().swap(mem_);  // give the memory back
    }

    void put(std::uint64_t h) {
        const std::size_t b = static_cast<std::size_t>(h >> 56);
        buf_[b * kChunk + fill_[b]] = h;
        if (++fill_[b] == kChunk) flush(b);
    }

    void flush(std::size_t b) {
        const std::size_t bytes = fill_[b] * sizeof(std::uint64_t);
        const char* p = reinterpret_cast<const char*>(buf_.get() + b * kChunk);
        std::size_t done = 0;
        while (done < bytes) {
            ssize_t w = ::pwrite(fd_, p + done, bytes - done,
                                 static_cast<off_t>(end_ + static_cast<std::int64_t>(done)));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0)
                fail("cannot write the duplicate-pupil check's temporary file in " + dir() + ": " +
                     std::strerror(errno) + " (is the disk full?)");
            done += static_cast<std::size_t>(w);
        }
        chunks_[b].push_back({end_, fill_[b]});
        end_ += static_cast<std::int64_t>(bytes);
        fill_[b] = 0;
    }

    void read_all(std::uint64_t* dst, std::size_t bytes, std::int64_t offset) {
        char* p = reinterpret_cast<char*>(dst);
        std::size_t done = 0;
        while (done < bytes) {
            ssize_t r = ::pread(fd_, p + done, bytes - done,
                                static_cast<off_t>(offset + static_cast<std::int64_t>(done)));
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0)
                fail("cannot read back the duplicate-pupil check's temporary file: " +
                     std::string(std::strerror(errno)));
            done += static_cast<std::size_t>(r);
        }
    }

    std::size_t cap_;
    std::string temp_dir_;
    bool spilled_ = false;
    std::vector<std::uint64_t> mem_;
    int fd_ = -1;
    std::unique_ptr<std::uint64_t[]> buf_;
    std::vector<std::size_t> fill_;
    std::vector<std::vector<Chunk>> chunks_;
    std::int64_t end_ = 0;
};

// ---------------------------------------------------------------------------------------------------
// Inputs other than the pupil file.

struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const noexcept { return std::hash<std::string_view>{}(v); }
};

// LSOA code → IDACI band, held compactly so that a lookup per pupil stays in the processor's cache (a
// node-based hash map of England's 32,844 codes is about 2 MB and made the lookup half of the ingest's
// time). A code of the usual shape, a capital letter and eight digits (E01012345, W01001234), is packed
// into 32 bits and kept in an open-addressing table of 5 bytes a slot (about 320 KB for England); any
// other code goes to an ordinary hash map.
class LsoaTable {
  public:
    static constexpr int kUnknown = -1;

    // 0..5 for bands a..f, IdaciBands::kNone above f's cut-off, kUnknown if the code is not in the table.
    int band(std::string_view code) const {
        const std::uint32_t k = pack(code);
        if (k != 0) {
            for (std::uint32_t i = slot(k);; i = (i + 1) & mask_) {
                if (keys_[i] == k) return bands_[i];
                if (keys_[i] == 0) return kUnknown;
            }
        }
        auto it = other_.find(code);
        return it == other_.end() ? kUnknown : it->second;
    }

    // Adds a code; false if it was already there.
    bool insert(std::string_view code, int band) {
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

    std::size_t size() const { return packed_ + other_.size(); }

  private:
    // 1 + letter × 10^8 + digits for [A-Z][0-9]{8}, else 0 (the largest, Z99999999, is below 2^32).
    static std::uint32_t pack(std::string_view c) {
        if (c.size() != 9 || c[0] < 'A' || c[0] > 'Z') return 0;
        std::uint32_t v = static_cast<std::uint32_t>(c[0] - 'A');
        for (std::size_t i = 1; i < 9; ++i) {
            const auto d = static_cast<std::uint32_t>(c[i] - '0');
            if (d > 9) return 0;
            v = v * 10 + d;
        }
        return v + 1;
    }
    std::uint32_t slot(std::uint32_t k) const { return (k * 0x9E3779B1u) >> shift_; }
    void grow() {
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

    std::vector<std::uint32_t> keys_;
    std::vector<std::uint8_t> bands_;
    std::uint32_t mask_ = 0;
    int shift_ = 32;
    std::size_t packed_ = 0;
    std::unordered_map<std::string, std::uint8_t, SvHash, std::equal_to<>> other_;
};

LsoaTable load_lsoa_lookup(const std::string& path, const IdaciBands& bands) {
    LsoaTable table;
    std::unordered_map<std::string, std::int64_t, SvHash, std::equal_to<>> first_line;  // for messages only
    CsvHeader h;
    int ci = -1, ri = -1;
    bool have_header = false;
    std::int64_t header_line = 0;
    read_csv_file(path, [&](const CsvRecord& rec) {
        if (!have_header) {
            h = CsvHeader(rec, path);
            ci = h.require("lsoa", "the LSOA code");
            ri = h.require("idaci_rank", "the LSOA's IDACI rank, 1 = most deprived");
            have_header = true;
            header_line = rec.line;
            return;
        }
        if (rec.fields.size() != h.size()) {
            Where w;
            w.file = path;
            w.line = rec.line;
            throw InputError(w, "has " + std::to_string(rec.fields.size()) + " fields but the header has " +
                                    std::to_string(h.size()) + " (a ragged row)");
        }
        const std::string_view code = trim(rec.fields[static_cast<std::size_t>(ci)]);
        const std::string_view rank_text = rec.fields[static_cast<std::size_t>(ri)];
        if (code.empty())
            fail_at(path, rec.line, "lsoa", std::string(code), "is blank: each row needs an LSOA code");
        std::int64_t rank = 0;
        if (!parse_integer(rank_text, rank) || rank < 1)
            fail_at(path, rec.line, "idaci_rank", std::string(rank_text),
                    "is not a rank (a whole number from 1)");
        auto [it, fresh] = first_line.emplace(std::string(code), rec.line);
        if (!fresh)
            fail_at(path, rec.line, "lsoa", std::string(code),
                    "is a duplicate: the same LSOA is on line " + std::to_string(it->second));
        table.insert(code, bands.band_of(rank));
    });
    if (!have_header) {
        Where w;
        w.file = path;
        w.line = 1;
        throw InputError(w, "is empty: expected a header lsoa,idaci_rank and one row per LSOA");
    }
    if (table.size() == 0) {
        Where w;
        w.file = path;
        w.line = header_line + 1;
        throw InputError(w, "has a header (line " + std::to_string(header_line) +
                                ") but no LSOAs: expected one row per LSOA after it");
    }
    return table;
}

// School attributes, kept as text and written back unchanged (interfaces §1 columns other than counts).
// The cells are kept back to back in one string (a national file has some 400,000 of them).
struct SchoolTable {
    std::vector<std::string> columns;
    std::string text;                 // every cell, row after row
    std::vector<std::uint32_t> ends;  // end of each cell in `text`, row-major
    std::vector<std::int64_t> urn, line;
    std::unordered_map<std::int64_t, std::int32_t> index;
    std::size_t size() const { return urn.size(); }
    std::string_view cell(std::size_t row, std::size_t column) const {
        const std::size_t k = row * columns.size() + column;
        const std::size_t begin = k == 0 ? 0 : ends[k - 1];
        return std::string_view(text).substr(begin, ends[k] - begin);
    }
};

SchoolTable load_school_table(const std::string& path, const std::vector<std::string>& computed) {
    SchoolTable t;
    CsvHeader h;
    int ui = -1, pi = -1, si = -1;
    bool have_header = false;
    std::int64_t header_line = 0;
    read_csv_file(path, [&](const CsvRecord& rec) {
        if (!have_header) {
            h = CsvHeader(rec, path);
            ui = h.require("urn", "the key joined to the pupil file");
            pi = h.require("phase", "every census needs it");
            si = h.require("status", "every census needs it");
            for (const auto& c : computed)
                if (h.find(c) >= 0) {
                    Where w;
                    w.file = path;
                    w.line = rec.line;
                    w.column = c;
                    throw InputError(
                        w, "is counted from the pupil file by ingest: remove it from the school file");
                }
            t.columns = h.names();
            have_header = true;
            header_line = rec.line;
            return;
        }
        if (rec.fields.size() != h.size()) {
            Where w;
            w.file = path;
            w.line = rec.line;
            throw InputError(w, "has " + std::to_string(rec.fields.size()) + " fields but the header has " +
                                    std::to_string(h.size()) + " (a ragged row)");
        }
        const std::string_view u = rec.fields[static_cast<std::size_t>(ui)];
        std::int64_t urn = 0;
        if (!parse_integer(u, urn) || urn <= 0)
            fail_at(path, rec.line, "urn", std::string(u), "is not a positive whole number");
        const auto row = static_cast<std::int32_t>(t.urn.size());
        auto [it, fresh] = t.index.emplace(urn, row);
        if (!fresh)
            fail_at(path, rec.line, "urn", std::string(u),
                    "is a duplicate: the same URN is on line " +
                        std::to_string(t.line[static_cast<std::size_t>(it->second)]));
        Phase ph;
        Status st;
        if (!parse_phase(rec.fields[static_cast<std::size_t>(pi)], ph))
            fail_at(path, rec.line, "phase", std::string(rec.fields[static_cast<std::size_t>(pi)]),
                    "is not a phase: expected primary, secondary, middle or all_through");
        if (!parse_status(rec.fields[static_cast<std::size_t>(si)], st))
            fail_at(path, rec.line, "status", std::string(rec.fields[static_cast<std::size_t>(si)]),
                    "is not a status: expected maintained or academy");
        t.urn.push_back(urn);
        t.line.push_back(rec.line);
        for (auto f : rec.fields) {
            t.text.append(f);
            if (t.text.size() > 0xFFFFFFFFu)
                fail(path + ": the school file is implausibly large (over 4 GB)");
            t.ends.push_back(static_cast<std::uint32_t>(t.text.size()));
        }
    });
    if (!have_header) {
        Where w;
        w.file = path;
        w.line = 1;
        throw InputError(w, "is empty: expected a header row and one row per school");
    }
    if (t.size() == 0) {
        Where w;
        w.file = path;
        w.line = header_line + 1;
        throw InputError(w, "has a header (line " + std::to_string(header_line) +
                                ") but no schools: expected one row per school after it");
    }
    return t;
}

// ---------------------------------------------------------------------------------------------------
// The pupil file.

// The pupil file is read cell by cell, each cell handed to the sink in place (pointer and length, as
// libcsv gives it) instead of being copied into a record, which is what lets a national extract be read
// at well over 100 MB/s. No message quotes the file's text: any cell may hold a pupil's identifier.
constexpr bool kQuoteTextInErrors = false;

// Spaces around a cell are allowed; most cells have none, so the ends are looked at first.
[[gnu::always_inline]] inline std::string_view trimmed(std::string_view v) {
    if (v.empty() || (v.front() != ' ' && v.front() != '\t' && v.back() != ' ' && v.back() != '\t')) return v;
    return trim(v);
}

enum class Role : std::uint8_t { none, upn, urn, nc_year, enrolment, lsoa, entry_date, flag };

struct PupilColumns {
    int upn = -1, urn = -1, nc_year = -1, enrolment = -1, lsoa = -1, entry_date = -1;
    std::array<int, kFlags> flag{};
    std::size_t count = 0;
    std::vector<Role> role;             // per column of the file
    std::vector<std::uint8_t> flag_of;  // per column: which flag, for Role::flag
};

enum class RowKind { counted, nursery, post16, subsidiary, guest, bad };

// One pupil's effect on its school's counters; a plain value, reused for every row.
struct PupilRow {
    std::int32_t school = -1;
    int year = 0;   // 0 = Reception ... 11
    int group = 0;  // 0 primary (R-Y6), 1 secondary (Y7-Y11)
    std::array<std::uint8_t, kFlags> flag{};
    int band = -1;  // 0..5 = a..f; -1 none (blank LSOA, or ranked above f's cut-off)
    bool no_lsoa = false, above_f = false, mobile = false, after_census = false;
};

struct Problem {
    SetAsideReason reason{};
    std::string column, value, detail;
    bool has_value = false;
};

Where where_of(const std::string& file, std::int64_t line, const Problem& p) {
    Where w;
    w.file = file;
    w.line = line;
    w.column = p.column;
    w.value = p.value;
    w.has_value = p.has_value;
    return w;
}

// A counted row whose UPN hash was seen twice: its UPN is held (in memory only) for the exact comparison.
struct Suspect {
    std::string upn;
    std::int64_t line;
    PupilRow row;
};

// Receives the pupil file cell by cell and keeps the counters of every school. Nothing about a pupil
// outlives its row except the keyed hash of its UPN (in the duplicate check).
class PupilSink {
  public:
    enum class Mode { count, find_suspects };

    PupilSink(const IngestOptions& opt, const SchoolTable& schools, IngestSummary& sum, Mode mode)
        : opt_(opt), schools_(schools), sum_(sum), mode_(mode) {
        three_years_before_ = opt.census_date - 30000;  // yyyymmdd: the same day three years earlier
    }

    std::function<void(const CsvRecord&)> on_header;       // reads the header, then calls start()
    std::uint64_t key = 0;                                 // of the UPN hashes
    UpnHashSet* seen = nullptr;                            // Mode::count: every counted pupil's UPN hash
    const std::vector<std::uint64_t>* repeated = nullptr;  // Mode::find_suspects: hashes seen twice
    std::vector<Suspect> suspects;

    void start(const PupilColumns* cols, const LsoaTable* lsoa) {
        cols_ = cols;
        lsoa_ = lsoa;
        if (mode_ == Mode::count) counts_.assign(schools_.size() * kCounters, 0);
    }

    void cell(std::size_t i, std::string_view v) {
        if (cols_ == nullptr) {
            header_.emplace_back(v);
            return;
        }
        if (i >= cols_->role.size() || bad_) return;  // an extra cell (a ragged row, found at the end)
        switch (cols_->role[i]) {
            case Role::none:
                break;
            case Role::upn: {
                v = trimmed(v);
                if (v.empty())
                    return problem(SetAsideReason::blank_upn, "upn", "", false,
                                   "is blank: every pupil needs a UPN so that no pupil is counted twice");
                hash_ = upn_hash(v, key);
                if (mode_ == Mode::find_suspects) upn_.assign(v);
                break;
            }
            case Role::nc_year: {
                // N1, N2, R, 1 ... 14 (interfaces §4).
                v = trimmed(v);
                year_ = -1;
                nursery_ = false;
                if (v.size() == 1) {
                    if (v[0] == 'R' || v[0] == 'r')
                        year_ = 0;
                    else if (v[0] >= '1' && v[0] <= '9')
                        year_ = v[0] - '0';
                } else if (v.size() == 2) {
                    if ((v[0] == 'N' || v[0] == 'n') && (v[1] == '1' || v[1] == '2'))
                        nursery_ = true;
                    else if (v[0] == '1' && v[1] >= '0' && v[1] <= '4')
                        year_ = 10 + (v[1] - '0');
                }
                if (year_ < 0 && !nursery_)
                    return problem(SetAsideReason::bad_nc_year, "nc_year", v, true,
                                   "is not a year group: expected N1, N2, R or 1 to 14");
                break;
            }
            case Role::enrolment: {
                // C single, M main dual, S subsidiary dual, G guest; blank means C.
                v = trimmed(v);
                if (v.empty()) break;
                const char c = v.size() == 1 ? static_cast<char>(v[0] & ~0x20) : '?';
                if (c != 'C' && c != 'M' && c != 'S' && c != 'G')
                    return problem(SetAsideReason::bad_enrolment, "enrolment", v, true,
                                   "is not an enrolment status: expected C, M, S or G (blank means C)");
                enrol_ = c;
                break;
            }
            case Role::flag: {
                const std::uint8_t k = cols_->flag_of[i];
                v = trimmed(v);
                if (v.size() != 1 || (v[0] != '0' && v[0] != '1'))
                    return problem(
                        SetAsideReason::bad_flag, kFlagNames[k], v, true,
                        v.empty() ? "is blank: expected 0 or 1" : "is not a flag: expected 0 or 1");
                row_.flag[k] = static_cast<std::uint8_t>(v[0] - '0');
                break;
            }
            case Role::entry_date: {
                if (!parse_iso_date(v, entry_))
                    return problem(SetAsideReason::bad_date, "entry_date", trimmed(v), true,
                                   trimmed(v).empty()
                                       ? "is blank: expected the date the pupil joined, YYYY-MM-DD"
                                       : "is not a date: expected YYYY-MM-DD (a real calendar date)");
                break;
            }
            case Role::urn: {
                // Rows of one school usually come together, so the last URN is remembered.
                if (have_last_urn_ && v == last_urn_text_) break;
                std::int64_t urn = 0;
                if (!parse_integer(v, urn) || urn <= 0) {
                    have_last_urn_ = false;
                    return problem(SetAsideReason::bad_urn, "urn", trimmed(v), true,
                                   "is not a URN (a positive whole number)");
                }
                last_urn_text_.assign(v);
                have_last_urn_ = true;
                auto it = schools_.index.find(urn);
                last_school_ = it == schools_.index.end() ? -1 : it->second;
                break;
            }
            case Role::lsoa: {
                // Looked up now; an unknown code matters only if the pupil counts (decided at the row's end).
                v = trimmed(v);
                lsoa_band_ = -1;
                lsoa_state_ = LsoaState::found;
                if (v.empty()) {
                    lsoa_state_ = LsoaState::blank;
                    break;
                }
                lsoa_band_ = lsoa_->band(v);
                if (lsoa_band_ == LsoaTable::kUnknown) {
                    lsoa_state_ = LsoaState::unknown;
                    unknown_lsoa_.assign(v);
                }
                break;
            }
        }
    }

    void end(std::int64_t line, std::size_t cells) {
        if (cols_ == nullptr) {
            CsvRecord rec;
            rec.line = line;
            for (const auto& h : header_) rec.fields.emplace_back(h);
            on_header(rec);
            return;
        }
        const RowKind kind = finish(cells);
        if (mode_ == Mode::count) {
            ++sum_.rows_read;
            switch (kind) {
                case RowKind::counted:
                    add(row_, 1);
                    seen->add(hash_);
                    ++sum_.counted;
                    sum_.no_lsoa += row_.no_lsoa;
                    sum_.above_band_f += row_.above_f;
                    sum_.entry_after_census += row_.after_census;
                    sum_.fsm_not_fsm6 += fsm_not_fsm6(row_);
                    break;
                case RowKind::nursery:
                    ++sum_.skipped_nursery;
                    break;
                case RowKind::post16:
                    ++sum_.skipped_post16;
                    break;
                case RowKind::subsidiary:
                    ++sum_.skipped_subsidiary;
                    break;
                case RowKind::guest:
                    ++sum_.skipped_guest;
                    break;
                case RowKind::bad:
                    if (!opt_.set_aside)
                        throw InputError(where_of(opt_.pupils, line, problem_), problem_.detail);
                    sum_.set_aside.push_back(
                        {line, problem_.reason, format_error(where_of("", 0, problem_), problem_.detail)});
                    break;
            }
        } else if (kind == RowKind::counted &&
                   std::binary_search(repeated->begin(), repeated->end(), hash_)) {
            suspects.push_back({upn_, line, row_});
        }
        // The next row starts clean.
        bad_ = false;
        enrol_ = 'C';
        row_.flag = {};
        lsoa_state_ = LsoaState::blank;
        lsoa_band_ = -1;
        entry_ = 0;
        upn_.clear();
    }

    // Adds (sign 1) or removes (sign -1) one counted pupil.
    void add(const PupilRow& r, int sign) {
        std::uint32_t* c = counts_.data() + static_cast<std::size_t>(r.school) * kCounters;
        const auto s = static_cast<std::uint32_t>(sign);
        c[r.year] += s;
        for (int k = 0; k < kFlags; ++k)
            if (kFlagMeasure[k] >= 0)
                c[at(kFlagMeasure[k], r.group)] += r.flag[static_cast<std::size_t>(k)] * s;
        c[kPpPlacAt] += r.flag[kPpPlac] * s;
        c[kPpServiceAt] += r.flag[kPpService] * s;
        if (r.band >= 0) c[at(mIdaciA + r.band, r.group)] += s;
        if (r.mobile) c[at(mMobility, r.group)] += s;
    }

    // Takes a duplicate row out of the counts and of the summary's notes.
    void remove(const PupilRow& r) {
        add(r, -1);
        --sum_.counted;
        sum_.no_lsoa -= r.no_lsoa;
        sum_.above_band_f -= r.above_f;
        sum_.entry_after_census -= r.after_census;
        sum_.fsm_not_fsm6 -= fsm_not_fsm6(r);
    }

    const std::uint32_t* counts(std::size_t school) const { return counts_.data() + school * kCounters; }

  private:
    enum class LsoaState : std::uint8_t { blank, found, unknown };

    int fsm_not_fsm6(const PupilRow& r) const {
        return cols_->flag[kFsm] >= 0 && cols_->flag[kFsm6] >= 0 && r.flag[kFsm] && !r.flag[kFsm6] ? 1 : 0;
    }

    // Out of line and marked cold: bad rows are rare, and keeping the message building out of cell()
    // keeps the per-cell call cheap.
    [[gnu::cold, gnu::noinline]] void problem(SetAsideReason reason, const char* column,
                                              std::string_view value, bool show, const char* detail) {
        problem(reason, column, value, show, std::string(detail));
    }
    [[gnu::cold, gnu::noinline]] void problem(SetAsideReason reason, const char* column,
                                              std::string_view value, bool show, std::string detail) {
        bad_ = true;
        problem_.reason = reason;
        problem_.column = column;
        // A value shaped like a UPN is withheld whatever its column (a file with swapped columns).
        problem_.has_value = show && !looks_like_upn(value);
        problem_.value = problem_.has_value ? std::string(value) : std::string();
        problem_.detail = std::move(detail);
        if (show && !problem_.has_value) problem_.detail += " (value withheld: it has the shape of a UPN)";
    }

    RowKind finish(std::size_t cells) {
        if (cells != cols_->count) {
            bad_ = true;
            problem_ = {SetAsideReason::ragged_row, "", "", "", false};
            problem_.detail = "has " + std::to_string(cells) + " fields but the header has " +
                              std::to_string(cols_->count) + " (a ragged row)";
            return RowKind::bad;
        }
        if (bad_) return RowKind::bad;
        // Only Reception to Year 11 on a C or M enrolment count (interfaces §4); the others are reported
        // and skipped, and the lookups below matter only for pupils that count.
        if (nursery_) return RowKind::nursery;
        if (year_ >= 12) return RowKind::post16;
        if (enrol_ == 'S') return RowKind::subsidiary;
        if (enrol_ == 'G') return RowKind::guest;
        if (last_school_ < 0) {
            problem(SetAsideReason::unknown_school, "urn", trimmed(last_urn_text_), true,
                    "is not in the school file " + opt_.schools);
            return RowKind::bad;
        }
        row_.school = last_school_;
        row_.year = year_;
        row_.group = year_ <= 6 ? 0 : 1;
        row_.band = -1;
        row_.no_lsoa = row_.above_f = false;
        if (lsoa_ != nullptr) {
            if (lsoa_state_ == LsoaState::unknown) {
                problem(SetAsideReason::unknown_lsoa, "lsoa", unknown_lsoa_, true,
                        "is not in the LSOA lookup " + opt_.idaci);
                return RowKind::bad;
            }
            // No matched home postcode: no IDACI band (reference §2.4); reported in the summary.
            row_.no_lsoa = lsoa_state_ == LsoaState::blank;
            if (lsoa_band_ == IdaciBands::kNone)
                row_.above_f = true;
            else
                row_.band = lsoa_band_;
        }
        // Mobility (interfaces §4, reference §2.7): joined within the three years up to the census date, in
        // a month other than August or September; a Reception pupil joining in January is a usual start.
        row_.mobile = row_.after_census = false;
        if (cols_->entry_date >= 0) {
            const int month = (entry_ / 100) % 100;
            row_.after_census = entry_ > opt_.census_date;
            row_.mobile = entry_ > three_years_before_ && entry_ <= opt_.census_date && month != 8 &&
                          month != 9 && !(year_ == 0 && month == 1);
        }
        return RowKind::counted;
    }

    const IngestOptions& opt_;
    const SchoolTable& schools_;
    IngestSummary& sum_;
    Mode mode_;
    const PupilColumns* cols_ = nullptr;
    const LsoaTable* lsoa_ = nullptr;
    std::vector<std::string> header_;
    std::vector<std::uint32_t> counts_;
    std::int32_t three_years_before_ = 0;

    // The row being read.
    bool bad_ = false;
    Problem problem_;
    std::uint64_t hash_ = 0;
    std::string upn_;  // kept only while looking for suspects (pass 2), for the exact comparison
    int year_ = 0;
    bool nursery_ = false;
    char enrol_ = 'C';
    std::int32_t entry_ = 0;
    LsoaState lsoa_state_ = LsoaState::blank;
    int lsoa_band_ = -1;
    std::string unknown_lsoa_;
    PupilRow row_;

    std::string last_urn_text_;
    bool have_last_urn_ = false;
    std::int32_t last_school_ = -1;
};

// The columns the output gets from the pupil file, given which pupil columns exist.
std::vector<std::string> computed_columns(const PupilColumns* cols) {
    std::vector<std::string> out = {"nor_primary", "nor_ks3", "nor_ks4"};
    for (const char* y : kYearColumns) out.emplace_back(y);
    auto pair = [&out](const std::string& m) {
        out.push_back(m + "_primary");
        out.push_back(m + "_secondary");
    };
    const bool all = cols == nullptr;
    if (all || cols->flag[kFsm] >= 0) pair("fsm");
    if (all || cols->flag[kFsm6] >= 0) pair("fsm6");
    if (all || cols->lsoa >= 0)
        for (char b = 'a'; b <= 'f'; ++b) pair(std::string("idaci_") + b);
    if (all || cols->flag[kLpa] >= 0) pair("lpa");
    if (all || cols->flag[kEal3] >= 0) pair("eal3");
    if (all || cols->entry_date >= 0) pair("mobility");
    if (all || cols->flag[kPpEver6] >= 0) pair("pp_ever6");
    if (all || cols->flag[kPpPlac] >= 0) out.emplace_back("pp_plac");
    if (all || cols->flag[kPpService] >= 0) out.emplace_back("pp_service");
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------

IngestResult ingest_pupil_census(const IngestOptions& opt) {
    if (opt.census_date <= 0) fail("no census date given (the reference day for mobility)");
    IngestResult result;
    IngestSummary& sum = result.summary;
    sum.pupils_file = opt.pupils;
    sum.schools_file = opt.schools;

    // Every column ingest could compute is refused in the school file, so no count has two sources.
    const SchoolTable schools = load_school_table(opt.schools, computed_columns(nullptr));
    sum.schools_in_file = schools.size();

    PupilColumns cols;
    bool have_header = false;
    std::unique_ptr<LsoaTable> lsoa;
    std::random_device rd;
    const std::uint64_t key = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    UpnHashSet seen(opt.dedupe_memory_entries, opt.temp_dir);
    PupilSink sink(opt, schools, sum, PupilSink::Mode::count);
    sink.key = key;
    sink.seen = &seen;

    sink.on_header = [&](const CsvRecord& rec) {
        have_header = true;
        CsvHeader h(rec, opt.pupils);
        cols.upn =
            h.require("upn", "the pupil identifier, used only to check that no pupil is counted twice");
        cols.urn = h.require("urn", "the pupil's school");
        cols.nc_year = h.require("nc_year", "N1, N2, R, 1 ... 14");
        cols.enrolment = h.find("enrolment");
        cols.lsoa = h.find("lsoa");
        cols.entry_date = h.find("entry_date");
        for (int k = 0; k < kFlags; ++k) cols.flag[static_cast<std::size_t>(k)] = h.find(kFlagNames[k]);
        cols.count = h.size();
        cols.role.assign(cols.count, Role::none);
        cols.flag_of.assign(cols.count, 0);
        cols.role[static_cast<std::size_t>(cols.upn)] = Role::upn;
        cols.role[static_cast<std::size_t>(cols.urn)] = Role::urn;
        cols.role[static_cast<std::size_t>(cols.nc_year)] = Role::nc_year;
        if (cols.enrolment >= 0) cols.role[static_cast<std::size_t>(cols.enrolment)] = Role::enrolment;
        if (cols.lsoa >= 0) cols.role[static_cast<std::size_t>(cols.lsoa)] = Role::lsoa;
        if (cols.entry_date >= 0) cols.role[static_cast<std::size_t>(cols.entry_date)] = Role::entry_date;
        for (int k = 0; k < kFlags; ++k) {
            const int ci = cols.flag[static_cast<std::size_t>(k)];
            if (ci < 0) {
                sum.measures_not_written.emplace_back(kFlagNames[k]);
                continue;
            }
            cols.role[static_cast<std::size_t>(ci)] = Role::flag;
            cols.flag_of[static_cast<std::size_t>(ci)] = static_cast<std::uint8_t>(k);
        }
        if (cols.lsoa < 0) sum.measures_not_written.emplace_back("lsoa (idaci_a ... idaci_f)");
        if (cols.entry_date < 0) sum.measures_not_written.emplace_back("entry_date (mobility)");
        if (cols.lsoa >= 0) {
            if (opt.idaci.empty()) {
                Where w;
                w.file = opt.pupils;
                w.line = rec.line;
                w.column = "lsoa";
                throw InputError(w, "is in the pupil file, but no LSOA lookup (lsoa,idaci_rank) was given");
            }
            if (opt.bands.cutoff[5] <= 0)
                fail("no IDACI band cut-offs given (a bands file such as formulas/idaci-bands-2025-26.json)");
            lsoa = std::make_unique<LsoaTable>(load_lsoa_lookup(opt.idaci, opt.bands));
        }
        sink.start(&cols, lsoa.get());
    };

    // Pass 1: every row once, in file order.
    {
        CsvCellReader<PupilSink> reader(opt.pupils, sink, CsvLimits{}, kQuoteTextInErrors);
        reader.read_file();
    }
    if (!have_header) {
        Where w;
        w.file = opt.pupils;
        w.line = 1;
        throw InputError(w, "is empty: expected a header row and one row per pupil");
    }
    sum.dedupe_spilled = seen.spilled();

    // Pass 2, only when two counted rows share a hash: read the file again, keep just those rows (their
    // UPNs held in memory for the comparison, never written), and confirm which are the same pupil. A
    // hash collision between different UPNs is not a duplicate and changes nothing.
    const std::vector<std::uint64_t> repeated = seen.repeated();
    if (!repeated.empty()) {
        IngestSummary scratch;
        PupilSink finder(opt, schools, scratch, PupilSink::Mode::find_suspects);
        finder.key = key;
        finder.repeated = &repeated;
        finder.on_header = [&](const CsvRecord&) { finder.start(&cols, lsoa.get()); };
        {
            CsvCellReader<PupilSink> reader(opt.pupils, finder, CsvLimits{}, kQuoteTextInErrors);
            reader.read_file();
        }
        std::vector<Suspect>& suspects = finder.suspects;
        std::sort(suspects.begin(), suspects.end(), [](const Suspect& a, const Suspect& b) {
            return a.upn != b.upn ? a.upn < b.upn : a.line < b.line;
        });
        struct Duplicate {
            std::int64_t line, first_line;
            PupilRow row;
        };
        std::vector<Duplicate> dups;
        for (std::size_t i = 1, first = 0; i < suspects.size(); ++i) {
            if (suspects[i].upn != suspects[first].upn) {
                first = i;
                continue;
            }
            dups.push_back({suspects[i].line, suspects[first].line, suspects[i].row});
        }
        for (auto& s : suspects) std::fill(s.upn.begin(), s.upn.end(), '\0');  // no UPN left in freed memory
        std::sort(dups.begin(), dups.end(),
                  [](const Duplicate& a, const Duplicate& b) { return a.line < b.line; });
        for (const Duplicate& d : dups) {
            const std::string detail = "is the same pupil as on line " + std::to_string(d.first_line) +
                                       " (UPN withheld): a pupil enrolled as C or M is counted once";
            if (!opt.set_aside) {
                Where w;
                w.file = opt.pupils;
                w.line = d.line;
                w.column = "upn";
                throw InputError(w, detail);
            }
            // The later row is set aside; the first stays counted.
            sink.remove(d.row);
            sum.set_aside.push_back({d.line, SetAsideReason::duplicate_pupil, "column upn: " + detail});
        }
    }
    std::sort(sum.set_aside.begin(), sum.set_aside.end(),
              [](const SetAsideRow& a, const SetAsideRow& b) { return a.line < b.line; });
    for (const auto& s : sum.set_aside) ++sum.set_aside_by_reason[static_cast<std::size_t>(s.reason)];

    // The school-level census: the school file's columns as they were, then the counts.
    const std::vector<std::string> computed = computed_columns(&cols);
    std::string& out = result.census_csv;
    for (std::size_t c = 0; c < schools.columns.size(); ++c) {
        if (c > 0) out += ',';
        out += csv_quote(schools.columns[c]);
    }
    for (const auto& c : computed) out += ',' + c;
    out += '\n';
    std::vector<std::size_t> school_of_output;  // output data row → school (for messages)
    std::vector<std::size_t> row_start;         // output data row → its offset in `out`
    const std::size_t header_end = out.size();
    const std::size_t ncol = schools.columns.size();
    for (std::size_t r = 0; r < schools.size(); ++r) {
        const std::uint32_t* c = sink.counts(r);
        std::uint64_t ks[3] = {0, 0, 0};
        for (int y = 0; y < kYears; ++y) ks[y <= 6 ? 0 : (y <= 9 ? 1 : 2)] += c[y];
        if (ks[0] + ks[1] + ks[2] == 0) {
            // A school needs pupils to be funded (interfaces §1); it is listed in the summary, not written.
            sum.schools_without_pupils.push_back(schools.urn[r]);
            continue;
        }
        row_start.push_back(out.size());
        for (std::size_t k = 0; k < ncol; ++k) {
            if (k > 0) out += ',';
            out += csv_quote(schools.cell(r, k));
        }
        for (std::uint64_t v : ks) {
            out += ',';
            append_uint(out, v);
        }
        for (int y = 0; y < kYears; ++y) {
            out += ',';
            append_uint(out, c[y]);
        }
        auto pair = [&](int m) {
            out += ',';
            append_uint(out, c[at(m, 0)]);
            out += ',';
            append_uint(out, c[at(m, 1)]);
        };
        if (cols.flag[kFsm] >= 0) pair(mFsm);
        if (cols.flag[kFsm6] >= 0) pair(mFsm6);
        if (cols.lsoa >= 0)
            for (int b = 0; b < 6; ++b) pair(mIdaciA + b);
        if (cols.flag[kLpa] >= 0) pair(mLpa);
        if (cols.flag[kEal3] >= 0) pair(mEal3);
        if (cols.entry_date >= 0) pair(mMobility);
        if (cols.flag[kPpEver6] >= 0) pair(mPpEver6);
        if (cols.flag[kPpPlac] >= 0) {
            out += ',';
            append_uint(out, c[kPpPlacAt]);
        }
        if (cols.flag[kPpService] >= 0) {
            out += ',';
            append_uint(out, c[kPpServiceAt]);
        }
        out += '\n';
        school_of_output.push_back(r);
        ++sum.schools_written;
    }
    if (sum.schools_written == 0) {
        Where w;
        w.file = opt.pupils;
        throw InputError(w,
                         "has no pupil who counts (Reception to Year 11, enrolment C or M, at a school in " +
                             opt.schools + "): there is no school-level census to write");
    }

    // The result must load as a census (interfaces §1) before it is handed back; a failure is reported
    // against the school file's line, since that is where a phase or year-group setting is fixed. The
    // check runs on blocks of schools (its rules are per school; URNs are already known to be unique),
    // so that the loader's cell-by-cell copy stays small whatever the number of schools.
    constexpr std::size_t kBlock = 1024;
    row_start.push_back(out.size());
    for (std::size_t a = 0; a < school_of_output.size(); a += kBlock) {
        const std::size_t b = std::min(a + kBlock, school_of_output.size());
        std::string block = out.substr(0, header_end);
        block.append(out, row_start[a], row_start[b] - row_start[a]);
        try {
            (void)census_from_csv_text(block, "ingest output");
        } catch (const InputError& e) {
            Where w = e.where();
            const std::int64_t block_line = w.line;
            w.file = opt.schools;
            w.line = 0;
            if (block_line >= 2 && a + static_cast<std::size_t>(block_line - 2) < b) {
                const std::size_t r = school_of_output[a + static_cast<std::size_t>(block_line - 2)];
                w.line = schools.line[r];
                w.urn = schools.urn[r];
            }
            throw InputError(w, e.detail() + " (in the school-level census built from " + opt.pupils + ")");
        }
    }
    return result;
}

std::string set_aside_csv(const IngestSummary& s) {
    std::string out = "line,reason,detail\n";
    for (const auto& r : s.set_aside) {
        out +=
            std::to_string(r.line) + ',' + csv_quote(to_string(r.reason)) + ',' + csv_quote(r.detail) + '\n';
    }
    return out;
}

std::string ingest_summary_text(const IngestSummary& s) {
    std::string t;
    auto line = [&t](const std::string& label, std::int64_t v) { t += label + ": " + with_commas(v) + "\n"; };
    line("Pupil rows read (" + s.pupils_file + ")", s.rows_read);
    line("Counted (Reception to Year 11, enrolment C or M)", s.counted);
    t += "Skipped (not funded through the schools block):\n";
    line("  nursery, N1 and N2", s.skipped_nursery);
    line("  Years 12 to 14", s.skipped_post16);
    line("  subsidiary dual registrations (S)", s.skipped_subsidiary);
    line("  guest enrolments (G)", s.skipped_guest);
    line("Set aside (bad rows, listed by line number)", static_cast<std::int64_t>(s.set_aside.size()));
    for (int r = 0; r < kSetAsideReasons; ++r)
        if (s.set_aside_by_reason[static_cast<std::size_t>(r)] > 0)
            line(std::string("  ") + to_string(static_cast<SetAsideReason>(r)),
                 s.set_aside_by_reason[static_cast<std::size_t>(r)]);
    if (s.no_lsoa > 0) line("Counted pupils with no LSOA (no IDACI band)", s.no_lsoa);
    if (s.above_band_f > 0)
        line("Counted pupils in LSOAs ranked above band F (no IDACI band)", s.above_band_f);
    if (s.entry_after_census > 0)
        line("Counted pupils with an entry date after the census date (not mobile)", s.entry_after_census);
    if (s.fsm_not_fsm6 > 0) line("Counted pupils with fsm 1 but fsm6 0 (counted as given)", s.fsm_not_fsm6);
    for (const auto& m : s.measures_not_written) t += "Not in the pupil file, so not written: " + m + "\n";
    t += "Schools: " + with_commas(static_cast<std::int64_t>(s.schools_in_file)) + " in " + s.schools_file +
         ", " + with_commas(static_cast<std::int64_t>(s.schools_written)) + " written";
    if (!s.schools_without_pupils.empty()) {
        t += "; " + with_commas(static_cast<std::int64_t>(s.schools_without_pupils.size())) +
             " with no counted pupils not written (URN";
        for (std::size_t i = 0; i < s.schools_without_pupils.size() && i < 10; ++i)
            t += (i == 0 ? " " : ", ") + std::to_string(s.schools_without_pupils[i]);
        if (s.schools_without_pupils.size() > 10) t += ", ...";
        t += ")";
    }
    t += "\n";
    return t;
}

}  // namespace fundsim
