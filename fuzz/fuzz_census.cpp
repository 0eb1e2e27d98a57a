// libFuzzer target: any bytes as a school-level census (docs/interfaces.md §1), then the full calculation
// with two fixed formulas, unbalanced and balanced three ways. Only a clear InputError may stop it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fundsim;
    const std::string text(reinterpret_cast<const char*>(data), size);
    Census census;
    try {
        census = census_from_csv_text(text, "fuzz.csv");
    } catch (const InputError&) {
        return 0;  // refused with a message naming file, line, column and value: the wanted outcome
    }
    for (const Formula* f : {&fuzz::plain_formula(), &fuzz::rich_formula()}) {
        try {
            const Result r = fuzz::checked_run(census, *f);
            fuzz::balanced_runs(census, *f, r.budget_share.amount.sum());
        } catch (const InputError&) {
        }
    }
    return 0;
}
