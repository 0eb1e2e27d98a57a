// The result table's per-school flags, as allocations.csv writes them, and one factor's breakdown in it.
#include "engine/run/result.hpp"

#include "engine/factors/breakdown.hpp"

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

FactorBreakdown Result::breakdown_of(const Factor& f, std::size_t i, double k, bool uplift) const {
    BreakdownOptions o;
    o.formula = formula.get();
    o.reception_uplift = uplift;
    o.k = k;
    o.earlier = &factors.raw;
    return breakdown(f, *census, i, o);
}

}  // namespace fundsim
