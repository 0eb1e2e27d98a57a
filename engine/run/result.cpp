// The result table's per-school flags, as allocations.csv writes them.
#include "engine/run/result.hpp"

namespace fundsim {

std::string Result::flags(std::size_t i) const {
    std::string f;
    auto add = [&](const char* s) {
        if (!f.empty()) f += ';';
        f += s;
    };
    if (is_new(i)) add("new");
    if (on_mfg(i)) add("mfg");
    if (capped(i)) add("capped");
    if (on_mppl(i)) add("mppl");
    return f;
}

}  // namespace fundsim
