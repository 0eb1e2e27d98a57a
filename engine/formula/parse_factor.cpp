// Factor parsing (docs/interfaces.md §2): one function per factor kind, each reading exactly its kind's keys,
// and the filters (phases, status) every kind may carry. Errors name the file and the JSON path.
#include "engine/formula/parse_factor.hpp"

#include <cstdint>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"

namespace fundsim {

namespace {

const char* const kPhaseNames[4] = {"primary", "secondary", "middle", "all_through"};

PhaseValues phase_values(Obj& parent, const std::string& key, bool all_four) {
    Obj o = parent.object(key);
    PhaseValues pv;
    for (int p = 0; p < 4; ++p) {
        if (p < 2 || all_four || o.has(kPhaseNames[p])) {
            pv.value[p] = o.number(kPhaseNames[p]);
            pv.given[p] = true;
        }
    }
    o.done();
    return pv;
}

void read_filters(Obj& o, Factor& f, const std::string& file) {
    if (o.has("phases")) {
        f.phases = {false, false, false, false};
        auto list = o.strings("phases");
        for (std::size_t i = 0; i < list.size(); ++i) {
            Phase p;
            if (!parse_phase(list[i], p))
                fail_json(
                    file, o.child("phases") + "/" + std::to_string(i),
                    "\"" + list[i] + "\" is not a phase: expected primary, secondary, middle or all_through");
            f.phases[static_cast<int>(p)] = true;
        }
    }
    if (o.has("status")) {
        f.status = {false, false};
        const Json& v = o.json().at("status");
        std::vector<std::string> list =
            v.is_string() ? std::vector<std::string>{v.get<std::string>()} : o.strings("status");
        if (v.is_string()) o.at("status");
        for (std::size_t i = 0; i < list.size(); ++i) {
            Status s;
            if (!parse_status(list[i], s))
                fail_json(file, o.child("status"),
                          "\"" + list[i] + "\" is not a status: expected maintained or academy");
            f.status[static_cast<int>(s)] = true;
        }
    }
}

// Each kind's own keys (the kind, source, note and filters have been read).

void per_pupil(Obj& o, Factor& f) {
    Obj r = o.object("rate");
    f.rate_primary = r.number("primary");
    f.rate_ks3 = r.number("ks3");
    f.rate_ks4 = r.number("ks4");
    r.done();
}

// per_unit and per_unit_above_threshold: a rate per unit of a measure; the second counts only the units
// above a threshold fraction of the pupils.
void per_unit(Obj& o, Factor& f) {
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

void banded(Obj& o, Factor& f) {
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

void lump_sum(Obj& o, Factor& f) { f.lump = phase_values(o, "rate", false); }

void sparsity(Obj& o, Factor& f) {
    f.maximum = phase_values(o, "maximum", true);
    f.distance_threshold = phase_values(o, "distance_threshold", true);
    f.year_group_threshold = phase_values(o, "year_group_threshold", true);
    for (int p = 0; p < 4; ++p) {
        if (f.distance_threshold.value[p] <= 0)
            fail_json(f.file, o.child("distance_threshold") + "/" + kPhaseNames[p], "must be above 0 miles");
        if (f.year_group_threshold.value[p] <= 0)
            fail_json(f.file, o.child("year_group_threshold") + "/" + kPhaseNames[p],
                      "must be above 0 pupils");
    }
    f.distance_taper = o.boolean("distance_taper");
    const std::string t = o.string("year_group_taper");
    if (t == "nff")
        f.year_group_taper = YearGroupTaper::nff;
    else if (t == "linear")
        f.year_group_taper = YearGroupTaper::linear;
    else if (t == "none")
        f.year_group_taper = YearGroupTaper::none;
    else
        fail_json(f.file, o.child("year_group_taper"),
                  "\"" + t + "\" is not a taper: expected nff, linear or none");
}

void actual(Obj& o, Factor& f) { f.column = o.string("column"); }

void per_column(Obj& o, Factor& f) {
    Obj r = o.object("rate");
    for (auto it = r.json().begin(); it != r.json().end(); ++it)
        f.column_rates.emplace_back(it.key(), r.number(it.key()));
    if (f.column_rates.empty()) fail_json(f.file, o.child("rate"), "names no census column");
}

void allocation(Obj& o, Factor& f) {
    f.pot = o.number("pot");
    f.basis = o.has("basis") ? o.string("basis") : "nor";
    if (o.has("urns")) {
        const Json& u = o.at("urns");
        if (!u.is_array()) fail_json(f.file, o.child("urns"), "expected a list of URNs");
        for (std::size_t i = 0; i < u.size(); ++i) {
            if (!u[i].is_number_integer() || u[i].get<std::int64_t>() <= 0)
                fail_json(f.file, o.child("urns") + "/" + std::to_string(i),
                          "expected a URN (a positive whole number)");
            f.urns.push_back(u[i].get<std::int64_t>());
        }
    }
    if (o.has("areas")) f.areas = o.strings("areas");
}

void london_fringe(Obj& o, Factor& f) {
    f.multiplier = o.number("multiplier");
    if (f.multiplier < 1 || f.multiplier > 2) fail_json(f.file, o.child("multiplier"), "must be from 1 to 2");
    f.fringe_factors = o.strings("factors");
}

// Every kind, in the order the "not a factor kind" message lists them; the name is to_string(kind).
struct KindParser {
    FactorKind kind;
    void (*parse)(Obj&, Factor&);
};
constexpr KindParser kKinds[] = {
    {FactorKind::per_pupil, per_pupil},   {FactorKind::per_unit, per_unit},
    {FactorKind::banded, banded},         {FactorKind::per_unit_above_threshold, per_unit},
    {FactorKind::lump_sum, lump_sum},     {FactorKind::sparsity, sparsity},
    {FactorKind::actual, actual},         {FactorKind::per_column, per_column},
    {FactorKind::allocation, allocation}, {FactorKind::london_fringe, london_fringe},
};

// "per_pupil, per_unit, ... or london_fringe"
std::string kind_list() {
    std::string out;
    const std::size_t n = std::size(kKinds);
    for (std::size_t i = 0; i < n; ++i)
        out += std::string(i == 0 ? "" : i + 1 == n ? " or " : ", ") + to_string(kKinds[i].kind);
    return out;
}

}  // namespace

Factor parse_factor(const Json& j, const std::string& id, const std::string& path, const std::string& file) {
    Obj o(j, path, file);
    Factor f;
    f.id = id;
    f.path = path;
    f.file = file;
    const std::string kind = o.string("kind");
    o.skip("source");
    o.skip("note");
    read_filters(o, f, file);
    const KindParser* parser = nullptr;
    for (const KindParser& k : kKinds)
        if (kind == to_string(k.kind)) parser = &k;
    if (!parser)
        fail_json(file, o.child("kind"), "\"" + kind + "\" is not a factor kind: expected " + kind_list());
    f.kind = parser->kind;
    parser->parse(o, f);
    o.done();
    return f;
}

std::vector<Factor> parse_factor_map(Obj& parent, const std::string& key, const std::string& file) {
    std::vector<Factor> out;
    Obj o = parent.object(key);
    for (auto it = o.json().begin(); it != o.json().end(); ++it) {
        o.at(it.key());
        out.push_back(parse_factor(it.value(), it.key(), o.child(it.key()), file));
    }
    return out;
}

}  // namespace fundsim
