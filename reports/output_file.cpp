// Temporary-file-and-rename writing for every output of fundsim.
#include "reports/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "engine/core/error.hpp"

namespace fundsim {

namespace fs = std::filesystem;

OutputSet::OutputSet(std::string dir) : dir_(std::move(dir)) {
    if (dir_.empty()) fail("no output folder given");
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec || !fs::is_directory(dir_)) fail(dir_ + ": cannot create the output folder: " + ec.message());
}

OutputSet::~OutputSet() {
    if (committed_) return;
    for (const auto& p : pending_) std::remove(p.tmp.c_str());
}

std::string OutputSet::temp_path(const std::string& name) const {
    fs::path final_path(path_of(name));
    std::error_code ec;
    fs::create_directories(final_path.parent_path(), ec);
    return (final_path.parent_path() /
            ("." + final_path.filename().string() + ".tmp." + std::to_string(::getpid())))
        .string();
}

void OutputSet::add(const std::string& name, const std::string& content) {
    const std::string tmp = temp_path(name);
    pending_.push_back({tmp, path_of(name)});
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) fail(tmp + ": cannot write: " + std::strerror(errno));
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) fail(path_of(name) + ": cannot write (disk full?)");
}

void OutputSet::commit() {
    // A target that is a folder cannot be replaced by a file: find that before moving anything, so a
    // failed commit leaves every earlier output as it was (docs/interfaces.md §5).
    for (const auto& p : pending_) {
        std::error_code ec;
        if (fs::is_directory(p.final, ec)) fail(p.final + ": is a folder, not a file: nothing was written");
    }
    for (const auto& p : pending_) {
        if (std::rename(p.tmp.c_str(), p.final.c_str()) != 0)
            fail(p.final + ": cannot move into place: " + std::strerror(errno));
    }
    committed_ = true;
}

void write_file_atomic(const std::string& path, const std::string& content) {
    fs::path p(path);
    OutputSet out(p.parent_path().empty() ? "." : p.parent_path().string());
    out.add(p.filename().string(), content);
    out.commit();
}

}  // namespace fundsim
