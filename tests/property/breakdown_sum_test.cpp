// The breakdown adds up to the line (issue 11): on random formulas and census files, for every factor of
// every kind (the formula's, de-delegation items and grant parts) and every school, the pieces of
// breakdown() add up to evaluate_factor's amount, and each piece's path points at its rate in the formula, as
// does each rate the kind lists (rates_of).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/core/error.hpp"
#include "engine/factors/breakdown.hpp"
#include "engine/factors/factors.hpp"
#include "engine/factors/rates.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "tests/property/random_inputs.hpp"

namespace property_breakdown_sum_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// What the random cases reached, so that a generator that stops reaching a rule fails the test.
struct Coverage {
    std::size_t cases = 0, no_eligible = 0, checked = 0, rates = 0;
    std::map<std::string, std::size_t> kinds;  // factor kind → (factor, school) pairs with a non-zero amount
    std::map<std::string, std::size_t> notes;  // what the notes showed
};

struct Failures {
    std::vector<std::string> text;
    std::size_t count = 0;
    void add(std::uint64_t seed, const std::string& what) {
        if (++count <= 25) text.push_back("seed " + std::to_string(seed) + ": " + what);
    }
};

std::string fmt(const char* f, double a, double b) {
    char t[160];
    std::snprintf(t, sizeof t, f, a, b);
    return t;
}

// The formula value a piece names, read back from the formula document by its path.
bool names_value(const Json& doc, const Param& p) {
    try {
        const Json& v = doc.at(Json::json_pointer(p.source.path));
        return v.is_number() && v.get<double>() == p.given;
    } catch (const std::exception&) {
        return false;
    }
}

void count_notes(const FactorBreakdown& b, Coverage& cov) {
    for (const auto& n : b.notes) {
        if (std::holds_alternative<note::ReceptionUplift>(n)) ++cov.notes["reception uplift"];
        if (const auto* t = std::get_if<note::AboveThreshold>(&n); t && t->funded > 0)
            ++cov.notes["funded units"];
        if (std::holds_alternative<note::MiddleLumpSum>(n)) ++cov.notes["middle lump sum"];
        if (std::holds_alternative<note::AllThroughLumpSum>(n)) ++cov.notes["all-through lump sum"];
        if (const auto* s = std::get_if<note::Sparsity>(&n)) {
            ++cov.notes[s->terms.eligible ? "sparsity eligible" : "sparsity not eligible"];
            if (s->terms.eligible && s->terms.distance_weight < 1) ++cov.notes["sparsity distance taper"];
        }
        if (const auto* a = std::get_if<note::Allocation>(&n))
            ++cov.notes[a->eligible ? "allocation share" : "allocation not eligible"];
        if (const auto* l = std::get_if<note::LondonFringe>(&n))
            ++cov.notes[l->fringe > 0 ? "fringe school" : "not a fringe school"];
    }
}

// Every school's breakdown of one list of factors against the engine's amounts for it.
void check_factors(std::uint64_t seed, const std::vector<Factor>& factors, const Formula& f, const Census& c,
                   bool uplift, double k, Coverage& cov, Failures& fail) {
    const std::vector<Eigen::ArrayXd> amounts = evaluate_factors(factors, c, uplift);
    BreakdownOptions o;
    o.formula = &f;
    o.reception_uplift = uplift;
    o.earlier = &amounts;
    for (std::size_t q = 0; q < factors.size(); ++q) {
        const Factor& fac = factors[q];
        // The kind's list of its rates (what the Forum report's table shows): each path holds its value.
        for (const FactorRate& rate : rates_of(fac)) {
            ++cov.rates;
            Param p;
            p.given = rate.value;
            p.source.path = rate.path;
            if (!names_value(f.doc, p))
                fail.add(seed,
                         fac.path + ", rate " + rate.key + ": " + rate.path + " does not hold its value");
        }
        for (std::size_t s = 0; s < c.size; ++s) {
            const double engine = amounts[q][static_cast<Eigen::Index>(s)];
            const std::string where = fac.path + ", school " + std::to_string(c.urn[s]);
            ++cov.checked;
            // At k = 1 the pieces are the engine's own terms, added in the engine's order: equal exactly.
            o.k = 1;
            const FactorBreakdown b = breakdown(fac, c, s, o);
            if (!(b.amount() == engine))
                fail.add(seed, where + fmt(": pieces add up to %.17g, the engine's amount is %.17g",
                                           b.amount(), engine));
            if (!b.applies && !b.components.empty())
                fail.add(seed, where + ": a filtered-out school has pieces");
            if (b.applies && engine != 0) ++cov.kinds[to_string(fac.kind)];
            count_notes(b, cov);
            // A year-group factor's Reception line counting the reception uplift names it, with its note.
            if (fac.kind == FactorKind::per_pupil_by_year_group && !b.notes.empty()) {
                const bool named =
                    std::any_of(b.components.begin(), b.components.end(), [](const Component& p) {
                        return p.column == "nor_r" && p.label.find("reception uplift") != std::string::npos;
                    });
                if (named && std::holds_alternative<note::ReceptionUplift>(b.notes[0]))
                    ++cov.notes["year-group reception uplift"];
                else
                    fail.add(seed,
                             where + ": a year-group factor's note without its Reception line naming it");
            }
            for (const Component& p : b.components) {
                // A plain product is exactly rate × count; the others (a sparsity weight, a pot's share,
                // an uplift on other factors) within a penny of it.
                const bool product = p.rate_unit == Unit::money && p.count_unit == Unit::count;
                const double tol = product ? 0.0 : 0.01 + 1e-6;
                if (p.rate_unit != Unit::none && !(std::fabs(p.rate.value * p.count - p.amount) <= tol))
                    fail.add(seed,
                             where + ", " + p.label +
                                 fmt(": rate x count %.17g, amount %.17g", p.rate.value * p.count, p.amount));
                // The path of the rate points at that value in the formula (a middle school's mix: at the
                // object holding the two rates it weights; a pass-through: at the column's name).
                const bool mix = p.rate.source.path == fac.path + "/rate";
                const bool column = p.rate.source.path == fac.path + "/column";
                if (!mix && !column && !names_value(f.doc, p.rate))
                    fail.add(seed,
                             where + ", " + p.label + ": " + p.rate.source.path + " does not hold its rate");
            }
            // With the multiplier lever the engine scales the factor's sum, the breakdown each piece:
            // multiplication does not distribute exactly over a floating-point sum, so the two may part by
            // a few units in the last place of the largest piece.
            if (k != 1 && fac.kind != FactorKind::london_fringe) {
                o.k = k;
                const FactorBreakdown bk = breakdown(fac, c, s, o);
                double size = 1;
                for (const Component& p : bk.components) size = std::max(size, std::fabs(p.amount));
                if (!(std::fabs(bk.amount() - engine * k) <= 1e-12 * size))
                    fail.add(seed,
                             where + fmt(": at k, pieces %.17g, engine × k %.17g", bk.amount(), engine * k));
            }
        }
    }
}

enum class Source { synth, hand_rolled };

void check_case(std::uint64_t seed, Source source, Coverage& cov, Failures& fail) {
    Rng rng(seed * 0x9E3779B97F4A7C15ULL + (source == Source::synth ? 31 : 47));
    proptest::CensusInfo info;
    info.schools = 1 + rng.below(300);
    // synth's census gives key-stage totals only: a year-group factor needs a hand-rolled one.
    info.year_groups = source == Source::hand_rolled && rng.chance(0.7);
    const Formula f = parse_formula(Json::parse(proptest::random_formula_json(rng, info, Lever::none)),
                                    "random-formula.json");
    std::string csv;
    if (source == Source::synth) {
        SynthOptions o;
        o.schools = info.schools;
        o.seed = seed;
        o.first_urn = info.first_urn;
        csv = synth_census_csv(o);
    } else {
        csv = proptest::random_census_csv(rng, info);
    }
    Census c = census_from_csv_text(csv, "random-census.csv");
    prepare_census(c, f);
    ++cov.cases;
    const double k = rng.chance(0.5) ? 1.0 : rng.uniform(0.5, 1.5);
    try {
        check_factors(seed, f.factors, f, c, f.reception_uplift, k, cov, fail);
        check_factors(seed, f.de_delegation, f, c, false, 1, cov, fail);
        for (const auto& g : f.grants) check_factors(seed, g.parts, f, c, false, 1, cov, fail);
    } catch (const InputError& e) {
        // An allocation that reaches no school of this census: the engine refuses it, so does breakdown.
        if (std::string(e.what()).find("passes this allocation's filters") == std::string::npos) throw;
        ++cov.no_eligible;
    }
}

void check_seeds(Source source, std::uint64_t first, std::size_t cases) {
    Coverage cov;
    Failures fail;
    for (std::uint64_t seed = first; seed < first + cases; ++seed) check_case(seed, source, cov, fail);
    std::string report;
    for (const auto& t : fail.text) report += t + "\n";
    INFO(report << fail.count << " failures; " << cov.checked << " (factor, school) pairs in " << cov.cases
                << " cases");
    CHECK(fail.count == 0);
    CHECK(cov.cases == cases);
    CHECK(cov.no_eligible < cases / 4);
    CHECK(cov.rates > cases);
    for (const char* kind :
         {"per_pupil", "per_pupil_by_year_group", "per_unit", "banded", "per_unit_above_threshold",
          "lump_sum", "sparsity", "actual", "per_column", "allocation", "london_fringe"}) {
        if (source == Source::synth && std::string(kind) == "per_pupil_by_year_group") continue;
        INFO("factor kind " << kind << " never reached a school with a non-zero amount");
        CHECK(cov.kinds[kind] > 0);
    }
    for (const char* n :
         {"reception uplift", "funded units", "middle lump sum", "all-through lump sum", "sparsity eligible",
          "sparsity not eligible", "sparsity distance taper", "allocation share", "allocation not eligible",
          "fringe school", "not a fringe school", "year-group reception uplift"}) {
        if (source == Source::synth && std::string(n) == "year-group reception uplift") continue;
        INFO("no breakdown showed: " << n);
        CHECK(cov.notes[n] > 0);
    }
}

}  // namespace

TEST_CASE("breakdown adds up to the engine's amount for every kind, on synthetic LAs",
          "[property][breakdown]") {
    check_seeds(Source::synth, 1, 100);
}

TEST_CASE("breakdown adds up to the engine's amount for every kind, on hand-rolled census files",
          "[property][breakdown]") {
    check_seeds(Source::hand_rolled, 2001, 100);
}

}  // namespace property_breakdown_sum_test
