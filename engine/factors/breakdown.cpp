// The breakdown of one factor for one school: the kind's rule (kinds.hpp) run for that school alone, its
// pieces kept with their words and formula paths.
#include "engine/factors/breakdown.hpp"

#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/sink.hpp"

namespace fundsim {

namespace {

// A key as a JSON pointer segment (RFC 6901: "~" is "~0", "/" is "~1").
void append_key(std::string& path, std::string_view key) {
    path += '/';
    for (char ch : key) {
        if (ch == '~')
            path += "~0";
        else if (ch == '/')
            path += "~1";
        else
            path += ch;
    }
}

}  // namespace

double FactorBreakdown::amount() const {
    double a = 0;
    for (const auto& c : components) a += c.amount;
    return a;
}

Provenance provenance_of(const Formula* formula, const std::string& path) {
    Provenance s;
    s.path = path;
    if (!formula) return s;
    for (const auto& p : formula->provisional) {
        // The entry's own path or a parent of it: a whole segment, so /rate/a does not mark /rate/ab.
        const bool covers = path.compare(0, p.path.size(), p.path) == 0 &&
                            (path.size() == p.path.size() || path[p.path.size()] == '/');
        if (covers) {
            s.provisional = true;
            s.mark = p.mark;
            break;
        }
    }
    return s;
}

namespace kinds {

SchoolSink::SchoolSink(const Factor& f, const Census& c, std::size_t row, const BreakdownOptions& o,
                       FactorBreakdown& b)
    : factor(f),
      census(c),
      reception_uplift(o.reception_uplift),
      school(row),
      i(static_cast<Eigen::Index>(row)),
      k(b.k),
      options_(o),
      out_(b) {}

const std::vector<Eigen::ArrayXd>& SchoolSink::earlier() const {
    if (!options_.earlier)
        fail_internal("breakdown of " + factor.id +
                      ": a london_fringe factor needs the amounts of the factors it lists");
    return *options_.earlier;
}

Provenance SchoolSink::source(const Key& key) const {
    std::string path = factor.path;
    for (std::string_view part : {key.a, key.b, key.c})
        if (!part.empty()) append_key(path, part);
    return provenance_of(options_.formula, path);
}

}  // namespace kinds

FactorBreakdown breakdown(const Factor& f, const Census& c, std::size_t school, const BreakdownOptions& o) {
    if (school >= c.size)
        fail_internal("breakdown of " + f.id + ": no school at row " + std::to_string(school));
    FactorBreakdown b;
    b.k = f.kind == FactorKind::london_fringe ? 1.0 : o.k;
    b.applies = kinds::applies_to(f, c.phase[school], c.status[school]);
    if (!b.applies) return b;
    kinds::SchoolSink s(f, c, school, o, b);
    kinds::apply(f, s);
    return b;
}

}  // namespace fundsim
