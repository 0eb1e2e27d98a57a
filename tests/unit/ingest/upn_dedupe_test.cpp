// The duplicate check's set of UPN hashes (engine/ingest/upn_dedupe): the values added more than once,
// ascending and each once, whether held in memory or spilled to the temporary file, against a plain sort.
#include "engine/ingest/upn_dedupe.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/ingest/upn.hpp"

namespace ingest_upn_dedupe_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::ingest_detail;

namespace {

std::vector<std::uint64_t> sorted_repeats(std::vector<std::uint64_t> v) {
    std::sort(v.begin(), v.end());
    std::vector<std::uint64_t> rep;
    for (std::size_t i = 1; i < v.size(); ++i)
        if (v[i] == v[i - 1] && (rep.empty() || rep.back() != v[i])) rep.push_back(v[i]);
    return rep;
}

}  // namespace

TEST_CASE("UpnHashSet::repeated: the values seen twice or more, in memory and spilled, small and large",
          "[ingest]") {
    std::mt19937_64 rng(17);
    // Sizes either side of the in-memory limit and of the split into 256 parts (16,384 values).
    for (std::size_t n : {0u, 1u, 40u, 5000u, 20000u, 200000u}) {
        for (std::size_t memory : {std::size_t{8}, std::size_t{1} << 18}) {
            std::vector<std::uint64_t> added;
            for (std::size_t i = 0; i < n; ++i) {
                // Mostly fresh hashes of made-up UPNs; now and then one seen before (up to four times), and
                // 0, which the set keeps apart from its empty slots.
                const std::uint64_t r = rng();
                if (!added.empty() && r % 50 == 0)
                    added.push_back(added[rng() % added.size()]);
                else if (r % 997 == 1)
                    added.push_back(0);
                else
                    added.push_back(upn_hash("A" + std::to_string(r % 100000000000ULL), 12345));
            }
            UpnHashSet set(memory, "");
            for (std::uint64_t h : added) set.add(h);
            CHECK(set.spilled() == (n >= memory));
            const auto want = sorted_repeats(added);
            CHECK(set.repeated() == want);
            if (n >= 5000) CHECK(want.size() > n / 100);  // the case has repeats to find
        }
    }
}

}  // namespace ingest_upn_dedupe_test
