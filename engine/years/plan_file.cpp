// Reading a plan file (engine/years/plan_file.hpp; docs/multi-year.md §1).
#include "engine/years/plan_file.hpp"

#include <cstdio>
#include <filesystem>

#include "engine/core/error.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

namespace {

// "2025-26": the first year and the last two digits of the next.
bool parse_financial_year(const std::string& year, int& first) {
    if (year.size() != 7 || year[4] != '-') return false;
    for (std::size_t i = 0; i < 7; ++i)
        if (i != 4 && (year[i] < '0' || year[i] > '9')) return false;
    first = std::stoi(year.substr(0, 4));
    return std::stoi(year.substr(5, 2)) == (first + 1) % 100;
}

std::string resolve(const std::string& plan_file, const std::string& path) {
    const std::filesystem::path p(path);
    const std::filesystem::path dir = std::filesystem::path(plan_file).parent_path();
    if (p.is_absolute() || dir.empty()) return path;
    return (dir / p).string();
}

// A path inside the plan, as a non-empty string.
std::string file_key(Obj& o, const std::string& key, const std::string& plan_file) {
    const std::string v = o.string(key);
    if (v.empty()) fail_json(plan_file, o.child(key), "is empty: expected a file name", ErrorKind::input);
    return resolve(plan_file, v);
}

double fraction_key(Obj& o, const std::string& key, const std::string& file) {
    const double v = o.number(key);
    if (v <= -1)
        fail_json(file, o.child(key), "is -100% or less: a rate of change above -1 is expected",
                  ErrorKind::input);
    return v;
}

Uprating parse_uprating(Obj o, const std::string& file) {
    Uprating u;
    u.path = o.path();
    o.skip("source");
    o.skip("note");
    if (o.has("factors")) u.factors = fraction_key(o, "factors", file);
    if (o.has("lump_sum")) u.lump_sum = fraction_key(o, "lump_sum", file);
    if (o.has("sparsity")) u.sparsity = fraction_key(o, "sparsity", file);
    if (o.has("mppl")) {
        Obj m = o.object("mppl");
        m.skip("source");
        m.skip("note");
        for (const char* k : {"primary", "ks3", "ks4", "secondary"})
            if (m.has(k)) {
                const double v = m.number(k);
                if (v < 0)
                    fail_json(file, m.child(k), "is negative: an MPPL level is pounds per pupil",
                              ErrorKind::input);
                u.mppl[k] = v;
            }
        if (u.mppl.count("secondary") && (u.mppl.count("ks3") || u.mppl.count("ks4")))
            fail_json(file, m.path(), "gives secondary and ks3/ks4: give one or the other", ErrorKind::input);
        m.done();
    }
    if (o.has("mfg_percent")) u.mfg_percent = o.number("mfg_percent");
    if (o.has("schools_block_per_pupil"))
        u.schools_block_per_pupil = fraction_key(o, "schools_block_per_pupil", file);
    if (o.has("grants")) u.grants = fraction_key(o, "grants", file);
    if (o.has("premises")) u.premises = fraction_key(o, "premises", file);
    if (o.has("baseline_addition")) {
        Obj b = o.object("baseline_addition");
        b.skip("source");
        b.skip("note");
        Obj pp = b.object("per_pupil");
        pp.skip("source");
        pp.skip("note");
        u.addition_primary = pp.number_or("primary", 0);
        u.addition_secondary = pp.number_or("secondary", 0);
        pp.done();
        b.done();
    }
    o.done();
    return u;
}

}  // namespace

bool next_financial_year(const std::string& year, std::string& next) {
    int first = 0;
    if (!parse_financial_year(year, first)) return false;
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", first + 1, (first + 2) % 100);
    next = b;
    return true;
}

PlanFile load_plan(const std::string& path) {
    const Json doc = read_json_file(path);
    PlanFile p;
    p.file = path;
    if (!doc.is_object()) fail_json(path, "", "is not a plan: expected a JSON object", ErrorKind::input);
    Obj o(doc, "", path, ErrorKind::input);
    o.skip("source");
    o.skip("note");
    p.name = o.string("name");

    Obj start = o.object("start");
    start.skip("source");
    start.skip("note");
    if (start.has("budget")) {
        // A budget file (docs/multi-year.md §1): it names the census and formula itself.
        if (start.has("census") || start.has("formula") || start.has("scenario"))
            fail_json(
                path, start.path(),
                "gives a budget and a census or formula: a budget file names its own census and formula",
                ErrorKind::input);
        p.budget = file_key(start, "budget", path);
    } else {
        p.census = file_key(start, "census", path);
        if (start.has("formula") == start.has("scenario"))
            fail_json(path, start.path(), "needs one of \"formula\" and \"scenario\"", ErrorKind::input);
        p.formula = file_key(start, start.has("formula") ? "formula" : "scenario", path);
    }
    start.done();

    const Json& years = o.at("years");
    if (!years.is_array() || years.empty())
        fail_json(path, "/years", "is not a list of financial years such as [\"2025-26\", \"2026-27\"]",
                  ErrorKind::input);
    for (std::size_t i = 0; i < years.size(); ++i) {
        const std::string at = "/years/" + std::to_string(i);
        int first = 0;
        if (!years[i].is_string() || !parse_financial_year(years[i].get<std::string>(), first))
            fail_json(path, at, "is not a financial year such as \"2025-26\"", ErrorKind::input);
        const std::string y = years[i].get<std::string>();
        if (!p.years.empty()) {
            std::string expected;
            next_financial_year(p.years.back(), expected);
            for (const std::string& seen : p.years)
                if (seen == y) fail_json(path, at, "\"" + y + "\" is given twice", ErrorKind::input);
            if (y != expected)
                fail_json(
                    path, at,
                    "\"" + y + "\" is out of order: the year after " + p.years.back() + " is " + expected,
                    ErrorKind::input);
        }
        p.years.push_back(y);
    }
    if (p.years.size() > 50) fail_json(path, "/years", "holds more than 50 years", ErrorKind::input);

    if (o.has("projection")) {
        Obj pr = o.object("projection");
        pr.skip("source");
        pr.skip("note");
        if (pr.has("ratio")) {
            if (pr.at("ratio").is_number()) {
                const double r = pr.number("ratio");
                if (r < 0)
                    fail_json(path, pr.child("ratio"), "is negative: a cohort survival ratio is 0 or more",
                              ErrorKind::input);
                p.ratio = r;
            } else {
                Obj h = pr.object("ratio");
                h.skip("source");
                h.skip("note");
                p.history = file_key(h, "history", path);
                if (h.has("mean_of")) {
                    const double k = h.number("mean_of");
                    if (k < 1 || k > 20 || k != static_cast<double>(static_cast<int>(k)))
                        fail_json(path, h.child("mean_of"), "is not a whole number of years from 1 to 20",
                                  ErrorKind::input);
                    p.mean_of = static_cast<int>(k);
                }
                h.done();
            }
        }
        if (pr.has("intake")) {
            Obj in = pr.object("intake");
            in.skip("source");
            in.skip("note");
            if (in.has("file") == in.has("change"))
                fail_json(path, in.path(), "needs one of \"file\" and \"change\"", ErrorKind::input);
            if (in.has("file"))
                p.intake_file = file_key(in, "file", path);
            else
                p.intake_change = fraction_key(in, "change", path);
            in.done();
        }
        pr.done();
    }

    auto year_in_plan = [&](const std::string& at, const std::string& y) {
        for (std::size_t i = 1; i < p.years.size(); ++i)
            if (p.years[i] == y) return;
        fail_json(path, at,
                  p.years.front() == y ? "names the first year, which is the start's: give it in \"start\""
                                       : "\"" + y + "\" is not a later year of the plan's \"years\"",
                  ErrorKind::input);
    };
    if (o.has("formulas")) {
        Obj f = o.object("formulas");
        f.skip("source");
        f.skip("note");
        for (const auto& [y, v] : f.json().items()) {
            if (y == "source" || y == "note") continue;
            year_in_plan(f.child(y), y);
            p.formulas[y] = file_key(f, y, path);
        }
        f.done();
    }
    if (o.has("uprating")) {
        Obj u = o.object("uprating");
        u.skip("source");
        u.skip("note");
        for (const auto& [y, v] : u.json().items()) {
            if (y == "source" || y == "note") continue;
            year_in_plan(u.child(y), y);
            p.uprating[y] = parse_uprating(u.object(y), path);
        }
        u.done();
    }
    if (o.has("conversions")) {
        if (p.budget.empty())
            fail_json(
                path, "/conversions",
                "needs a plan started from a budget file (\"start\": {\"budget\": …}): conversions move "
                "money between the LA and the DfE, which only a budget shows",
                ErrorKind::input);
        p.conversions = file_key(o, "conversions", path);
    }
    o.done();
    return p;
}

}  // namespace fundsim
