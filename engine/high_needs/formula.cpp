// Strict parsing of a high needs formula (docs/high-needs.md §1): every key known, every amount a finite
// number within bounds, every setting one of the list; each problem names the file and the JSON path.
#include "engine/high_needs/formula.hpp"

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/parse.hpp"

namespace fundsim::hn {

namespace {

// An amount of money in the formula: not negative, and not beyond any budget (kMaxMoney).
double money_at(Obj& o, const std::string& key, const std::string& file) {
    const double v = o.number(key);
    if (v < 0) fail_json(file, o.child(key), "must not be negative");
    if (v > kMaxMoney) fail_json(file, o.child(key), "is beyond any budget (more than £10 billion)");
    return v;
}

Setting setting_key(const Obj& o, const std::string& key, const std::string& file) {
    const auto s = setting_named(key);
    if (!s) fail_json(file, o.child(key), "\"" + key + "\" is not a setting: expected " + setting_list());
    return *s;
}

void parse_place_rates(Obj& top, HnFormula& f, const std::string& file) {
    Obj r = top.object("place_rates");
    r.skip("source");
    r.skip("note");
    for (auto it = r.json().begin(); it != r.json().end(); ++it) {
        if (it.key() == "source" || it.key() == "note") continue;
        const Setting s = setting_key(r, it.key(), file);
        if (!has_place_funding(s))
            fail_json(
                file, r.child(it.key()),
                "a " + it.key() + " provider has no place funding (the top-up pays the rest): remove it");
        f.place_rates[index_of(s)] = money_at(r, it.key(), file);
    }
    r.done();
}

// docs/high-needs.md §1: a setting's entry in "bands" is its table, or the name of a setting whose table
// it uses ("ap": "special").
void parse_bands(Obj& top, HnFormula& f, const std::string& file) {
    Obj b = top.object("bands");
    b.skip("source");
    b.skip("note");
    f.band_table.fill(-1);
    std::vector<std::pair<Setting, std::string>> aliases;
    for (auto it = b.json().begin(); it != b.json().end(); ++it) {
        if (it.key() == "source" || it.key() == "note") continue;
        const Setting s = setting_key(b, it.key(), file);
        if (it.value().is_string()) {
            aliases.emplace_back(s, b.string(it.key()));
            continue;
        }
        Obj t = b.object(it.key());
        t.skip("source");
        t.skip("note");
        BandTable table;
        table.path = t.path();
        for (auto bt = t.json().begin(); bt != t.json().end(); ++bt) {
            if (bt.key() == "source" || bt.key() == "note") continue;
            if (bt.key().empty()) fail_json(file, t.child(""), "a band needs a name");
            table.rates.emplace_back(bt.key(), money_at(t, bt.key(), file));
        }
        t.done();
        if (table.rates.empty()) fail_json(file, t.path(), "has no bands");
        f.band_table[index_of(s)] = static_cast<int>(f.tables.size());
        f.tables.push_back(std::move(table));
    }
    for (const auto& [s, name] : aliases) {
        const std::string path = b.child(to_string(s));
        const auto target = setting_named(name);
        if (!target) fail_json(file, path, "\"" + name + "\" is not a setting: expected " + setting_list());
        if (f.band_table[index_of(*target)] < 0)
            fail_json(file, path,
                      "\"" + name + "\" has no table of its own in \"bands\" (a name must point at a table)");
        f.band_table[index_of(s)] = f.band_table[index_of(*target)];
    }
    b.done();
}

ImportExport parse_import_export(Obj& top, const std::string& file) {
    Obj o = top.object("import_export");
    o.skip("source");
    o.skip("note");
    ImportExport ie;
    ie.rate = money_at(o, "rate", file);
    for (const char* k : {"imports", "exports"}) {
        const double v = o.number(k);
        if (v < 0 || v > 1e7) fail_json(file, o.child(k), "must be a number of pupils from 0 to 10,000,000");
        (std::string(k) == "imports" ? ie.imports : ie.exports) = v;
    }
    o.done();
    return ie;
}

std::vector<std::pair<std::string, double>> parse_central(Obj& top, const std::string& file) {
    Obj c = top.object("central");
    c.skip("source");
    c.skip("note");
    std::vector<std::pair<std::string, double>> out;
    for (auto it = c.json().begin(); it != c.json().end(); ++it) {
        if (it.key() == "source" || it.key() == "note") continue;
        if (it.key().empty()) fail_json(file, c.child(""), "a central line needs a name");
        out.emplace_back(it.key(), money_at(c, it.key(), file));
    }
    c.done();
    return out;
}

double parse_special_mfg(Obj& top, const std::string& file) {
    Obj m = top.object("special_mfg");
    m.skip("source");
    m.skip("note");
    const double p = m.number("percent");
    if (p <= -1 || p > 1) fail_json(file, m.child("percent"), "must be a fraction such as -0.015");
    m.done();
    return p;
}

}  // namespace

HnFormula parse_hn_formula(const Json& doc, const std::string& file) {
    HnFormula f;
    f.file = file;
    f.doc = doc;
    Obj top(doc, "", file);
    f.name = top.string("name");
    f.year = top.string("year");
    const auto fy = financial_year_of(f.year);
    if (!fy) fail_json(file, "/year", "\"" + f.year + "\" is not a financial year: expected e.g. 2025-26");
    f.fy = *fy;
    f.source = top.has("source") ? top.string("source") : "";
    top.skip("note");
    if (top.has("la")) f.la = top.string("la");
    parse_place_rates(top, f, file);
    const std::string pr = top.string("proration");
    if (pr == "months")
        f.proration = Proration::months;
    else if (pr == "days")
        f.proration = Proration::days;
    else
        fail_json(file, "/proration", "\"" + pr + "\" is not a proration: expected months or days");
    parse_bands(top, f, file);
    if (top.has("import_export")) f.import_export = parse_import_export(top, file);
    if (top.has("central")) f.central = parse_central(top, file);
    if (top.has("special_mfg")) f.special_mfg_percent = parse_special_mfg(top, file);
    if (top.has("provisional")) f.provisional = parse_provisional(top, doc, file);
    top.done();
    return f;
}

HnFormula load_hn_formula(const std::string& path) {
    return parse_hn_formula(read_json_file(path, ErrorKind::formula), path);
}

}  // namespace fundsim::hn
