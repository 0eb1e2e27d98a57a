// per_unit, banded and per_unit_above_threshold (docs/funding-model.md §3): a rate per pupil counted by a
// measure's census columns (<measure>_primary, <measure>_secondary), plain, by band or above a threshold;
// their keys, columns and rates.
#include <cctype>

#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

template <class S>
void per_unit(const Factor& f, S& s) {
    const std::string primary = f.measure + "_primary", secondary = f.measure + "_secondary";
    s.term([&] { return "Primary (" + primary + ")"; }, f.rate_primary, Key{"rate", "primary"},
           s.column(primary), primary);
    s.term([&] { return "Secondary (" + secondary + ")"; }, f.rate_secondary, Key{"rate", "secondary"},
           s.column(secondary), secondary);
}

template <class S>
void banded(const Factor& f, S& s) {
    for (const auto& b : f.bands) {
        const std::string primary = f.measure + "_" + b.name + "_primary",
                          secondary = f.measure + "_" + b.name + "_secondary";
        auto band = [&] {
            std::string up = b.name;
            for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            return "Band " + up;
        };
        s.term([&] { return band() + ", primary"; }, b.primary, Key{"rate", b.name, "primary"},
               s.column(primary), primary);
        s.term([&] { return band() + ", secondary"; }, b.secondary, Key{"rate", b.name, "secondary"},
               s.column(secondary), secondary);
    }
}

// Mobility: only pupils above the threshold share of each group are funded.
template <class S>
void above_threshold(const Factor& f, S& s) {
    const Census& c = s.census;
    const std::string primary = f.measure + "_primary", secondary = f.measure + "_secondary";
    const auto& units_p = s.column(primary);
    const auto& units_s = s.column(secondary);
    const auto pupils_s = s(c.nor_ks3) + s(c.nor_ks4);
    const auto funded_p = s.above_zero(units_p - f.threshold * s(c.nor_primary));
    const auto funded_s = s.above_zero(units_s - f.threshold * pupils_s);
    if constexpr (S::one_school) {
        const Param t = s.value(f.threshold, Key{"threshold"});
        s.note(note::AboveThreshold{"primary", primary, units_p, s(c.nor_primary), funded_p, t});
        s.note(note::AboveThreshold{"secondary", secondary, units_s, pupils_s, funded_s, t});
    }
    s.term("Primary funded units", f.rate_primary, Key{"rate", "primary"}, funded_p);
    s.term("Secondary funded units", f.rate_secondary, Key{"rate", "secondary"}, funded_s);
}

// per_unit and per_unit_above_threshold: a rate per unit of a measure; the second counts only the units
// above a threshold fraction of the pupils.
void parse_per_unit(Obj& o, Factor& f) {
    f.measure = o.string("measure");
    Obj r = o.object("rate");
    f.rate_primary = r.number("primary");
    f.rate_secondary = r.number("secondary");
    r.done();
    if (f.kind == FactorKind::per_unit_above_threshold) {
        f.threshold = o.number("threshold");
        if (f.threshold < 0 || f.threshold >= 1)
            fail_json(f.file, o.child("threshold"), "must be a fraction from 0 to below 1");
    }
}

void parse_banded(Obj& o, Factor& f) {
    f.measure = o.string("measure");
    Obj r = o.object("rate");
    for (auto it = r.json().begin(); it != r.json().end(); ++it) {
        Obj b = r.object(it.key());
        Band band;
        band.name = it.key();
        band.primary = b.number("primary");
        band.secondary = b.number("secondary");
        b.done();
        f.bands.push_back(band);
    }
    if (f.bands.empty()) fail_json(f.file, o.child("rate"), "has no bands");
}

void columns_per_unit(const Factor& f, std::vector<ColumnRead>& out) {
    out.push_back({f.measure + "_primary"});
    out.push_back({f.measure + "_secondary"});
}

void columns_banded(const Factor& f, std::vector<ColumnRead>& out) {
    for (const auto& b : f.bands) {
        out.push_back({f.measure + "_" + b.name + "_primary"});
        out.push_back({f.measure + "_" + b.name + "_secondary"});
    }
}

void rates_per_unit(const Factor& f, std::vector<FactorRate>& out) {
    out.push_back(rate_at(f, {"rate", "primary"}, "primary", "primary", f.rate_primary));
    out.push_back(rate_at(f, {"rate", "secondary"}, "secondary", "secondary", f.rate_secondary));
}

void rates_banded(const Factor& f, std::vector<FactorRate>& out) {
    for (const auto& b : f.bands) {
        std::string band = b.name;
        for (char& ch : band) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out.push_back(rate_at(f, {"rate", b.name, "primary"}, b.name + "/primary",
                              "band " + band + " primary", b.primary));
        out.push_back(rate_at(f, {"rate", b.name, "secondary"}, b.name + "/secondary",
                              "band " + band + " secondary", b.secondary));
    }
}

void rates_above_threshold(const Factor& f, std::vector<FactorRate>& out) {
    rates_per_unit(f, out);
    out.push_back(rate_at(f, {"threshold"}, "threshold", "threshold", f.threshold, RateUnit::fraction));
}

template void per_unit(const Factor&, ColumnSink&);
template void per_unit(const Factor&, SchoolSink&);
template void banded(const Factor&, ColumnSink&);
template void banded(const Factor&, SchoolSink&);
template void above_threshold(const Factor&, ColumnSink&);
template void above_threshold(const Factor&, SchoolSink&);

}  // namespace fundsim::kinds
