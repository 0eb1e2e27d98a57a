// The SHA-256 compression function over whole 64-byte blocks, in two forms that give the same state: the
// plain one of FIPS 180-4 §6.2.2, and one on the x86 SHA extensions, used when the processor has them.
// Internal to engine/core/sha256.cpp (and its tests, which check the two forms agree).
#pragma once

#include <cstddef>
#include <cstdint>

namespace fundsim::sha256_blocks {

// Both update the eight-word state `h` with `n` blocks at `data`.
void plain(std::uint32_t* h, const std::uint8_t* data, std::size_t n);
void x86_sha(std::uint32_t* h, const std::uint8_t* data, std::size_t n);  // only where has_x86_sha()

// True when this processor has the SHA extensions (CPUID leaf 7, EBX bit 29) and SSE4.1.
bool has_x86_sha();

}  // namespace fundsim::sha256_blocks
