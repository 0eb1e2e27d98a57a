// The supplement cap of docs/early-years.md §2: the three_four supplements as a share of the three_four
// base and supplements, at most the formula's cap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace fundsim {

struct EySupplementShare {
    std::int64_t supplements = 0, base = 0;  // pennies, three_four only
    double share = 0;                        // supplements ÷ (base + supplements); 0 when both are 0
    std::optional<double> cap;               // none: the formula set "supplement_cap": null
    bool within() const { return !cap || share <= *cap; }
};

EySupplementShare supplement_share(std::int64_t base_three_four, std::int64_t supplements_three_four,
                                   std::optional<double> cap);

// An Error of kind formula at /supplement_cap of `file` naming the share and the cap, if above it.
void check_supplement_cap(const EySupplementShare& s, const std::string& file);

}  // namespace fundsim
