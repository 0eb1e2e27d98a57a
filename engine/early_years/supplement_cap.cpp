// The supplement cap check (docs/early-years.md §2).
#include "engine/early_years/supplement_cap.hpp"

#include <cstdio>

#include "engine/core/error.hpp"

namespace fundsim {

EySupplementShare supplement_share(std::int64_t base_three_four, std::int64_t supplements_three_four,
                                   std::optional<double> cap) {
    EySupplementShare s;
    s.base = base_three_four;
    s.supplements = supplements_three_four;
    const std::int64_t whole = s.base + s.supplements;
    s.share = whole > 0 ? static_cast<double>(s.supplements) / static_cast<double>(whole) : 0.0;
    s.cap = cap;
    return s;
}

void check_supplement_cap(const EySupplementShare& s, const std::string& file) {
    if (s.within()) return;
    char b[256];
    std::snprintf(b, sizeof b,
                  "the supplements for three- and four-year-olds are %.2f%% of their base and supplements "
                  "(£%.2f of £%.2f), above the supplement cap of %.2f%% (docs/early-years.md §2)",
                  s.share * 100.0, static_cast<double>(s.supplements) / 100.0,
                  static_cast<double>(s.base + s.supplements) / 100.0, *s.cap * 100.0);
    fail_json(file, "/supplement_cap", b);
}

}  // namespace fundsim
