// per_column and actual (docs/funding-model.md §3): census columns named in the formula, each at its own rate
// (split sites), or one column passed through at cost (rates, PFI, exceptional premises).
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

template void per_column(const Factor&, ColumnSink&);
template void per_column(const Factor&, SchoolSink&);
template void actual(const Factor&, ColumnSink&);
template void actual(const Factor&, SchoolSink&);

}  // namespace fundsim::kinds
