// per_column and actual (docs/funding-model.md §3): census columns named in the formula, each at its own rate
// (split sites), or one column passed through at cost (rates, PFI, exceptional premises); their keys,
// columns and rates.
#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim::kinds {

template <class S>
void per_column(const Factor& f, S& s) {
    for (const auto& [col, rate] : f.column_rates)
        s.term(col.c_str(), rate, Key{"rate", col}, s.column(col), col);
}

template <class S>
void actual(const Factor& f, S& s) {
    const auto& v = s.column(f.column);
    s.piece([&] { return "Census " + f.column; }, 1.0, Key{"column"}, v, v,
            Shape{Unit::none, Unit::money, f.column});
}

void parse_actual(Obj& o, Factor& f) { f.column = o.string("column"); }

void columns_actual(const Factor& f, std::vector<ColumnRead>& out) { out.push_back({f.column, true}); }

void parse_per_column(Obj& o, Factor& f) {
    Obj r = o.object("rate");
    for (auto it = r.json().begin(); it != r.json().end(); ++it)
        f.column_rates.emplace_back(it.key(), r.number(it.key()));
    if (f.column_rates.empty()) fail_json(f.file, o.child("rate"), "names no census column");
}

void columns_per_column(const Factor& f, std::vector<ColumnRead>& out) {
    for (const auto& [c, r] : f.column_rates) out.push_back({c});
}

void rates_per_column(const Factor& f, std::vector<FactorRate>& out) {
    for (const auto& [col, rate] : f.column_rates) {
        out.push_back(rate_at(f, {"rate", col}, col, col, rate));
        out.back().column = true;
    }
}

template void per_column(const Factor&, ColumnSink&);
template void per_column(const Factor&, SchoolSink&);
template void actual(const Factor&, ColumnSink&);
template void actual(const Factor&, SchoolSink&);

}  // namespace fundsim::kinds
