// The process's heap on transparent huge pages where the kernel offers them: a national run touches
// about 40 MB in 4 KB pages, and the page faults were a sixth of its time (bench/RESULTS.md, issue 17).
#pragma once

namespace fundsim::app {

// Reserves the heap's first 64 MB up front and asks the kernel to back it with 2 MB pages (madvise;
// nothing is touched, so memory is not used until written). Large blocks come from that heap rather
// than from a fresh mapping each. Changes no output; does nothing where the calls are refused.
void use_huge_pages();

}  // namespace fundsim::app
