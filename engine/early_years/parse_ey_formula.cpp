// Strict early years formula parsing (docs/early-years.md §1): every key known, every number finite and in
// range, each problem an Error of kind formula naming the file and the JSON path.
#include "engine/early_years/parse_ey_formula.hpp"

#include <set>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/parse.hpp"

namespace fundsim {

namespace {

// The output columns of payments.csv a supplement id may not take (docs/early-years.md §3).
constexpr const char* kReservedColumns[] = {"provider",
                                            "name",
                                            "type",
                                            "term",
                                            "hours_u2",
                                            "hours_two",
                                            "hours_three_four",
                                            "base",
                                            "nursery_school_supp",
                                            "eypp",
                                            "daf",
                                            "total"};

// A rate or an amount: not negative, and within the £10 billion every money line of fundsim stays under
// (engine/core/money.hpp kMaxMoney), so that no product of it can leave exact pennies.
double non_negative(Obj& o, const std::string& key, const std::string& file) {
    const double v = o.number(key);
    if (v < 0) fail_json(file, o.child(key), "must not be negative");
    if (v > kMaxMoney) fail_json(file, o.child(key), "is implausibly large (above 10,000,000,000)");
    return v;
}

// {"u2": ..., "two": ..., "three_four": ...}: every group, nothing else.
std::array<double, kEyGroups> by_group(Obj& parent, const std::string& key, const std::string& file) {
    Obj o = parent.object(key);
    if (!o.json().is_object()) fail_json(file, o.path(), "expected an object with u2, two and three_four");
    std::array<double, kEyGroups> out{};
    for (std::size_t g = 0; g < kEyGroups; ++g) out[g] = non_negative(o, std::string(kEyGroupNames[g]), file);
    o.skip("source");
    o.done();
    return out;
}

EySupplement parse_supplement(Obj& o, const std::string& id, const std::string& file) {
    if (!o.json().is_object())
        fail_json(file, o.path(), "expected an object with kind, column, rate, groups");
    EySupplement s;
    s.id = id;
    s.path = o.path();
    const std::string kind = o.string("kind");
    if (kind == "per_provider")
        s.per_provider = true;
    else if (kind != "per_hour")
        fail_json(file, o.child("kind"),
                  "\"" + kind + "\" is not a supplement kind: expected per_hour or per_provider");
    s.column = o.string("column");
    if (s.column.empty()) fail_json(file, o.child("column"), "must name a column");
    static const std::set<std::string> not_numbers = {"provider", "name", "type",
                                                      "area",     "term", "entitlement"};
    if (not_numbers.count(s.column))
        fail_json(file, o.child("column"), "\"" + s.column + "\" is not a numeric column");
    s.rate = non_negative(o, "rate", file);
    const std::vector<std::string> groups = o.strings("groups");
    const std::string gpath = o.child("groups");
    if (groups.empty()) fail_json(file, gpath, "must name at least one group (u2, two, three_four)");
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const int g = name_index(kEyGroupNames, groups[i]);
        if (g < 0)
            fail_json(file, gpath + "/" + std::to_string(i),
                      "\"" + groups[i] + "\" is not a group: expected u2, two or three_four");
        if (s.groups[static_cast<std::size_t>(g)])
            fail_json(file, gpath + "/" + std::to_string(i), "\"" + groups[i] + "\" is listed twice");
        s.groups[static_cast<std::size_t>(g)] = true;
    }
    // A per_provider supplement is one amount a year: it belongs to one group, so that the supplement cap
    // and the payments by group know where it sits (docs/early-years.md §2, a choice of this page).
    if (s.per_provider && groups.size() != 1)
        fail_json(file, gpath, "a per_provider supplement belongs to exactly one group");
    o.skip("source");
    o.skip("note");
    o.done();
    return s;
}

void parse_budget(Obj& top, EyFormula& f, const std::string& file) {
    Obj b = top.object("budget");
    if (!b.json().is_object()) fail_json(file, "/budget", "expected an object with allocation and central");
    b.skip("source");
    {
        Obj a = b.object("allocation");
        if (!a.json().is_object())
            fail_json(file, a.path(), "expected an object with u2, two and three_four");
        for (std::size_t g = 0; g < kEyGroups; ++g)
            f.allocation[g] = non_negative(a, std::string(kEyGroupNames[g]), file);
        if (a.has("eypp")) f.allocation_eypp = non_negative(a, "eypp", file);
        if (a.has("daf")) f.allocation_daf = non_negative(a, "daf", file);
        a.skip("source");
        a.done();
    }
    if (b.has("central")) {
        Obj c = b.object("central");
        if (!c.json().is_object()) fail_json(file, c.path(), "expected an object of named amounts");
        std::vector<std::string> keys;
        for (auto it = c.json().begin(); it != c.json().end(); ++it)
            if (it.key() != "source") keys.push_back(it.key());
        c.skip("source");
        for (const std::string& id : keys) {
            EyCentralLine line;
            line.id = id;
            if (c.json().at(id).is_object()) {
                Obj l = c.object(id);
                line.amount = non_negative(l, "amount", file);
                if (l.has("counts_as_passed")) line.counts_as_passed = l.boolean("counts_as_passed");
                l.skip("source");
                l.skip("note");
                l.done();
            } else {
                line.amount = non_negative(c, id, file);
            }
            f.central.push_back(line);
        }
        c.done();
    }
    if (b.has("solve_for")) {
        const std::string lever = b.string("solve_for");
        if (lever != "base_rate")
            fail_json(file, b.child("solve_for"),
                      "\"" + lever + "\" cannot be solved for: expected base_rate");
        f.solve_base_rate = true;
    }
    b.done();
}

}  // namespace

EyFormula parse_ey_formula(const Json& doc, const std::string& file) {
    if (!doc.is_object()) fail_json(file, "", "expected an early years formula (a JSON object)");
    EyFormula f;
    f.file = file;
    Obj top(doc, "", file);
    f.name = top.string("name");
    f.year = top.has("year") ? top.string("year") : "";
    f.source = top.has("source") ? top.string("source") : "";
    top.skip("note");
    f.base_rate = by_group(top, "base_rate", file);

    if (top.has("supplements")) {
        Obj s = top.object("supplements");
        if (!s.json().is_object()) fail_json(file, "/supplements", "expected an object of named supplements");
        std::vector<std::string> keys;
        for (auto it = s.json().begin(); it != s.json().end(); ++it)
            if (it.key() != "source") keys.push_back(it.key());
        s.skip("source");
        for (const std::string& id : keys) {
            for (const char* r : kReservedColumns)
                if (id == r)
                    fail_json(file, s.child(id),
                              "\"" + id + "\" is a column of payments.csv: choose another id");
            Obj one = s.object(id);
            f.supplements.push_back(parse_supplement(one, id, file));
        }
        s.done();
    }

    // The cap is stated, as a fraction, or null for none (docs/early-years.md §2).
    const Json& cap = top.at("supplement_cap");
    if (!cap.is_null()) {
        const double c = top.number("supplement_cap");
        if (c < 0 || c > 1) fail_json(file, "/supplement_cap", "must be a fraction from 0 to 1, or null");
        f.supplement_cap = c;
    }
    if (top.has("nursery_school_supplement") && !top.at("nursery_school_supplement").is_null())
        f.nursery_school_supplement = non_negative(top, "nursery_school_supplement", file);
    if (top.has("eypp")) {
        Obj e = top.object("eypp");
        if (!e.json().is_object())
            fail_json(file, "/eypp", "expected an object with rate and max_hours_per_week");
        EyEypp eypp;
        eypp.rate = non_negative(e, "rate", file);
        eypp.max_hours_per_week = non_negative(e, "max_hours_per_week", file);
        if (eypp.max_hours_per_week > 168)
            fail_json(file, e.child("max_hours_per_week"), "must be at most 168 (the hours in a week)");
        e.skip("source");
        e.done();
        f.eypp = eypp;
    }
    if (top.has("daf")) {
        Obj d = top.object("daf");
        if (!d.json().is_object()) fail_json(file, "/daf", "expected an object with rate");
        f.daf_rate = non_negative(d, "rate", file);
        d.skip("source");
        d.done();
    }
    {
        Obj t = top.object("term_weeks");
        if (!t.json().is_object())
            fail_json(file, "/term_weeks", "expected an object with summer, autumn and spring");
        for (std::size_t k = 0; k < kTerms; ++k) {
            const std::string key(kTermNames[k]);
            f.term_weeks[k] = t.number(key);
            if (!(f.term_weeks[k] > 0 && f.term_weeks[k] <= 53))
                fail_json(file, t.child(key), "must be a number of weeks above 0 and at most 53");
        }
        t.skip("source");
        t.done();
    }
    {
        Obj p = top.object("pass_through");
        if (!p.json().is_object()) fail_json(file, "/pass_through", "expected an object with minimum");
        f.pass_through_minimum = p.number("minimum");
        if (f.pass_through_minimum < 0 || f.pass_through_minimum > 1)
            fail_json(file, "/pass_through/minimum", "must be a fraction from 0 to 1");
        p.skip("source");
        p.done();
    }
    parse_budget(top, f, file);
    if (top.has("provisional")) f.provisional = parse_provisional(top, doc, file);
    top.done();
    return f;
}

EyFormula load_ey_formula(const std::string& path) {
    return parse_ey_formula(read_json_file(path, ErrorKind::formula), path);
}

}  // namespace fundsim
