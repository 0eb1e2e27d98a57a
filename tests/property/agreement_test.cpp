// Two implementations agree (conventions, "Tests"): on random formulas and census files the vectorised
// engine and the plain per-school implementation give the same pennies on every reported line of every
// school.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "tests/property/plain_engine.hpp"
#include "tests/property/random_inputs.hpp"
#include "tests/support.hpp"

namespace property_agreement_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// What the random cases covered, so that a generator that stops reaching a rule fails the test.
struct Coverage {
    std::size_t cases = 0, schools = 0, lines = 0;
    std::map<std::string, std::size_t> kinds;  // factor kind → schools with a non-zero amount
    std::size_t on_mfg = 0, capped = 0, on_mppl = 0, fresh = 0, growing = 0, middle = 0;
    std::size_t de_delegated = 0, granted = 0, sen = 0;
    std::map<std::string, std::size_t> solved;  // lever → cases balanced with the lever inside its range
    std::size_t at_limit = 0, unaffordable = 0, no_eligible = 0;
};

struct Mismatches {
    std::uint64_t seed = 0;
    std::vector<std::string> text;
    std::size_t count = 0;
    void add(const std::string& what) {
        if (++count <= 25) text.push_back("seed " + std::to_string(seed) + ": " + what);
    }
    std::string report() const {
        std::string s;
        for (const auto& t : text) s += t + "\n";
        if (count > text.size()) s += "... and " + std::to_string(count - text.size()) + " more\n";
        return s;
    }
};

// Two reported money lines agree to the penny.
void same_penny(Mismatches& m, Coverage& cov, std::int64_t urn, const std::string& line, double engine,
                double plain) {
    ++cov.lines;
    if (!(std::fabs(engine - plain) < 0.005)) {
        char b[256];
        std::snprintf(b, sizeof b, "school %lld, %s: engine %.2f, plain %.2f", static_cast<long long>(urn),
                      line.c_str(), engine, plain);
        m.add(b);
    }
}

// Unrounded intermediates (per-pupil values, the gain) agree to rounding noise.
void same_value(Mismatches& m, std::int64_t urn, const std::string& what, double engine, double plain) {
    if (!(std::fabs(engine - plain) <= 1e-9 * std::max(1.0, std::fabs(plain)))) {
        char b[256];
        std::snprintf(b, sizeof b, "school %lld, %s: engine %.12g, plain %.12g", static_cast<long long>(urn),
                      what.c_str(), engine, plain);
        m.add(b);
    }
}

enum class Source { synth, hand_rolled };

// One random formula/census pair: both implementations, every line compared.
void agree_on_case(std::uint64_t seed, Source source, Coverage& cov, Mismatches& mm) {
    mm.seed = seed;
    Rng rng(seed * 0x9E3779B97F4A7C15ULL + (source == Source::synth ? 11 : 23));
    proptest::CensusInfo info;
    info.schools = 1 + rng.below(600);
    // synth's census gives key-stage totals only: a year-group factor needs a hand-rolled one.
    info.year_groups = source == Source::hand_rolled && rng.chance(0.5);
    const Lever levers[] = {Lever::none, Lever::scaling, Lever::cap, Lever::factor_multiplier};
    const Lever lever = levers[rng.below(4)];
    Json doc = Json::parse(proptest::random_formula_json(rng, info, lever));
    const Formula draft = parse_formula(doc, "random-formula.json");

    std::string csv;
    if (source == Source::synth) {
        SynthOptions o;
        o.schools = info.schools;
        o.seed = seed;
        o.first_urn = info.first_urn;
        o.formula = rng.chance(0.7) ? &draft : nullptr;  // baselines near the formula's own values
        try {
            csv = synth_census_csv(o);
        } catch (const InputError&) {
            o.formula = nullptr;  // the draft's allocation reached no school of the draft census
            csv = synth_census_csv(o);
        }
    } else {
        csv = proptest::random_census_csv(rng, info);
    }
    Census census = census_from_csv_text(csv, "random-census.csv");
    prepare_census(census, draft);
    ++cov.cases;

    // An allocation that reaches no school: both must refuse.
    bool engine_no_school = false;
    try {
        (void)calculate(test::shared(census), draft);
    } catch (const InputError& e) {
        engine_no_school =
            std::string(e.what()).find("passes this allocation's filters") != std::string::npos;
        if (!engine_no_school) throw;
    }
    bool plain_no_school = false;
    try {
        plain::PlainLa probe(census, draft);
        (void)probe.run(probe.formula_levers());
    } catch (const plain::NoEligibleSchool&) {
        plain_no_school = true;
    }
    if (engine_no_school != plain_no_school)
        mm.add("an allocation with no eligible school: engine and plain disagree");
    if (engine_no_school) {
        ++cov.no_eligible;
        return;
    }

    // A budget most of the time: where the lever binds, or out of its reach on either side.
    if (rng.chance(0.85)) {
        const double p = rng.uniform();
        const auto place =
            p < 0.8 ? proptest::BudgetPlace::binds
                    : (p < 0.9 ? proptest::BudgetPlace::below_reach : proptest::BudgetPlace::above_reach);
        doc = proptest::with_budget(doc, draft, census, lever, place, rng);
    }
    const Formula f = parse_formula(doc, "random-formula.json");

    std::optional<Result> engine;
    std::string engine_error;
    try {
        engine = calculate(test::shared(census), f);
    } catch (const InputError& e) {
        engine_error = e.what();
    }
    const plain::PlainLa la(census, f);
    std::optional<plain::Outcome> solved;
    std::string plain_error;
    try {
        solved = la.solve();
    } catch (const plain::Unaffordable& e) {
        plain_error = e.what();
    }
    if (engine_error.empty() != plain_error.empty()) {
        mm.add("one implementation cannot balance: engine \"" + engine_error + "\", plain \"" + plain_error +
               "\"");
        return;
    }
    if (!engine) {
        ++cov.unaffordable;
        return;
    }
    const Result& r = *engine;

    // Every reported line, with the engine's lever values fed to the plain implementation.
    plain::Levers lv;
    lv.cap = r.cap;
    lv.scaling = r.scaling;
    lv.multiplier = r.multiplier;
    const plain::Outcome p = la.run(lv);
    for (std::size_t s = 0; s < census.size; ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const plain::SchoolResult& q = p.schools[s];
        const std::int64_t urn = census.urn[s];
        ++cov.schools;
        for (std::size_t k = 0; k < f.factors.size(); ++k) {
            same_penny(mm, cov, urn, "factor " + f.factors[k].id, r.factors.amount[k][i], q.factor[k]);
            if (q.factor[k] != 0) ++cov.kinds[to_string(f.factors[k].kind)];
        }
        same_penny(mm, cov, urn, "formula_total", r.factors.formula_total[i], q.formula_total);
        same_penny(mm, cov, urn, "mppl_level", round_penny(r.mppl.level[i]), round_penny(q.mppl_level));
        same_penny(mm, cov, urn, "mppl_topup", r.mppl.topup[i], q.mppl_topup);
        same_value(mm, urn, "mfg baseline per pupil", r.mfg.pp0[i], q.pp0);
        same_value(mm, urn, "mfg per pupil", r.mfg.pp1[i], q.pp1);
        if (q.pp0 > 0) same_value(mm, urn, "mfg change (gain)", r.mfg.change[i], q.gain);
        same_penny(mm, cov, urn, "mfg_topup", r.mfg.topup[i], q.mfg_topup);
        same_penny(mm, cov, urn, "capping_deduction", r.capping.deduction[i], q.capping_deduction);
        same_penny(mm, cov, urn, "budget_share", r.budget_share.amount[i], q.budget_share);
        same_penny(mm, cov, urn, "budget_share_per_pupil", r.budget_share.per_pupil[i],
                   q.budget_share_per_pupil);
        for (std::size_t d = 0; d < f.de_delegation.size(); ++d) {
            same_penny(mm, cov, urn, "de-delegation " + f.de_delegation[d].id,
                       r.after_share.de_delegation[d][i], q.de_delegation[d]);
            if (q.de_delegation[d] != 0) ++cov.de_delegated;
        }
        same_penny(mm, cov, urn, "delegated_budget", r.after_share.delegated_budget[i], q.delegated_budget);
        for (std::size_t g = 0; g < f.grants.size(); ++g) {
            same_penny(mm, cov, urn, "grant " + f.grants[g].id, r.after_share.grants[g][i], q.grants[g]);
            if (q.grants[g] != 0) ++cov.granted;
        }
        same_penny(mm, cov, urn, "notional_sen", r.after_share.notional_sen[i], q.notional_sen);
        cov.on_mfg += q.mfg_topup > 0;
        cov.capped += q.capping_deduction > 0;
        cov.on_mppl += q.mppl_topup > 0;
        cov.sen += q.notional_sen != 0;
        cov.fresh += la.schools()[s].has_baseline ? 0 : 1;
        cov.growing += la.schools()[s].growing ? 1 : 0;
        cov.middle += la.schools()[s].phase == Phase::middle ? 1 : 0;
    }

    if (!r.budget) return;
    const BudgetOutcome& b = *r.budget;
    same_penny(mm, cov, 0, "available", b.available, p.available);
    same_penny(mm, cov, 0, "total", b.total, p.total);
    same_penny(mm, cov, 0, "headroom", b.headroom, p.headroom);
    if (b.lever == Lever::none) return;

    // The plain implementation's own bisection reaches the same lever value and total.
    const plain::Outcome& own = *solved;
    same_penny(mm, cov, 0, "total at the plain solution", b.total, own.total);
    same_penny(mm, cov, 0, "headroom at the plain solution", b.headroom, own.headroom);
    if (b.lever_at_limit != own.at_limit) {
        mm.add(std::string("lever ") + to_string(b.lever) + " at its limit: engine " +
               (b.lever_at_limit ? "yes" : "no") + ", plain " + (own.at_limit ? "yes" : "no"));
    }
    if (b.lever_at_limit) {
        ++cov.at_limit;
        return;
    }
    double mine = 0;
    if (b.lever == Lever::scaling) mine = own.levers.scaling;
    if (b.lever == Lever::cap) mine = own.levers.cap;
    if (b.lever == Lever::factor_multiplier) mine = own.levers.multiplier;
    // Scaling and cap: the total is a monotone step function of the lever, so the smallest (largest)
    // balancing double is unique. The multiplier's total can dip by a penny as a protected school's
    // rounded lines trade places, so two bisections may stop a rounding step apart.
    const double tol = b.lever == Lever::factor_multiplier ? 1e-9 * std::max(1.0, mine) : 0.0;
    if (!(std::fabs(b.lever_value - mine) <= tol)) {
        char t[256];
        std::snprintf(t, sizeof t, "lever %s: engine %.17g, plain %.17g", to_string(b.lever), b.lever_value,
                      mine);
        mm.add(t);
    }
    ++cov.solved[to_string(b.lever)];
}

void check_coverage(const Coverage& cov, std::size_t cases, Source source) {
    INFO("cases " << cov.cases << ", schools " << cov.schools << ", lines compared " << cov.lines);
    CHECK(cov.cases == cases);
    // Every factor kind reached schools, and every protection and lever was exercised.
    for (const char* k :
         {"per_pupil", "per_pupil_by_year_group", "per_unit", "banded", "per_unit_above_threshold",
          "lump_sum", "sparsity", "actual", "per_column", "allocation", "london_fringe"}) {
        if (source == Source::synth && std::string(k) == "per_pupil_by_year_group") continue;  // no columns
        INFO("factor kind " << k);
        CHECK(cov.kinds.count(k) == 1);
    }
    CHECK(cov.on_mfg > 100);
    CHECK(cov.capped > 100);
    CHECK(cov.on_mppl > 100);
    CHECK(cov.fresh > 10);
    CHECK(cov.growing > 10);
    CHECK(cov.middle > 10);
    CHECK(cov.de_delegated > 100);
    CHECK(cov.granted > 100);
    CHECK(cov.sen > 100);
    for (const char* l : {"scaling", "cap", "factor_multiplier"}) {
        INFO("lever " << l);
        CHECK(cov.solved.count(l) == 1);
    }
}

void agree_on_seeds(Source source, std::uint64_t first, std::size_t cases) {
    Coverage cov;
    for (std::uint64_t seed = first; seed < first + cases; ++seed) {
        Mismatches mm;
        agree_on_case(seed, source, cov, mm);
        INFO(mm.report());
        CHECK(mm.count == 0);
    }
    check_coverage(cov, cases, source);
}

}  // namespace

TEST_CASE("engine and plain implementation agree on random formulas over synthetic LAs",
          "[property][agreement]") {
    agree_on_seeds(Source::synth, 1, 100);
}

TEST_CASE("engine and plain implementation agree on random formulas over hand-rolled census files",
          "[property][agreement]") {
    agree_on_seeds(Source::hand_rolled, 1001, 100);
}

}  // namespace property_agreement_test
