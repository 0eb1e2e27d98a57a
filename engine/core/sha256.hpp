// SHA-256 (FIPS 180-4) of bytes or of a file, written here because fundsim's dependencies (Debian
// packages) include no crypto library; used by the run manifest to record each input file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fundsim {

// Incremental SHA-256: update() with the bytes in any pieces, then digest() once.
class Sha256 {
  public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // The 32-byte digest; the object is spent afterwards.
    std::array<std::uint8_t, 32> digest();

  private:
    void compress(const std::uint8_t* blocks, std::size_t n);  // n whole 64-byte blocks
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes so far
};

// Lower-case hexadecimal, 64 characters.
std::string to_hex(const std::array<std::uint8_t, 32>& digest);
std::string sha256_hex(std::string_view bytes);
// The SHA-256 of a file's bytes, read in pieces; an unreadable file is an input error naming it.
std::string sha256_file_hex(const std::string& path);

}  // namespace fundsim
