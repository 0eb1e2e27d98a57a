// Parameter sweeps: the grid of varied values, and one balanced calculation per combination run on a
// few threads, each row stored at its combination's index so the output never depends on timing.
#include "engine/compare/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/formula/parse.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "engine/run/totals.hpp"

namespace fundsim {

namespace {

constexpr double kMaxPoints = 1000000;

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.15g", v);
    return b;
}

// Clears the binary noise of FROM + k*STEP: rounded to 15 significant digits of the grid's scale (a
// double carries 15.9), so -0.0045 + 9 * 0.0005 is 0, not 8.7e-19, and -0.005 + 3 * 0.0025 is 0.0025.
double clean(double v, double scale) {
    if (scale > 0) {
        const double quantum = std::pow(10.0, std::floor(std::log10(scale)) - 14);
        v = std::round(v / quantum) * quantum;
    }
    double out = std::strtod(num(v).c_str(), nullptr);
    return out == 0 ? 0.0 : out;  // never -0
}

}  // namespace

FirstStage first_stage_of(const std::string& pointer) {
    const std::string section = pointer.substr(1, pointer.find('/', 1) - 1);
    if (section == "mppl") return FirstStage::mppl;
    if (section == "mfg") return FirstStage::mfg;
    if (section == "capping") return FirstStage::capping;
    if (section == "budget") return FirstStage::balance;
    return FirstStage::factors;
}

std::optional<SweepStatus> sweep_status_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::unaffordable:
            return SweepStatus::cannot_balance;
        case ErrorKind::input:
        case ErrorKind::formula:
            return SweepStatus::invalid;
        case ErrorKind::invariant:
        case ErrorKind::internal:
            return std::nullopt;
    }
    return std::nullopt;
}

std::string sweep_row_error(const Error& e) {
    return format_error(Where{.json_path = e.where().json_path, .urn = e.where().urn}, e.detail());
}

const char* to_string(SweepStatus s) {
    switch (s) {
        case SweepStatus::ok:
            return "ok";
        case SweepStatus::lever_at_limit:
            return "lever_at_limit";
        case SweepStatus::cannot_balance:
            return "cannot_balance";
        case SweepStatus::invalid:
            return "invalid";
    }
    return "?";
}

std::vector<double> sweep_points(double from, double to, double step, const std::string& what) {
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(step))
        fail(what + ": FROM, TO and STEP must be finite numbers");
    if (step <= 0) fail(what + ": STEP must be above 0, found " + num(step));
    if (to < from) fail(what + ": TO (" + num(to) + ") is below FROM (" + num(from) + ")");
    const double q = (to - from) / step;
    if (!(q <= kMaxPoints)) fail(what + ": " + num(q + 1) + " points is too many (at most 1,000,000)");
    const double n = std::round(q);
    const double scale = std::max({std::fabs(from), std::fabs(to), step});
    // A TO that is not on the grid would silently stop short of (or overshoot) what was asked.
    if (std::fabs(q - n) > 1e-6)
        fail(what + ": TO is not FROM plus a whole number of STEPs ((TO-FROM)/STEP = " + num(q) +
             "); the nearest end is " + num(clean(from + n * step, scale)));
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(n) + 1);
    for (std::size_t k = 0; k <= static_cast<std::size_t>(n); ++k)
        out.push_back(clean(from + static_cast<double>(k) * step, scale));
    return out;
}

SweepAxis parse_sweep_axis(const std::string& spec) {
    const std::string what = "--vary " + spec;
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0)
        fail(what + ": expected PATH=FROM:TO:STEP, e.g. /mfg/percent=-0.005:0.005:0.0025");
    SweepAxis a;
    a.pointer = spec.substr(0, eq);
    if (a.pointer[0] != '/')
        fail(what + ": the PATH must be a JSON pointer starting with /, e.g. /mfg/percent");
    try {
        Json::json_pointer check(a.pointer);
    } catch (const std::exception&) {
        fail(what + ": \"" + a.pointer +
             "\" is not a valid JSON pointer (use ~0 for ~ and ~1 for / in a key)");
    }
    const std::string range = spec.substr(eq + 1);
    const auto c1 = range.find(':'), c2 = c1 == std::string::npos ? c1 : range.find(':', c1 + 1);
    if (c2 == std::string::npos || range.find(':', c2 + 1) != std::string::npos)
        fail(what + ": expected FROM:TO:STEP after the =, e.g. -0.005:0.005:0.0025");
    const std::string parts[3] = {range.substr(0, c1), range.substr(c1 + 1, c2 - c1 - 1),
                                  range.substr(c2 + 1)};
    double v[3];
    const char* names[3] = {"FROM", "TO", "STEP"};
    for (int i = 0; i < 3; ++i)
        if (!parse_number(parts[i], v[i]))
            fail(what + ": " + names[i] + " \"" + parts[i] + "\" is not a number");
    a.from = v[0];
    a.to = v[1];
    a.step = v[2];
    a.values = sweep_points(a.from, a.to, a.step, what);
    return a;
}

std::size_t sweep_combinations(const std::vector<SweepAxis>& axes) {
    double n = 1;
    for (const auto& a : axes) n *= static_cast<double>(a.values.size());
    if (n > kMaxPoints)
        fail("the sweep has " + num(n) +
             " combinations: at most 1,000,000 (use fewer points or larger steps)");
    return static_cast<std::size_t>(n);
}

std::vector<double> sweep_values(const std::vector<SweepAxis>& axes, std::size_t index) {
    std::vector<double> v(axes.size());
    for (std::size_t k = axes.size(); k-- > 0;) {
        const std::size_t m = axes[k].values.size();
        v[k] = axes[k].values[index % m];
        index /= m;
    }
    return v;
}

Sweep run_sweep(std::shared_ptr<const Census> census, const Formula& base, const std::vector<SweepAxis>& axes,
                const SweepOptions& options) {
    Sweep sw;
    sw.axes = axes;
    sw.formula_name = base.name;
    sw.has_budget = base.budget.has_value();
    sw.lever = base.budget ? base.budget->solve_for : Lever::none;
    sw.has_prior_year = census->has_prior_year_budget;
    for (const auto& a : axes) {
        const Json::json_pointer p(a.pointer);
        if (!base.doc.contains(p) || !base.doc.at(p).is_number())
            fail_json(base.file, a.pointer,
                      "is not a number in the formula, so it cannot be varied (--vary names a value the "
                      "formula already has)");
    }
    const std::size_t total = sweep_combinations(axes);
    sw.rows.resize(total);

    const Census& cc = *census;
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;  // guarded by mu
    std::atomic<bool> stop{false};
    std::mutex mu;
    std::exception_ptr failure;
    std::vector<Json::json_pointer> pointers;
    for (const auto& a : axes) pointers.emplace_back(a.pointer);

    // The first stage of the pipeline each varied value is read at (by its section).
    std::vector<FirstStage> stages;
    for (const auto& a : axes) stages.push_back(first_stage_of(a.pointer));

    auto worker = [&]() {
        // One document per thread: each combination overwrites the varied values. While the combinations
        // go well, the thread keeps the formula parsed from it and the last result: the next combination
        // reads again only the sections its changed values lie in (reparse_settings) and recalculates from
        // the first stage they are read at, which gives what parsing and calculating afresh give.
        Json doc = base.doc;
        std::shared_ptr<Formula> formula;  // parse_formula(doc) of the last combination, if it went well
        Result r;
        std::vector<double> last;  // that combination's values
        try {
            for (std::size_t i = next++; i < total && !stop; i = next++) {
                SweepRow& row = sw.rows[i];
                row.values = sweep_values(axes, i);
                FirstStage from = FirstStage::balance;
                for (std::size_t k = 0; k < axes.size(); ++k) {
                    doc[pointers[k]] = row.values[k];
                    if (!formula || row.values[k] != last[k]) from = std::min(from, stages[k]);
                }
                try {
                    if (formula && from != FirstStage::factors) {
                        for (std::size_t k = 0; k < axes.size(); ++k)
                            formula->doc[pointers[k]] = row.values[k];
                        reparse_settings(*formula);
                        recalculate(r, formula, from);
                    } else {
                        formula.reset();
                        auto parsed = std::make_shared<Formula>(parse_formula(doc, base.file));
                        r = calculate(census, parsed);
                        formula = std::move(parsed);
                    }
                    last = row.values;
                    require_invariants(r);
                    row.total_budget_share = round_penny(r.budget_share.amount.sum());
                    if (r.budget) {
                        row.available = r.budget->available;
                        row.headroom = r.budget->headroom;
                        row.lever_value = r.budget->lever_value;
                        if (r.budget->lever_at_limit) row.status = SweepStatus::lever_at_limit;
                    }
                    const ResultTotals t =
                        result_totals(r, {}, sw.has_prior_year ? &cc.prior_year_budget : nullptr);
                    row.schools_on_mfg = t.on_mfg;
                    row.schools_capped = t.capped;
                    row.schools_on_mppl = t.on_mppl;
                    row.mfg_total = round_penny(t.mfg);
                    row.capping_total = round_penny(t.capping);
                    row.mppl_total = round_penny(t.mppl);
                    // Against the prior year's budgets (blank cells are no baseline).
                    row.schools_gaining = t.gaining;
                    row.schools_losing = t.losing;
                } catch (const Error& e) {
                    formula.reset();  // the formula or the result may be part-done: start the next afresh
                    // A bad combination is a row; fundsim's own fault (a broken invariant) stops the sweep.
                    const std::optional<SweepStatus> status = sweep_status_of(e.kind());
                    if (!status) throw;
                    row.status = *status;
                    row.error = sweep_row_error(e);
                }
                if (options.progress) {
                    // Counted under the lock, so the callback sees 1, 2, ... total in order.
                    std::lock_guard<std::mutex> lock(mu);
                    options.progress(++done, total);
                }
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mu);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };

    const unsigned threads = std::max(
        1u, std::min<unsigned>(options.threads, static_cast<unsigned>(std::max<std::size_t>(total, 1))));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();  // the calling thread works too
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    return sw;
}

}  // namespace fundsim
