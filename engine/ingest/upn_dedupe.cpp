// The duplicate check's spill file: buckets written with pwrite in 4 KB chunks, read back one bucket at a
// time and sorted to find repeated hashes.
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

std::vector<std::uint64_t> UpnHashSet::repeated() {
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
