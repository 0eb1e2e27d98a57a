// Reading the budget file (docs/la-budget.md §1) with the strict Obj reader: every problem names the file
// and the JSON path.
#include "engine/budget/budget_file.hpp"

#include <cmath>
#include <filesystem>

#include "engine/core/error.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim {

namespace fs = std::filesystem;

int block_index(const std::string& name) {
    for (int b = 0; b < 4; ++b)
        if (name == kBlocks[b]) return b;
    return -1;
}

std::string resolve_beside(const std::string& budget_file, const std::string& path) {
    const fs::path p(path);
    if (p.is_absolute()) return path;
    const fs::path folder = fs::path(budget_file).parent_path();
    return folder.empty() ? path : (folder / p).string();
}

namespace {

constexpr ErrorKind kInput = ErrorKind::input;

// A file named at `key` of `o`: resolved beside the budget file, and it must exist (docs/la-budget.md §1).
std::string named_file(Obj& o, const std::string& key, const std::string& budget_file) {
    const std::string given = o.string(key);
    if (given.empty()) fail_json(budget_file, o.child(key), "is empty: expected a file name", kInput);
    const std::string path = resolve_beside(budget_file, given);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail_json(budget_file, o.child(key), "names " + path + ", which does not exist (or is not a file)",
                  kInput);
    return path;
}

// "2025-26" → 2025; the second part must be the next year's last two digits.
int parse_year(Obj& top, const std::string& file) {
    const std::string y = top.string("year");
    auto digit = [&](std::size_t i) { return i < y.size() && y[i] >= '0' && y[i] <= '9'; };
    if (y.size() != 7 || y[4] != '-' || !digit(0) || !digit(1) || !digit(2) || !digit(3) || !digit(5) ||
        !digit(6))
        fail_json(file, "/year", "\"" + y + "\" is not a financial year: expected e.g. \"2025-26\"", kInput);
    const int first = std::stoi(y.substr(0, 4)), second = std::stoi(y.substr(5, 2));
    if (first < 1990 || (first + 1) % 100 != second)
        fail_json(file, "/year", "\"" + y + "\" is not a financial year: expected e.g. \"2025-26\"", kInput);
    return first;
}

// No LA's DSG comes near £10 trillion: a larger amount is a typing error, and the whole-penny sums of the
// blocks (docs/la-budget.md §3) stay exact far below it.
constexpr double kMaxBudgetPounds = 1e13;

// A money amount: finite, within kMaxBudgetPounds, not negative unless `signed_ok`.
double amount(Obj& o, const std::string& key, const std::string& file, bool signed_ok = false) {
    const double v = o.number(key);
    if (v < 0 && !signed_ok) fail_json(file, o.child(key), "must not be negative", kInput);
    if (std::fabs(v) > kMaxBudgetPounds)
        fail_json(file, o.child(key), "is implausibly large (pounds)", kInput);
    return v;
}

std::vector<CentralLine> central_lines(Obj& central, const std::string& key, const std::string& file) {
    std::vector<CentralLine> out;
    if (!central.has(key)) return out;
    Obj lines = central.object(key);
    for (auto it = lines.json().begin(); it != lines.json().end(); ++it)
        out.push_back({it.key(), amount(lines, it.key(), file)});
    lines.done();
    return out;
}

BlockFiles block_files(Obj& top, const std::string& key, const std::vector<const char*>& keys,
                       const std::string& file) {
    BlockFiles b;
    if (!top.has(key)) return b;
    b.given = true;
    Obj o = top.object(key);
    for (const char* k : keys) b.files.emplace_back(k, named_file(o, k, file));
    o.done();
    return b;
}

double fraction(Obj& o, const std::string& key, const std::string& file) {
    const double v = o.number(key);
    if (v < 0 || v > 1) fail_json(file, o.child(key), "must be a fraction from 0 to 1", kInput);
    return v;
}

void parse_balances(Obj& top, BudgetFile& b) {
    Obj bal = top.object("balances");
    b.balances = named_file(bal, "file", b.file);
    Obj c = bal.object("control");
    c.skip("source");
    c.skip("note");
    Obj t = c.object("threshold");
    static const char* kPhases[] = {"primary", "secondary", "middle", "all_through", "special", "nursery"};
    for (const char* p : kPhases)
        if (t.has(p)) b.control.threshold[p] = fraction(t, p, b.file);
    t.done();
    if (b.control.threshold.empty())
        fail_json(b.file, t.path(), "gives no phase: expected e.g. {\"primary\": 0.08, \"secondary\": 0.05}",
                  kInput);
    b.control.min_threshold = c.has("min_threshold") ? amount(c, "min_threshold", b.file) : 0;
    b.control.min_retained = c.has("min_retained") ? amount(c, "min_retained", b.file) : 0;
    if (c.has("clawback_rate")) {
        const Json& r = c.at("clawback_rate");
        const std::string rp = c.child("clawback_rate");
        b.control.clawback_rate.clear();
        if (r.is_array()) {
            if (r.empty()) fail_json(b.file, rp, "is an empty list: expected rates by excess_years", kInput);
            for (std::size_t i = 0; i < r.size(); ++i) {
                const std::string ip = rp + "/" + std::to_string(i);
                if (!r[i].is_number())
                    fail_json(b.file, ip, std::string("expected a number, found ") + type_name(r[i]), kInput);
                const double v = r[i].get<double>();
                if (!(v >= 0 && v <= 1)) fail_json(b.file, ip, "must be a fraction from 0 to 1", kInput);
                b.control.clawback_rate.push_back(v);
            }
        } else {
            b.control.clawback_rate.push_back(fraction(c, "clawback_rate", b.file));
        }
    }
    if (c.has("basis") && c.string("basis") != "budget_share")
        fail_json(b.file, c.child("basis"), "only \"budget_share\" is supported", kInput);
    c.done();
    bal.done();
}

}  // namespace

BudgetFile load_budget_file(const std::string& path) {
    const Json doc = read_json_file(path, kInput);
    BudgetFile b;
    b.file = path;
    Obj top(doc, "", path, kInput);
    b.name = top.string("name");
    b.first_year = parse_year(top, path);
    b.year = top.string("year");
    b.source = top.has("source") ? top.string("source") : "";
    top.skip("note");
    if (top.has("la")) {
        const Json& la = top.at("la");
        if (!la.is_number_integer() || la.get<std::int64_t>() < 0)
            fail_json(path, "/la", "expected the LA's number, e.g. 881", kInput);
        b.la = la.get<std::int64_t>();
    }

    Obj dsg = top.object("dsg");
    static const char* kDsgKeys[4] = {"schools_block", "central_block", "high_needs_block",
                                      "early_years_block"};
    for (int k = 0; k < 4; ++k)
        // A negative allocation is an error (issue 12); the schools block is required, the others default 0.
        if (k == 0 || dsg.has(kDsgKeys[k])) b.allocation[k] = amount(dsg, kDsgKeys[k], path);
    dsg.done();

    Obj s = top.object("schools");
    b.census = named_file(s, "census", path);
    if (s.has("formula")) b.formula = named_file(s, "formula", path);
    if (s.has("scenario")) b.scenario = named_file(s, "scenario", path);
    if (!b.formula && !b.scenario)
        fail_json(path, "/schools", "gives neither formula nor scenario: expected one (as fundsim run)",
                  kInput);
    s.done();

    b.high_needs = block_files(top, "high_needs", {"formula", "providers", "placements"}, path);
    b.early_years = block_files(top, "early_years", {"formula", "providers", "hours"}, path);

    if (top.has("central")) {
        Obj c = top.object("central");
        c.skip("source");
        c.skip("note");
        b.central_ongoing = central_lines(c, "ongoing", path);
        b.central_historic = central_lines(c, "historic", path);
        c.done();
    }
    if (top.has("conversions")) b.conversions = named_file(top, "conversions", path);
    if (top.has("proration")) {
        const std::string p = top.string("proration");
        if (p != "months" && p != "days")
            fail_json(path, "/proration", "\"" + p + "\" is not a proration: expected months or days",
                      kInput);
        b.proration_days = p == "days";
    }
    if (top.has("balances")) parse_balances(top, b);
    if (top.has("reserve")) {
        Obj r = top.object("reserve");
        for (auto it = r.json().begin(); it != r.json().end(); ++it) {
            const int k = block_index(it.key());
            if (k < 0)
                fail_json(path, r.child(it.key()),
                          "is not a DSG block: expected schools, central, high_needs or early_years", kInput);
            b.reserve[k] = amount(r, it.key(), path, true);
        }
        r.done();
    }
    top.done();
    return b;
}

}  // namespace fundsim
