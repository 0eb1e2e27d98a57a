// A sweep keeps each thread's formula and last result and redoes only what the changed values can change
// (reparse_settings, recalculate). Checked on random LAs and formulas, each lever, against the plain way
// kept here: every combination's document parsed afresh and calculated from nothing, row by row and, for
// recalculate itself, every array of the result to the bit.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/compare/sweep.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "engine/run/totals.hpp"
#include "tests/property/random_inputs.hpp"
#include "tests/support.hpp"

namespace property_sweep_recalculate_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const Lever kLevers[] = {Lever::none, Lever::scaling, Lever::cap, Lever::factor_multiplier};

// One random LA with a budget its lever can balance; nullopt when the formula's filters reach no school.
struct Case {
    std::shared_ptr<const Census> census;
    Formula base;
};

std::optional<Case> random_case(std::uint64_t seed, Lever lever) {
    Rng rng(seed * 104729 + static_cast<std::uint64_t>(lever));
    proptest::CensusInfo info;
    const std::size_t sizes[] = {1, 3, 12, 60, 250};
    info.schools = sizes[rng.below(5)];
    // Lever::none: a budget with nothing solved (the scaling generator's formula, its lever set to none).
    Json doc =
        Json::parse(proptest::random_formula_json(rng, info, lever == Lever::none ? Lever::scaling : lever));
    std::string csv;
    if (seed % 2 == 1) {
        const Formula f = parse_formula(doc, "random.json");
        SynthOptions o;
        o.schools = info.schools;
        o.seed = seed;
        o.formula = &f;
        try {
            csv = synth_census_csv(o);
        } catch (const InputError&) {
            o.formula = nullptr;
            csv = synth_census_csv(o);
        }
    } else {
        csv = proptest::random_census_csv(rng, info);
    }
    const Formula draft = parse_formula(doc, "random.json");
    Census census = census_from_csv_text(csv, "random.csv");
    prepare_census(census, draft);
    try {
        (void)calculate(test::shared(census), draft);
    } catch (const InputError&) {
        return std::nullopt;  // an allocation whose filters reach no school here
    }
    doc = proptest::with_budget(doc, draft, census, lever == Lever::none ? Lever::scaling : lever,
                                proptest::BudgetPlace::binds, rng);
    if (lever == Lever::none) doc["budget"]["solve_for"] = nullptr;
    Case c{test::shared(census), parse_formula(doc, "random.json")};
    return c;
}

// The numbers of `doc` a sweep may vary here: the protections' and the budget's, and a factor's rate.
std::vector<std::string> numbers_of(const Json& doc) {
    std::vector<std::string> out;
    for (const char* p : {"/mfg/percent", "/capping/cap", "/capping/scaling", "/mppl/level/primary",
                          "/mppl/level/ks3", "/mppl/level/secondary", "/budget/schools_block"}) {
        const Json::json_pointer ptr(p);
        if (doc.contains(ptr) && doc.at(ptr).is_number()) out.push_back(p);
    }
    for (auto it = doc.at("factors").begin(); it != doc.at("factors").end() && out.size() < 9; ++it) {
        if (!it.value().contains("rate")) continue;
        const Json& rate = it.value().at("rate");
        const std::string at = "/factors/" + escape_pointer(it.key()) + "/rate";
        if (rate.is_number()) out.push_back(at);
        if (rate.is_object() && !rate.empty() && rate.begin().value().is_number())
            out.push_back(at + "/" + escape_pointer(rate.begin().key()));
    }
    return out;
}

// Three or four values around the formula's own, some far enough to make a row fail (a cap below the
// MFG percent, a block that cannot balance, a scaling above 1).
SweepAxis axis_around(const Json& doc, const std::string& pointer, Rng& rng) {
    SweepAxis a;
    a.pointer = pointer;
    const double v = doc.at(Json::json_pointer(pointer)).get<double>();
    const bool fraction = std::fabs(v) <= 1;
    const double step = fraction ? rng.uniform(0.001, 0.02) : std::fabs(v) * rng.uniform(0.0005, 0.01) + 1;
    a.values = {v - step, v, v + step};
    if (rng.chance(0.5)) a.values.push_back(v + 3 * step);
    return a;
}

// A row as the sweep made it before it kept anything: the combination's document parsed afresh and
// calculated from nothing.
SweepRow fresh_row(const Case& c, const std::vector<SweepAxis>& axes, std::size_t index) {
    SweepRow row;
    row.values = sweep_values(axes, index);
    Json doc = c.base.doc;
    for (std::size_t k = 0; k < axes.size(); ++k) doc[Json::json_pointer(axes[k].pointer)] = row.values[k];
    try {
        const Result r =
            calculate(c.census, std::make_shared<const Formula>(parse_formula(doc, c.base.file)));
        require_invariants(r);
        row.total_budget_share = round_penny(r.budget_share.amount.sum());
        if (r.budget) {
            row.available = r.budget->available;
            row.headroom = r.budget->headroom;
            row.lever_value = r.budget->lever_value;
            if (r.budget->lever_at_limit) row.status = SweepStatus::lever_at_limit;
        }
        const ResultTotals t =
            result_totals(r, {}, c.census->has_prior_year_budget ? &c.census->prior_year_budget : nullptr);
        row.schools_on_mfg = t.on_mfg;
        row.schools_capped = t.capped;
        row.schools_on_mppl = t.on_mppl;
        row.mfg_total = round_penny(t.mfg);
        row.capping_total = round_penny(t.capping);
        row.mppl_total = round_penny(t.mppl);
        row.schools_gaining = t.gaining;
        row.schools_losing = t.losing;
    } catch (const Error& e) {
        const std::optional<SweepStatus> status = sweep_status_of(e.kind());
        REQUIRE(status);
        row.status = *status;
        row.error = sweep_row_error(e);
    }
    return row;
}

void same_row(const SweepRow& a, const SweepRow& b) {
    CHECK(a.values == b.values);
    CHECK(to_string(a.status) == std::string(to_string(b.status)));
    CHECK(a.error == b.error);
    // Bit for bit: == on doubles that are never NaN here.
    CHECK(a.total_budget_share == b.total_budget_share);
    CHECK(a.available == b.available);
    CHECK(a.headroom == b.headroom);
    CHECK(a.lever_value == b.lever_value);
    CHECK(a.schools_on_mfg == b.schools_on_mfg);
    CHECK(a.schools_capped == b.schools_capped);
    CHECK(a.schools_on_mppl == b.schools_on_mppl);
    CHECK(a.mfg_total == b.mfg_total);
    CHECK(a.capping_total == b.capping_total);
    CHECK(a.mppl_total == b.mppl_total);
    CHECK(a.schools_gaining == b.schools_gaining);
    CHECK(a.schools_losing == b.schools_losing);
}

bool same(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) { return a.size() == b.size() && (a == b).all(); }
bool same(const std::vector<Eigen::ArrayXd>& a, const std::vector<Eigen::ArrayXd>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!same(a[k], b[k])) return false;
    return true;
}

// Every array and figure of two results, to the bit.
void same_result(const Result& a, const Result& b) {
    CHECK(a.cap == b.cap);
    CHECK(a.scaling == b.scaling);
    CHECK(a.multiplier == b.multiplier);
    CHECK(same(a.factors.base, b.factors.base));
    CHECK(a.factors.scaled == b.factors.scaled);
    CHECK(same(a.factors.raw, b.factors.raw));
    CHECK(same(a.factors.amount, b.factors.amount));
    CHECK(same(a.factors.formula_raw, b.factors.formula_raw));
    CHECK(same(a.factors.formula_total, b.factors.formula_total));
    CHECK(same(a.mppl.level, b.mppl.level));
    CHECK(same(a.mppl.counted, b.mppl.counted));
    CHECK(same(a.mppl.raw, b.mppl.raw));
    CHECK(same(a.mppl.topup, b.mppl.topup));
    CHECK(same(a.mfg.excluded_raw, b.mfg.excluded_raw));
    CHECK(same(a.mfg.c1, b.mfg.c1));
    CHECK(same(a.mfg.pp0, b.mfg.pp0));
    CHECK(same(a.mfg.pp1, b.mfg.pp1));
    CHECK(same(a.mfg.guarantee, b.mfg.guarantee));
    CHECK(same(a.mfg.change, b.mfg.change));
    CHECK(same(a.mfg.raw, b.mfg.raw));
    CHECK(same(a.mfg.topup, b.mfg.topup));
    CHECK(same(a.capping.gain_excess, b.capping.gain_excess));
    CHECK(same(a.capping.limit, b.capping.limit));
    CHECK(same(a.capping.raw, b.capping.raw));
    CHECK(same(a.capping.deduction, b.capping.deduction));
    CHECK(same(a.budget_share.amount, b.budget_share.amount));
    CHECK(same(a.budget_share.per_pupil, b.budget_share.per_pupil));
    CHECK(same(a.after_share.de_delegation, b.after_share.de_delegation));
    CHECK(same(a.after_share.delegated_budget, b.after_share.delegated_budget));
    REQUIRE(a.after_share.grant_parts.size() == b.after_share.grant_parts.size());
    for (std::size_t g = 0; g < a.after_share.grant_parts.size(); ++g)
        CHECK(same(a.after_share.grant_parts[g], b.after_share.grant_parts[g]));
    CHECK(same(a.after_share.grants, b.after_share.grants));
    CHECK(same(a.after_share.notional_sen, b.after_share.notional_sen));
    REQUIRE(a.budget.has_value() == b.budget.has_value());
    if (a.budget) {
        CHECK(a.budget->available == b.budget->available);
        CHECK(a.budget->total == b.budget->total);
        CHECK(a.budget->headroom == b.budget->headroom);
        CHECK(a.budget->lever_value == b.budget->lever_value);
        CHECK(a.budget->lever_at_limit == b.budget->lever_at_limit);
        CHECK(a.budget->step == b.budget->step);
        CHECK(a.budget->deductions == b.budget->deductions);
    }
}

}  // namespace

TEST_CASE("sweep: every row is what parsing and calculating its combination afresh gives",
          "[property][sweep]") {
    std::size_t cases = 0, rows = 0, failed_rows = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        for (const Lever lever : kLevers) {
            const std::optional<Case> c = random_case(seed, lever);
            if (!c) continue;
            Rng rng(seed * 31 + static_cast<std::uint64_t>(lever));
            std::vector<std::string> numbers = numbers_of(c->base.doc);
            std::vector<SweepAxis> axes;
            for (int k = 0; k < 2 && !numbers.empty(); ++k) {
                const std::size_t pick = rng.below(numbers.size());
                axes.push_back(axis_around(c->base.doc, numbers[pick], rng));
                numbers.erase(numbers.begin() + static_cast<std::ptrdiff_t>(pick));
            }
            INFO("seed " << seed << ", lever " << to_string(lever) << ", " << c->census->size << " schools, "
                         << axes[0].pointer << (axes.size() > 1 ? " x " + axes[1].pointer : ""));
            ++cases;
            for (const unsigned threads : {1u, 3u}) {
                SweepOptions opt;
                opt.threads = threads;
                const Sweep sw = run_sweep(c->census, c->base, axes, opt);
                for (std::size_t i = 0; i < sw.rows.size(); ++i) {
                    INFO("row " << i << ", " << threads << " thread(s)");
                    const SweepRow plain = fresh_row(*c, axes, i);
                    same_row(sw.rows[i], plain);
                    ++rows;
                    failed_rows +=
                        plain.status == SweepStatus::invalid || plain.status == SweepStatus::cannot_balance;
                }
            }
        }
    }
    INFO(cases << " LAs, " << rows << " rows, " << failed_rows << " failed rows");
    CHECK(cases >= 30);
    CHECK(failed_rows > 0);         // the reset after a failed row was exercised
    CHECK(failed_rows < rows / 2);  // and most rows calculated
}

TEST_CASE("recalculate from each stage gives calculate's result to the bit", "[property][sweep]") {
    std::size_t checked = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        for (const Lever lever : kLevers) {
            const std::optional<Case> c = random_case(seed + 100, lever);
            if (!c) continue;
            Rng rng(seed * 17 + static_cast<std::uint64_t>(lever));
            // A chain of small changes, each in one section, recalculated from the stage that reads it.
            auto f = std::make_shared<Formula>(c->base);
            Result r = calculate(c->census, std::shared_ptr<const Formula>(f));
            const std::vector<std::string> numbers = numbers_of(c->base.doc);
            for (int step = 0; step < 6; ++step) {
                const SweepAxis a = axis_around(f->doc, numbers[rng.below(numbers.size())], rng);
                const double value = a.values[rng.below(a.values.size())];
                INFO("seed " << seed << ", lever " << to_string(lever) << ", step " << step << ": "
                             << a.pointer << " = " << value);
                auto g = std::make_shared<Formula>(*f);
                g->doc[Json::json_pointer(a.pointer)] = value;
                const FirstStage from = first_stage_of(a.pointer);
                std::optional<Result> fresh;
                try {
                    *g = parse_formula(g->doc, g->file);
                    fresh = calculate(c->census, std::shared_ptr<const Formula>(g));
                } catch (const Error&) {
                    continue;  // a bad change: the chain goes on from the last good one
                }
                if (from != FirstStage::factors) {
                    Formula kept = *f;  // the last formula, its settings read again from the changed document
                    kept.doc = g->doc;
                    reparse_settings(kept);
                    CHECK(kept.mfg.has_value() == g->mfg.has_value());
                    if (kept.mfg) CHECK(kept.mfg->percent == g->mfg->percent);
                    CHECK(kept.capping.cap == g->capping.cap);
                    CHECK(kept.capping.scaling == g->capping.scaling);
                    if (kept.budget) CHECK(kept.budget->schools_block == g->budget->schools_block);
                }
                recalculate(r, g, from);
                same_result(r, *fresh);
                f = g;
                ++checked;
            }
        }
    }
    CHECK(checked >= 60);
}

}  // namespace property_sweep_recalculate_test
