// Strict formula parsing (docs/interfaces.md §2): every key is known, every number is a finite number, every
// factor kind has its parameters, and the sections agree with each other; each problem is an Error of
// kind formula naming the file and the JSON path.
#include "engine/formula/parse.hpp"

#include <set>

#include "engine/core/error.hpp"
#include "engine/formula/parse_factor.hpp"

namespace fundsim {

namespace {

// Each id must name a factor of the formula (`path` is the list's JSON path).
void resolve_ids(const Formula& f, const std::vector<std::string>& ids, const std::string& path,
                 const std::string& file) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (f.factor_index(ids[i]) < 0)
            fail_json(file, path + "/" + std::to_string(i),
                      "\"" + ids[i] + "\" is not a factor of this formula");
}

// The optional "excludes" list of a protection (MPPL, MFG): factors of the formula.
std::vector<std::string> excludes(Obj& section, const Formula& f, const std::string& file) {
    std::vector<std::string> ids =
        section.has("excludes") ? section.strings("excludes") : std::vector<std::string>{};
    resolve_ids(f, ids, section.child("excludes"), file);
    return ids;
}

// A London fringe factor lists the (non-fringe) factors it uplifts.
void resolve_fringe(Formula& f, const std::string& file) {
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
}

Mppl parse_mppl(Obj& top, const Formula& f, const std::string& file) {
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
    mp.excludes = excludes(m, f, file);
    m.done();
    return mp;
}

Mfg parse_mfg(Obj& top, const Formula& f, const std::string& file) {
    Obj m = top.object("mfg");
    m.skip("source");
    m.skip("note");
    Mfg g;
    g.percent = m.number("percent");
    if (g.percent <= -1 || g.percent > 1)
        fail_json(file, m.child("percent"), "must be a fraction such as -0.005");
    g.excludes = excludes(m, f, file);
    m.done();
    return g;
}

Capping parse_capping(Obj& top, const std::string& file) {
    Obj c = top.object("capping");
    c.skip("source");
    c.skip("note");
    Capping cap;
    cap.cap = c.number("cap");
    cap.scaling = c.number("scaling");
    if (cap.scaling < 0 || cap.scaling > 1) fail_json(file, c.child("scaling"), "must be from 0 to 1");
    c.done();
    return cap;
}

Budget parse_budget(Obj& top, const Formula& f, const std::string& file) {
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
            // Its destination (docs/la-budget.md §2); only `fundsim budget` reads it.
            if (one.has("to")) {
                ded.to = one.string("to");
                if (ded.to != "schools" && ded.to != "high_needs" && ded.to != "early_years" &&
                    ded.to != "central")
                    fail_json(
                        file, one.child("to"),
                        "\"" + ded.to +
                            "\" is not a DSG block: expected schools, high_needs, early_years or central");
            }
            if (one.has("forum_agreed")) ded.forum_agreed = one.boolean("forum_agreed");
            one.done();
            bu.deductions.push_back(ded);
        }
    }
    if (b.has("balance_clawback")) {
        bu.balance_clawback = b.number("balance_clawback");
        if (!(bu.balance_clawback >= 0 && bu.balance_clawback <= 1e13))
            fail_json(file, b.child("balance_clawback"), "must be pounds, not negative");
    }
    if (b.has("solve_for") && !b.json().at("solve_for").is_null()) {
        const std::string s = b.string("solve_for");
        if (s == "scaling")
            bu.solve_for = Lever::scaling;
        else if (s == "cap")
            bu.solve_for = Lever::cap;
        else if (s == "factor_multiplier")
            bu.solve_for = Lever::factor_multiplier;
        else
            fail_json(file, b.child("solve_for"),
                      "\"" + s + "\" is not a lever: expected scaling, cap or factor_multiplier");
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
    return bu;
}

// A grant is one factor (it has a "kind") or named parts, each a factor; never an allocation or an uplift.
std::vector<Grant> parse_grants(Obj& top, const std::string& file) {
    std::vector<Grant> out;
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
        out.push_back(grant);
    }
    return out;
}

std::vector<std::pair<std::string, double>> parse_notional_sen(Obj& top, const Formula& f,
                                                               const std::string& file) {
    std::vector<std::pair<std::string, double>> out;
    Obj n = top.object("notional_sen");
    for (auto it = n.json().begin(); it != n.json().end(); ++it) {
        if (f.factor_index(it.key()) < 0)
            fail_json(file, n.child(it.key()), "\"" + it.key() + "\" is not a factor of this formula");
        double pct = n.number(it.key());
        if (pct < 0 || pct > 1) fail_json(file, n.child(it.key()), "must be a fraction from 0 to 1");
        out.emplace_back(it.key(), pct);
    }
    return out;
}

}  // namespace

// Each entry points (a JSON pointer, or {path, mark, note}) at a value of this formula.
std::vector<Provisional> parse_provisional(Obj& top, const Json& doc, const std::string& file) {
    std::vector<Provisional> out;
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
        out.push_back(pr);
    }
    return out;
}

namespace {

// Ids must be unique across factors, de-delegation items and grants, and none may be an output column
// of allocations.csv: they become columns.
void check_column_names(const Formula& f, const std::string& file) {
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, const std::string& path) {
        if (!ids.insert(id).second) fail_json(file, path, "\"" + id + "\" is used twice as a column name");
    };
    for (const auto& fac : f.factors) unique(fac.id, fac.path);
    for (const auto& d : f.de_delegation) unique(d.id, d.path);
    for (const auto& g : f.grants) unique(g.id, "/grants/" + escape_pointer(g.id));
    static const char* reserved[] = {"urn",
                                     "laestab",
                                     "name",
                                     "phase",
                                     "status",
                                     "area",
                                     "nor",
                                     "formula_total",
                                     "mppl_level",
                                     "mppl_topup",
                                     "mfg_baseline_per_pupil",
                                     "mfg_per_pupil",
                                     "mfg_change",
                                     "mfg_topup",
                                     "capping_deduction",
                                     "budget_share",
                                     "budget_share_per_pupil",
                                     "delegated_budget",
                                     "notional_sen",
                                     "flags"};
    for (const char* r : reserved)
        if (ids.count(r))
            fail_json(file, "/factors", std::string("\"") + r + "\" is a reserved output column name");
}

}  // namespace

namespace {

// The sections after the factors: MPPL, MFG, capping and budget, and the check between them. What
// reparse_settings reads again; parse_formula reads them here too, so both make the same checks in the
// same order.
void parse_settings(Obj& top, Formula& f) {
    const std::string& file = f.file;
    f.mppl.reset();
    f.mfg.reset();
    f.capping = Capping{};
    f.budget.reset();
    if (top.has("mppl")) f.mppl = parse_mppl(top, f, file);
    if (top.has("mfg")) f.mfg = parse_mfg(top, f, file);
    if (top.has("capping")) f.capping = parse_capping(top, file);
    if (top.has("budget") && !top.json().at("budget").is_null()) {
        f.budget = parse_budget(top, f, file);
    } else if (top.has("budget")) {
        top.at("budget");
    }
    // A cap below the MFG percent would capture schools the MFG protects (docs/funding-model.md §4.3: c >=
    // m). Checked after the budget: solving for scaling puts a scaling above 0 in force whatever the file
    // says.
    const bool scaled = f.capping.scaling > 0 || (f.budget && f.budget->solve_for == Lever::scaling);
    if (f.mfg && scaled && f.capping.cap < f.mfg->percent)
        fail_json(file, "/capping/cap",
                  "must not be below the MFG percent (a school cannot be both protected and capped)");
}

}  // namespace

void reparse_settings(Formula& f) {
    Obj top(f.doc, "", f.file);
    parse_settings(top, f);
}

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
    resolve_fringe(f, file);

    parse_settings(top, f);
    if (top.has("de_delegation")) f.de_delegation = parse_factor_map(top, "de_delegation", file);
    if (top.has("grants")) f.grants = parse_grants(top, file);
    for (const auto& d : f.de_delegation)
        if (d.kind == FactorKind::london_fringe)
            fail_json(file, d.path, "a de-delegation item cannot be of this kind");
    if (top.has("notional_sen")) f.notional_sen = parse_notional_sen(top, f, file);
    if (top.has("provisional")) f.provisional = parse_provisional(top, doc, file);
    top.done();

    check_column_names(f, file);
    return f;
}

Formula load_formula(const std::string& path) {
    return parse_formula(read_json_file(path, ErrorKind::formula), path);
}

}  // namespace fundsim
