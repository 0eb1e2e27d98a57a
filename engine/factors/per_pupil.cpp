// per_pupil (docs/funding-model.md §3): a rate by key stage × pupils, e.g. the basic entitlement; its keys
// (rate.primary, ks3, ks4) and its rates.
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

// Rate by key stage × pupils; the reception uplift adds to primary pupils here only.
template <class S>
void per_pupil(const Factor& f, S& s) {
    const Census& c = s.census;
    if (s.reception_uplift) {
        s.term("Primary pupils (R–Y6)", f.rate_primary, Key{"rate", "primary"},
               s(c.nor_primary) + s(c.reception_uplift), "nor_primary");
        if constexpr (S::one_school)
            if (s(c.reception_uplift) > 0) s.note(note::ReceptionUplift{s(c.reception_uplift)});
    } else {
        s.term("Primary pupils (R–Y6)", f.rate_primary, Key{"rate", "primary"}, s(c.nor_primary),
               "nor_primary");
    }
    s.term("KS3 pupils (Y7–Y9)", f.rate_ks3, Key{"rate", "ks3"}, s(c.nor_ks3), "nor_ks3");
    s.term("KS4 pupils (Y10–Y11)", f.rate_ks4, Key{"rate", "ks4"}, s(c.nor_ks4), "nor_ks4");
}

template void per_pupil(const Factor&, ColumnSink&);
template void per_pupil(const Factor&, SchoolSink&);

void parse_per_pupil(Obj& o, Factor& f) {
    Obj r = o.object("rate");
    f.rate_primary = r.number("primary");
    f.rate_ks3 = r.number("ks3");
    f.rate_ks4 = r.number("ks4");
    r.done();
}

void rates_per_pupil(const Factor& f, std::vector<FactorRate>& out) {
    out.push_back(rate_at(f, {"rate", "primary"}, "primary", "primary", f.rate_primary));
    out.push_back(rate_at(f, {"rate", "ks3"}, "ks3", "KS3", f.rate_ks3));
    out.push_back(rate_at(f, {"rate", "ks4"}, "ks4", "KS4", f.rate_ks4));
}

}  // namespace fundsim::kinds
