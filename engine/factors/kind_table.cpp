// The one table of factor kinds: for each, its parser, census columns and rates, each written in the
// kind's own file (kinds.hpp), and whether it follows other factors. Its order is the order messages list.
#include "engine/factors/kind_table.hpp"

#include <iterator>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/factors/kinds.hpp"
#include "engine/factors/rates.hpp"

namespace fundsim {

namespace {

struct KindRow {
    FactorKind kind;
    void (*parse)(Obj&, Factor&);
    void (*columns)(const Factor&, std::vector<ColumnRead>&);  // null: reads no column beyond the pupils
    void (*rates)(const Factor&, std::vector<FactorRate>&);    // null: has no rate
    bool follows_other_factors;
};

using namespace kinds;
constexpr KindRow kKinds[] = {
    {FactorKind::per_pupil, parse_per_pupil, nullptr, rates_per_pupil, false},
    {FactorKind::per_pupil_by_year_group, parse_per_pupil_by_year_group, columns_per_pupil_by_year_group,
     rates_per_pupil_by_year_group, false},
    {FactorKind::per_unit, parse_per_unit, columns_per_unit, rates_per_unit, false},
    {FactorKind::banded, parse_banded, columns_banded, rates_banded, false},
    {FactorKind::per_unit_above_threshold, parse_per_unit, columns_per_unit, rates_above_threshold, false},
    {FactorKind::lump_sum, parse_lump_sum, nullptr, rates_lump_sum, false},
    {FactorKind::sparsity, parse_sparsity, columns_sparsity, rates_sparsity, false},
    {FactorKind::actual, parse_actual, columns_actual, nullptr, false},
    {FactorKind::per_column, parse_per_column, columns_per_column, rates_per_column, false},
    {FactorKind::allocation, parse_allocation, columns_allocation, rates_allocation, false},
    {FactorKind::london_fringe, parse_london_fringe, columns_london_fringe, rates_london_fringe, true},
};

const KindRow& row(FactorKind kind) {
    for (const KindRow& r : kKinds)
        if (r.kind == kind) return r;
    fail_internal(std::string("factor kind ") + to_string(kind) + " is not in the kind table");
}

}  // namespace

bool factor_kind_named(const std::string& name, FactorKind& kind) {
    for (const KindRow& r : kKinds)
        if (name == to_string(r.kind)) {
            kind = r.kind;
            return true;
        }
    return false;
}

std::string factor_kind_list() {
    std::string out;
    const std::size_t n = std::size(kKinds);
    for (std::size_t i = 0; i < n; ++i)
        out += std::string(i == 0 ? "" : i + 1 == n ? " or " : ", ") + to_string(kKinds[i].kind);
    return out;
}

void parse_kind_keys(Obj& o, Factor& f) { row(f.kind).parse(o, f); }

std::vector<ColumnRead> columns_read(const Factor& f) {
    std::vector<ColumnRead> out;
    if (auto columns = row(f.kind).columns) columns(f, out);
    return out;
}

bool follows_other_factors(const Factor& f) { return row(f.kind).follows_other_factors; }

std::vector<FactorRate> rates_of(const Factor& f) {
    std::vector<FactorRate> out;
    if (auto rates = row(f.kind).rates) rates(f, out);
    return out;
}

FactorRate kinds::rate_at(const Factor& f, const std::vector<std::string>& path_keys, std::string key,
                          std::string words, double value, RateUnit unit) {
    FactorRate r;
    r.key = std::move(key);
    r.words = std::move(words);
    r.value = value;
    r.unit = unit;
    r.path = f.path;
    for (const std::string& k : path_keys) r.path += "/" + escape_pointer(k);
    return r;
}

}  // namespace fundsim
