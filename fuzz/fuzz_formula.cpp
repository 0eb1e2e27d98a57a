// libFuzzer target: any bytes as a formula file (docs/interfaces.md §2) through the same size and nesting
// limits as read_json_file, then parse_formula and the full calculation on a small fixed census.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fundsim;
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const Formula f = parse_formula(parse_json_text(text, "fuzz.json"), "fuzz.json");
        Census census = fuzz::small_census();  // a copy: prepare_census caches columns in it
        fuzz::checked_run(census, f);
    } catch (const InputError&) {
    }
    return 0;
}
