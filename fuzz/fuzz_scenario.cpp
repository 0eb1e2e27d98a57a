// libFuzzer target: any bytes as a scenario's `changes` (an RFC 7386 merge patch, docs/interfaces.md §3)
// applied to a fixed base formula, then parse_formula and the full calculation on a small fixed census.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fundsim;
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const Json changes = parse_json_text(text, "fuzz-scenario.json");
        // load_scenario refuses a patch that is not an object; merge_patch would replace the whole base.
        if (!changes.is_object()) return 0;
        Json doc = fuzz::rich_formula().doc;
        doc.merge_patch(changes);
        const Formula f = parse_formula(doc, "fuzz-scenario.json (patched fuzz-rich.json)");
        Census census = fuzz::small_census();
        const Result r = fuzz::checked_run(census, f);
        fuzz::balanced_runs(census, f, r.budget_share.amount.sum());
    } catch (const InputError&) {
    }
    return 0;
}
