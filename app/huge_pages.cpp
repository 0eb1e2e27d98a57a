// See huge_pages.hpp: the heap reserved in one piece and advised onto transparent huge pages.
#include "app/huge_pages.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace fundsim::app {

void use_huge_pages() {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    constexpr std::size_t kReserve = std::size_t{64} << 20;
    // Blocks up to 32 MB (glibc's largest threshold) from the heap: a 160 KB column of 20,000 doubles
    // would otherwise be a mapping of its own, faulted in page by page each time it is made.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, static_cast<int>(kReserve));
    // A block larger than what is left of the heap grows it by the block and the pad; freed, it stays
    // (under the trim threshold) as free heap, whose span is advised in whole 2 MB pages.
    void* first = std::malloc(kHuge * 8);
    if (!first) return;
    const auto start = reinterpret_cast<std::uintptr_t>(first);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::free(first);
    const std::uintptr_t lo = (start + kHuge - 1) & ~(kHuge - 1), hi = end & ~(kHuge - 1);
    if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
}

}  // namespace fundsim::app
