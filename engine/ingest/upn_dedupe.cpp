// The duplicate check's spill file: buckets written with pwrite in 4 KB chunks, read back one bucket at a
// time and put in a small hash set to find repeated hashes.
#include "engine/ingest/upn_dedupe.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "engine/core/error.hpp"

namespace fundsim::ingest_detail {

UpnHashSet::UpnHashSet(std::size_t memory_entries, std::string temp_dir)
    : cap_(std::max<std::size_t>(memory_entries, 1)), temp_dir_(std::move(temp_dir)) {}

UpnHashSet::~UpnHashSet() {
    if (fd_ >= 0) ::close(fd_);
}

namespace {

// The values of `v` that occur more than once, appended to `rep` (in any order, possibly more than once).
// An open-addressing set of twice v's size, indexed by the low bits (the hashes are uniform): one pass
// that stays in the processor's cache for a bucket of the spill, where sorting each bucket took a fifth of
// the ingest. 0 marks an empty slot, so the value 0 is counted apart.
void repeats_of(const std::uint64_t* v, std::size_t n, std::vector<std::uint64_t>& table,
                std::vector<std::uint64_t>& rep) {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    table.assign(size, 0);
    const std::size_t mask = size - 1;
    std::size_t zeros = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint64_t h = v[k];
        if (h == 0) {
            if (++zeros == 2) rep.push_back(0);
            continue;
        }
        for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                break;
            }
            if (table[i] == h) {
                rep.push_back(h);
                break;
            }
        }
    }
}

// The same over any number of values: split first by 8 bits of the hash (a counting pass and a scatter),
// so that each part's set fits in the cache.
void repeats_in(std::vector<std::uint64_t>& v, std::vector<std::uint64_t>& rep) {
    std::vector<std::uint64_t> table;
    constexpr std::size_t kSmall = 16384;
    if (v.size() <= kSmall) return repeats_of(v.data(), v.size(), table, rep);
    std::vector<std::size_t> start(257, 0);
    for (std::uint64_t h : v) ++start[((h >> 48) & 0xFF) + 1];
    for (std::size_t b = 0; b < 256; ++b) start[b + 1] += start[b];
    std::vector<std::uint64_t> parts(v.size());
    std::vector<std::size_t> at(start.begin(), start.end() - 1);
    for (std::uint64_t h : v) parts[at[(h >> 48) & 0xFF]++] = h;
    for (std::size_t b = 0; b < 256; ++b)
        repeats_of(parts.data() + start[b], start[b + 1] - start[b], table, rep);
}

}  // namespace

std::vector<std::uint64_t> UpnHashSet::repeated() {
    std::vector<std::uint64_t> rep;
    auto done = [&rep] {
        std::sort(rep.begin(), rep.end());
        rep.erase(std::unique(rep.begin(), rep.end()), rep.end());
        return rep;
    };
    if (!spilled_) {
        repeats_in(mem_, rep);
        return done();
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
        repeats_in(v, rep);
    }
    return done();
}

std::string UpnHashSet::dir() const {
    if (!temp_dir_.empty()) return temp_dir_;
    std::error_code ec;
    auto p = std::filesystem::temp_directory_path(ec);
    return ec ? std::string("/tmp") : p.string();
}

void UpnHashSet::spill() {
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

void UpnHashSet::flush(std::size_t b) {
    const std::size_t bytes = fill_[b] * sizeof(std::uint64_t);
    const char* p = reinterpret_cast<const char*>(buf_.get() + b * kChunk);
    std::size_t done = 0;
    while (done < bytes) {
        ssize_t w =
            ::pwrite(fd_, p + done, bytes - done, static_cast<off_t>(end_ + static_cast<std::int64_t>(done)));
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

void UpnHashSet::read_all(std::uint64_t* dst, std::size_t bytes, std::int64_t offset) {
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

}  // namespace fundsim::ingest_detail
