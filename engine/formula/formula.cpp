// Strict formula parsing: every key is known, every number is a finite number, every factor kind has
// its parameters; each problem is an InputError naming the file and the JSON path.
#include "engine/formula/formula.hpp"

#include <set>

#include "engine/core/error.hpp"

namespace fundsim {

const char* to_string(FactorKind k) {
    switch (k) {
        case FactorKind::per_pupil: return "per_pupil";
        case FactorKind::per_unit: return "per_unit";
        case FactorKind::banded: return "banded";
        case FactorKind::per_unit_above_threshold: return "per_unit_above_threshold";
        case FactorKind::lump_sum: return "lump_sum";
        case FactorKind::sparsity: return "sparsity";
        case FactorKind::actual: return "actual";
        case FactorKind::per_column: return "per_column";
        case FactorKind::allocation: return "allocation";
        case FactorKind::london_fringe: return "london_fringe";
    }
    return "?";
}

const char* to_string(Lever l) {
    switch (l) {
        case Lever::none: return "none";
        case Lever::scaling: return "scaling";
        case Lever::cap: return "cap";
        case Lever::factor_multiplier: return "factor_multiplier";
    }
    return "?";
}

int Formula::factor_index(const std::string& id) const {
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (factors[i].id == id) return static_cast<int>(i);
    return -1;
}

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
                fail_json(file, o.child("phases") + "/" + std::to_string(i),
                          "\"" + list[i] + "\" is not a phase: expected primary, secondary, middle or all_through");
            f.phases[static_cast<int>(p)] = true;
        }
    }
    if (o.has("status")) {
        f.status = {false, false};
        const Json& v = o.json().at("status");
        std::vector<std::string> list = v.is_string() ? std::vector<std::string>{v.get<std::string>()} : o.strings("status");
        if (v.is_string()) o.at("status");
        for (std::size_t i = 0; i < list.size(); ++i) {
            Status s;
            if (!parse_status(list[i], s))
                fail_json(file, o.child("status"), "\"" + list[i] + "\" is not a status: expected maintained or academy");
            f.status[static_cast<int>(s)] = true;
        }
    }
}

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
    auto rate_obj = [&]() { return o.object("rate"); };
    if (kind == "per_pupil") {
        f.kind = FactorKind::per_pupil;
        Obj r = rate_obj();
        f.rate_primary = r.number("primary");
        f.rate_ks3 = r.number("ks3");
        f.rate_ks4 = r.number("ks4");
        r.done();
    } else if (kind == "per_unit" || kind == "per_unit_above_threshold") {
        f.kind = kind == "per_unit" ? FactorKind::per_unit : FactorKind::per_unit_above_threshold;
        f.measure = o.string("measure");
        Obj r = rate_obj();
        f.rate_primary = r.number("primary");
        f.rate_secondary = r.number("secondary");
        r.done();
        if (f.kind == FactorKind::per_unit_above_threshold) {
            f.threshold = o.number("threshold");
            if (f.threshold < 0 || f.threshold >= 1) fail_json(file, o.child("threshold"), "must be a fraction from 0 to below 1");
        }
    } else if (kind == "banded") {
        f.kind = FactorKind::banded;
        f.measure = o.string("measure");
        Obj r = rate_obj();
        for (auto it = r.json().begin(); it != r.json().end(); ++it) {
            Obj b = r.object(it.key());
            Band band;
            band.name = it.key();
            band.primary = b.number("primary");
            band.secondary = b.number("secondary");
            b.done();
            f.bands.push_back(band);
        }
        if (f.bands.empty()) fail_json(file, o.child("rate"), "has no bands");
    } else if (kind == "lump_sum") {
        f.kind = FactorKind::lump_sum;
        f.lump = phase_values(o, "rate", false);
    } else if (kind == "sparsity") {
        f.kind = FactorKind::sparsity;
        f.maximum = phase_values(o, "maximum", true);
        f.distance_threshold = phase_values(o, "distance_threshold", true);
        f.year_group_threshold = phase_values(o, "year_group_threshold", true);
        for (int p = 0; p < 4; ++p) {
            if (f.distance_threshold.value[p] <= 0)
                fail_json(file, o.child("distance_threshold") + "/" + kPhaseNames[p], "must be above 0 miles");
            if (f.year_group_threshold.value[p] <= 0)
                fail_json(file, o.child("year_group_threshold") + "/" + kPhaseNames[p], "must be above 0 pupils");
        }
        f.distance_taper = o.boolean("distance_taper");
        const std::string t = o.string("year_group_taper");
        if (t == "nff") f.year_group_taper = YearGroupTaper::nff;
        else if (t == "linear") f.year_group_taper = YearGroupTaper::linear;
        else if (t == "none") f.year_group_taper = YearGroupTaper::none;
        else fail_json(file, o.child("year_group_taper"), "\"" + t + "\" is not a taper: expected nff, linear or none");
    } else if (kind == "actual") {
        f.kind = FactorKind::actual;
        f.column = o.string("column");
    } else if (kind == "per_column") {
        f.kind = FactorKind::per_column;
        Obj r = rate_obj();
        for (auto it = r.json().begin(); it != r.json().end(); ++it) f.column_rates.emplace_back(it.key(), r.number(it.key()));
        if (f.column_rates.empty()) fail_json(file, o.child("rate"), "names no census column");
    } else if (kind == "allocation") {
        f.kind = FactorKind::allocation;
        f.pot = o.number("pot");
        f.basis = o.has("basis") ? o.string("basis") : "nor";
        if (o.has("urns")) {
            const Json& u = o.at("urns");
            if (!u.is_array()) fail_json(file, o.child("urns"), "expected a list of URNs");
            for (std::size_t i = 0; i < u.size(); ++i) {
                if (!u[i].is_number_integer() || u[i].get<std::int64_t>() <= 0)
                    fail_json(file, o.child("urns") + "/" + std::to_string(i), "expected a URN (a positive whole number)");
                f.urns.push_back(u[i].get<std::int64_t>());
            }
        }
        if (o.has("areas")) f.areas = o.strings("areas");
    } else if (kind == "london_fringe") {
        f.kind = FactorKind::london_fringe;
        f.multiplier = o.number("multiplier");
        if (f.multiplier < 1 || f.multiplier > 2) fail_json(file, o.child("multiplier"), "must be from 1 to 2");
        f.fringe_factors = o.strings("factors");
    } else {
        fail_json(file, o.child("kind"),
                  "\"" + kind +
                      "\" is not a factor kind: expected per_pupil, per_unit, banded, per_unit_above_threshold, "
                      "lump_sum, sparsity, actual, per_column, allocation or london_fringe");
    }
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

void resolve_ids(const Formula& f, const std::vector<std::string>& ids, const std::string& path, const std::string& file) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (f.factor_index(ids[i]) < 0)
            fail_json(file, path + "/" + std::to_string(i), "\"" + ids[i] + "\" is not a factor of this formula");
}

}  // namespace

Formula parse_formula(const Json& doc, const std::string& file) {
    Formula f;
    f.file = file;
    f.doc = doc;
    Obj top(doc, "", file);
    f.name = top.string("name");
    f.year = top.has("year") ? top.string("year") : "";
    f.source = top.has("source") ? top.string("source") : "";
    top.skip("note");
    if (top.has("reception_uplift")) f.reception_uplift = top.boolean("reception_uplift");

    f.factors = parse_factor_map(top, "factors", file);
    if (f.factors.empty()) fail_json(file, "/factors", "has no factors");
    for (auto& fac : f.factors) {
        if (fac.kind != FactorKind::london_fringe) continue;
        for (std::size_t i = 0; i < fac.fringe_factors.size(); ++i) {
            int k = f.factor_index(fac.fringe_factors[i]);
            if (k < 0 || f.factors[static_cast<std::size_t>(k)].kind == FactorKind::london_fringe)
                fail_json(file, fac.path + "/factors/" + std::to_string(i),
                          "\"" + fac.fringe_factors[i] + "\" is not a (non-fringe) factor of this formula");
            fac.fringe_indices.push_back(k);
        }
    }

    if (top.has("mppl")) {
        Obj m = top.object("mppl");
        m.skip("source");
        m.skip("note");
        Obj l = m.object("level");
        Mppl mp;
        mp.primary = l.number("primary");
        if (l.has("secondary")) {
            if (l.has("ks3") || l.has("ks4"))
                fail_json(file, l.child("secondary"), "give either secondary or ks3 and ks4, not both");
            mp.ks3 = mp.ks4 = l.number("secondary");
        } else {
            mp.ks3 = l.number("ks3");
            mp.ks4 = l.number("ks4");
        }
        l.done();
        mp.excludes = m.has("excludes") ? m.strings("excludes") : std::vector<std::string>{};
        resolve_ids(f, mp.excludes, m.child("excludes"), file);
        m.done();
        f.mppl = mp;
    }
    if (top.has("mfg")) {
        Obj m = top.object("mfg");
        m.skip("source");
        m.skip("note");
        Mfg g;
        g.percent = m.number("percent");
        if (g.percent <= -1 || g.percent > 1) fail_json(file, m.child("percent"), "must be a fraction such as -0.005");
        g.excludes = m.has("excludes") ? m.strings("excludes") : std::vector<std::string>{};
        resolve_ids(f, g.excludes, m.child("excludes"), file);
        m.done();
        f.mfg = g;
    }
    if (top.has("capping")) {
        Obj c = top.object("capping");
        c.skip("source");
        c.skip("note");
        f.capping.cap = c.number("cap");
        f.capping.scaling = c.number("scaling");
        if (f.capping.scaling < 0 || f.capping.scaling > 1) fail_json(file, c.child("scaling"), "must be from 0 to 1");
        c.done();
    }
    if (top.has("budget") && !top.json().at("budget").is_null()) {
        Obj b = top.object("budget");
        b.skip("source");
        b.skip("note");
        Budget bu;
        bu.schools_block = b.number("schools_block");
        if (bu.schools_block < 0) fail_json(file, b.child("schools_block"), "must not be negative");
        if (b.has("deductions")) {
            Obj d = b.object("deductions");
            for (auto it = d.json().begin(); it != d.json().end(); ++it) {
                Obj one = d.object(it.key());
                one.skip("source");
                one.skip("note");
                Deduction ded;
                ded.id = it.key();
                if (one.has("amount") == one.has("percent"))
                    fail_json(file, one.path(), "give exactly one of amount or percent");
                ded.is_percent = one.has("percent");
                ded.value = ded.is_percent ? one.number("percent") : one.number("amount");
                if (ded.value < 0) fail_json(file, one.path(), "must not be negative");
                one.done();
                bu.deductions.push_back(ded);
            }
        }
        if (b.has("solve_for") && !b.json().at("solve_for").is_null()) {
            const std::string s = b.string("solve_for");
            if (s == "scaling") bu.solve_for = Lever::scaling;
            else if (s == "cap") bu.solve_for = Lever::cap;
            else if (s == "factor_multiplier") bu.solve_for = Lever::factor_multiplier;
            else fail_json(file, b.child("solve_for"), "\"" + s + "\" is not a lever: expected scaling, cap or factor_multiplier");
        } else if (b.has("solve_for")) {
            b.at("solve_for");
        }
        if (b.has("factors")) {
            bu.multiplier_factors = b.strings("factors");
            resolve_ids(f, bu.multiplier_factors, b.child("factors"), file);
            if (bu.solve_for != Lever::factor_multiplier)
                fail_json(file, b.child("factors"), "is only used with \"solve_for\": \"factor_multiplier\"");
        } else if (bu.solve_for == Lever::factor_multiplier) {
            // Default: every factor that has a rate, i.e. all but premises passed through at cost.
            for (const auto& fac : f.factors)
                if (fac.kind != FactorKind::actual) bu.multiplier_factors.push_back(fac.id);
        }
        b.done();
        f.budget = bu;
    } else if (top.has("budget")) {
        top.at("budget");
    }
    // A cap below the MFG percent would capture schools the MFG protects (funding-model §4.3: c >= m).
    // Checked after the budget: solving for scaling puts a scaling above 0 in force whatever the file says.
    const bool scaled = f.capping.scaling > 0 || (f.budget && f.budget->solve_for == Lever::scaling);
    if (f.mfg && scaled && f.capping.cap < f.mfg->percent)
        fail_json(file, "/capping/cap", "must not be below the MFG percent (a school cannot be both protected and capped)");
    if (top.has("de_delegation")) f.de_delegation = parse_factor_map(top, "de_delegation", file);
    if (top.has("grants")) {
        Obj g = top.object("grants");
        for (auto it = g.json().begin(); it != g.json().end(); ++it) {
            g.at(it.key());
            Grant grant;
            grant.id = it.key();
            const std::string gp = g.child(it.key());
            if (!it.value().is_object()) fail_json(file, gp, "expected an object");
            if (it.value().contains("kind")) {
                grant.parts.push_back(parse_factor(it.value(), it.key(), gp, file));
            } else {
                Obj parts(it.value(), gp, file);
                parts.skip("source");
                parts.skip("note");
                for (auto pt = it.value().begin(); pt != it.value().end(); ++pt) {
                    if (pt.key() == "source" || pt.key() == "note") continue;
                    parts.at(pt.key());
                    grant.parts.push_back(parse_factor(pt.value(), pt.key(), parts.child(pt.key()), file));
                }
                if (grant.parts.empty()) fail_json(file, gp, "has no parts");
            }
            for (const auto& p : grant.parts)
                if (p.kind == FactorKind::london_fringe || p.kind == FactorKind::allocation)
                    fail_json(file, p.path, "a grant part cannot be of this kind");
            f.grants.push_back(grant);
        }
    }
    for (const auto& d : f.de_delegation)
        if (d.kind == FactorKind::london_fringe) fail_json(file, d.path, "a de-delegation item cannot be of this kind");
    if (top.has("notional_sen")) {
        Obj n = top.object("notional_sen");
        for (auto it = n.json().begin(); it != n.json().end(); ++it) {
            if (f.factor_index(it.key()) < 0)
                fail_json(file, n.child(it.key()), "\"" + it.key() + "\" is not a factor of this formula");
            double pct = n.number(it.key());
            if (pct < 0 || pct > 1) fail_json(file, n.child(it.key()), "must be a fraction from 0 to 1");
            f.notional_sen.emplace_back(it.key(), pct);
        }
    }
    if (top.has("provisional")) {
        const Json& p = top.at("provisional");
        if (!p.is_array()) fail_json(file, "/provisional", "expected a list");
        for (std::size_t i = 0; i < p.size(); ++i) {
            const std::string ip = "/provisional/" + std::to_string(i);
            Provisional pr;
            if (p[i].is_string()) {
                pr.path = p[i].get<std::string>();
            } else {
                Obj o(p[i], ip, file);
                pr.path = o.string("path");
                if (o.has("mark")) pr.mark = o.string("mark");
                if (o.has("note")) pr.note = o.string("note");
                o.done();
            }
            bool ok = false;
            try {
                ok = doc.contains(Json::json_pointer(pr.path));
            } catch (const std::exception&) {
                ok = false;
            }
            if (!ok) fail_json(file, ip, "\"" + pr.path + "\" does not point at a value of this formula");
            f.provisional.push_back(pr);
        }
    }
    top.done();

    // Ids must be unique across factors, de-delegation items and grants: they become columns.
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, const std::string& path) {
        if (!ids.insert(id).second) fail_json(file, path, "\"" + id + "\" is used twice as a column name");
    };
    for (const auto& fac : f.factors) unique(fac.id, fac.path);
    for (const auto& d : f.de_delegation) unique(d.id, d.path);
    for (const auto& g : f.grants) unique(g.id, "/grants/" + escape_pointer(g.id));
    static const char* reserved[] = {"urn", "laestab", "name", "phase", "status", "area", "nor", "formula_total",
                                     "mppl_level", "mppl_topup", "mfg_baseline_per_pupil", "mfg_per_pupil",
                                     "mfg_change", "mfg_topup", "capping_deduction", "budget_share",
                                     "budget_share_per_pupil", "delegated_budget", "notional_sen", "flags"};
    for (const char* r : reserved)
        if (ids.count(r)) fail_json(file, "/factors", std::string("\"") + r + "\" is a reserved output column name");
    return f;
}


Formula load_formula(const std::string& path) { return parse_formula(read_json_file(path), path); }

Scenario load_scenario(const std::string& path) {
    Json doc = read_json_file(path);
    Scenario s;
    s.file = path;
    Obj o(doc, "", path);
    s.name = o.string("name");
    std::string base = o.string("base");
    o.skip("note");
    o.skip("source");
    const Json& changes = o.at("changes");
    if (!changes.is_object()) fail_json(path, "/changes", "expected an object (an RFC 7386 merge patch)");
    o.done();
    std::string dir;
    auto slash = path.find_last_of('/');
    if (slash != std::string::npos) dir = path.substr(0, slash + 1);
    const std::string base_path = (!base.empty() && base[0] == '/') ? base : dir + base;
    if (base_path == path) fail_json(path, "/base", "refers to the scenario itself");
    Json base_doc;
    try {
        base_doc = read_json_file(base_path);
    } catch (const InputError& e) {
        fail_json(path, "/base", "\"" + base + "\": " + e.what());
    }
    if (base_doc.is_object() && base_doc.contains("changes") && base_doc.contains("base"))
        fail_json(path, "/base", "\"" + base + "\" is a scenario, not a formula: a scenario patches a formula file");
    base_doc.merge_patch(changes);
    if (base_doc.is_object() && !changes.contains("name")) base_doc["name"] = s.name;
    s.formula = parse_formula(base_doc, path + " (patched " + base + ")");
    return s;
}

std::vector<ColumnNeed> columns_needed(const Formula& f) {
    std::vector<ColumnNeed> out;
    auto add = [&](const std::string& c, const std::string& why, bool neg = false) {
        for (const auto& n : out)
            if (n.column == c) return;
        out.push_back({c, why, neg});
    };
    auto factor_columns = [&](const Factor& fac, const std::string& role) {
        const std::string why = "used by " + role + " " + fac.id;
        switch (fac.kind) {
            case FactorKind::per_unit:
            case FactorKind::per_unit_above_threshold:
                add(fac.measure + "_primary", why);
                add(fac.measure + "_secondary", why);
                break;
            case FactorKind::banded:
                for (const auto& b : fac.bands) {
                    add(fac.measure + "_" + b.name + "_primary", why);
                    add(fac.measure + "_" + b.name + "_secondary", why);
                }
                break;
            case FactorKind::sparsity: add("sparsity_distance", why); break;
            case FactorKind::actual: add(fac.column, why, true); break;
            case FactorKind::per_column:
                for (const auto& [c, r] : fac.column_rates) add(c, why);
                break;
            case FactorKind::allocation:
                if (fac.basis != "nor" && fac.basis != "school") add(fac.basis, why);
                break;
            case FactorKind::london_fringe: add("london_fringe", why); break;
            default: break;
        }
    };
    for (const auto& fac : f.factors) factor_columns(fac, "factor");
    for (const auto& d : f.de_delegation) factor_columns(d, "de-delegation item");
    for (const auto& g : f.grants)
        for (const auto& p : g.parts) factor_columns(p, "grant " + g.id + " part");
    return out;
}

void prepare_census(Census& census, const Formula& f) {
    for (const auto& need : columns_needed(f)) census.numeric(need.column, need.why, need.allow_negative);
}

}  // namespace fundsim
