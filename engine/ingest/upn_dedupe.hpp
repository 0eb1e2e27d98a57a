// Internal to engine/ingest: the duplicate-pupil check, a set of keyed UPN hashes held in bounded memory,
// spilled to an anonymous temporary file past a limit, that reports the hash values seen twice.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fundsim::ingest_detail {

// The set of hashes of counted pupils' UPNs, to find hash values seen twice. Up to `memory_entries`
// hashes are held in memory (8 bytes each); past that, every hash goes to one of 256 buckets by its top
// byte, each bucket buffered in 4 KB and written in chunks to one anonymous temporary file (unlinked as
// soon as it is made, so nothing is left behind even after a crash). At the end each bucket (about
// 1/256 of the pupils) is read back and checked on its own, through a hash set split 256 ways (a copy and
// twice the part's size). Memory is therefore flat in the number of pupils: the in-memory limit (twice
// over at the end), 1 MB of bucket buffers, one bucket (twice), and a 16-byte index entry per chunk of
// 512 pupils.
class UpnHashSet {
  public:
    UpnHashSet(std::size_t memory_entries, std::string temp_dir);
    ~UpnHashSet();
    UpnHashSet(const UpnHashSet&) = delete;
    UpnHashSet& operator=(const UpnHashSet&) = delete;

    // One a counted pupil: inline.
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
    std::vector<std::uint64_t> repeated();

  private:
    static constexpr std::size_t kBuckets = 256, kChunk = 512;
    struct Chunk {
        std::int64_t offset;
        std::size_t n;
    };

    std::string dir() const;
    void spill();
    void put(std::uint64_t h) {
        const std::size_t b = static_cast<std::size_t>(h >> 56);
        buf_[b * kChunk + fill_[b]] = h;
        if (++fill_[b] == kChunk) flush(b);
    }
    void flush(std::size_t b);
    void read_all(std::uint64_t* dst, std::size_t bytes, std::int64_t offset);

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

}  // namespace fundsim::ingest_detail
