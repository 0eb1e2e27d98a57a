// Funding-model §8's invariants on synthetic LAs of 1 to 2,000 schools, with the real formulas and random
// ones, each balancing lever made to bind; plus the no-op scenario (§8.6) and the monotonicity of §5.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "reports/writers.hpp"
#include "tests/property/random_inputs.hpp"
#include "tests/support.hpp"

namespace property_invariants_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const Lever kLevers[] = {Lever::scaling, Lever::cap, Lever::factor_multiplier};
const std::size_t kSizes[] = {1, 2, 10, 100, 550, 2000};

long long pence(double pounds) { return std::llround(pounds * 100.0); }
// Whole pence back to pounds (exact: every total here is far below 2^53 pence).
double pounds_of(long long p) { return static_cast<double>(p) / 100.0; }

// The reported line of factor `id` for school i.
double line(const Result& r, const std::string& id, Eigen::Index i) {
    return r.factors.amount[static_cast<std::size_t>(r.formula->factor_index(id))][i];
}

std::string fmt(const char* f, double a, double b = 0, double c = 0) {
    char t[300];
    std::snprintf(t, sizeof t, f, a, b, c);
    return t;
}

// What the §8 checks found: failures, and the two known exceptions where the spec's own numbers cannot
// both hold (see spec_invariants), each with the URN (0 for the LA) it is about.
struct Findings {
    std::vector<std::string> bad;
    std::vector<std::pair<std::int64_t, std::string>> known;
};

// The smallest step of the total at the solved multiplier: the total at the next double above k (the
// engine's own steps, on a copy). Above 0 and more than the headroom when no representable k does better.
double next_step_total(const Result& r) {
    Result copy = r;
    set_multiplier(copy, std::nextafter(r.budget->lever_value, 2 * r.budget->lever_value + 1));
    protect(copy, r.cap, r.scaling);
    long long t = 0;
    for (Eigen::Index i = 0; i < copy.budget_share.amount.size(); ++i)
        t += pence(copy.budget_share.amount[i]);
    return pounds_of(t);
}

// §8, invariants 1–5 and 7, checked from the spec's own statements on the reported result.
//
// Two known exceptions, where the spec's tolerances are tighter than its rounding rules allow (reported to
// the project; neither is a wrong number):
// - 2 and 4 on very small schools: §7 computes the MFG and MPPL top-ups from unrounded amounts and rounds
//   each line half away from zero, so a protected school's reported lines can fall short of the exact
//   guarantee by up to ½p per rounded line; the spec's 1p-per-pupil tolerance covers that only from about
//   (lines + 2) / 2 pupils up. Accepted when the shortfall for the school is within ½p per rounded line.
// - 5 with the factor multiplier: a line that is the same for many schools (the lump sum) crosses a half
//   penny at the same k in all of them, so the total jumps by that many pennies between two neighbouring
//   doubles (£5.51 for 551 primaries). Accepted when the next double above k overspends, i.e. no k does
//   better.
Findings spec_invariants(const Result& r) {
    Findings out;
    std::vector<std::string>& bad = out.bad;
    const Census& c = *r.census;
    const Formula& f = *r.formula;
    auto fail = [&](const std::string& what) {
        if (bad.size() < 20) bad.push_back(what);
    };
    // The school's shortfall (pounds) is within the rounding of its lines: the factors not excluded, and
    // the MPPL, MFG and capping lines.
    auto rounding_only = [&](double shortfall, std::size_t excluded_lines) {
        const double lines = static_cast<double>(f.factors.size() - excluded_lines + 3);
        return shortfall <= 0.005 * lines + 1e-9;
    };
    for (std::size_t s = 0; s < c.size; ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const std::string school = "school " + std::to_string(c.urn[s]) + ": ";
        const double nor = c.nor_primary[i] + c.nor_ks3[i] + c.nor_ks4[i];
        const double bs = r.budget_share.amount[i];
        // 1. budget_share = F + mppl_topup + mfg_topup − capping_deduction to the penny, F = Σ factor lines.
        long long F = 0;
        for (const auto& fac : f.factors) F += pence(line(r, fac.id, i));
        if (pence(r.factors.formula_total[i]) != F)
            fail(school + fmt("formula_total %.2f is not the sum of its lines %.2f",
                              r.factors.formula_total[i], pounds_of(F)));
        const long long rebuilt =
            F + pence(r.mppl.topup[i]) + pence(r.mfg.topup[i]) - pence(r.capping.deduction[i]);
        if (pence(bs) != rebuilt)
            fail(school +
                 fmt("budget share %.2f is not F + MPPL + MFG - capping = %.2f", bs, pounds_of(rebuilt)));
        // 2. A school with a baseline ends at or above its guarantee (after MFG-excluded lines come off).
        if (f.mfg && c.mfg_baseline_pupils[i] > 0 && c.mfg_baseline_funding[i] > 0) {
            const double guarantee =
                c.mfg_baseline_funding[i] / c.mfg_baseline_pupils[i] * (1 + f.mfg->percent);
            double excluded = 0;
            for (const auto& id : f.mfg->excludes) excluded += line(r, id, i);
            const double pp = (bs - excluded) / nor;
            if (pp < guarantee - 0.01) {
                const std::string what =
                    school + fmt("per pupil %.4f is below the guarantee %.4f (nor %.0f)", pp, guarantee, nor);
                if (rounding_only((guarantee - pp) * nor, f.mfg->excludes.size()))
                    out.known.emplace_back(c.urn[s], what);
                else
                    fail(what);
            }
        }
        // 3. Nobody is both protected and capped.
        if (r.mfg.topup[i] > 0 && r.capping.deduction[i] != 0)
            fail(school +
                 fmt("MFG top-up %.2f and capping deduction %.2f", r.mfg.topup[i], r.capping.deduction[i]));
        // 4. MPPL holds after capping: level = (Yp L_primary + Y3 L_ks3 + Y4 L_ks4) / Y.
        if (f.mppl) {
            const double Y = c.yg_primary[i] + c.yg_ks3[i] + c.yg_ks4[i];
            const double level =
                (c.yg_primary[i] * f.mppl->primary + c.yg_ks3[i] * f.mppl->ks3 + c.yg_ks4[i] * f.mppl->ks4) /
                Y;
            double excluded = 0;
            for (const auto& id : f.mppl->excludes) excluded += line(r, id, i);
            const double pp = (bs - excluded) / nor;
            if (pp < level - 0.01) {
                const std::string what =
                    school + fmt("per pupil %.4f counted for the MPPL is below its level %.4f (nor %.0f)", pp,
                                 level, nor);
                if (rounding_only((level - pp) * nor, f.mppl->excludes.size()))
                    out.known.emplace_back(c.urn[s], what);
                else
                    fail(what);
            }
        }
    }
    // 5. With a lever solved: 0 ≤ headroom < £1 (unless the lever is at its limit and cannot spend more).
    if (r.budget && r.budget->lever != Lever::none) {
        const double h = r.budget->headroom;
        if (h < 0 || (!r.budget->lever_at_limit && h >= 1)) {
            const std::string what = fmt("headroom %.2f at lever value %.17g", h, r.budget->lever_value);
            if (h >= 0 && r.budget->lever == Lever::factor_multiplier &&
                next_step_total(r) > r.budget->available)
                out.known.emplace_back(0, what + fmt(" (the next k overspends by %.2f)",
                                                     next_step_total(r) - r.budget->available));
            else
                fail(what);
        }
    }
    // 7. Σ over schools of each column equals the reported total of that column (summary.json, and the
    // budget's total); each breakdown (phase, status, area) adds up to the whole.
    const auto j = summary_json(r);
    auto column_total = [&](const Eigen::ArrayXd& a) {
        long long t = 0;
        for (Eigen::Index i = 0; i < a.size(); ++i) t += pence(a[i]);
        return t;
    };
    auto same = [&](const std::string& what, double reported, long long summed) {
        if (pence(reported) != summed)
            fail(what + fmt(": reported total %.2f is not the column sum %.2f", reported, pounds_of(summed)));
    };
    same("total_budget_share", j["total_budget_share"].get<double>(), column_total(r.budget_share.amount));
    same("mfg_total", j["mfg_total"].get<double>(), column_total(r.mfg.topup));
    same("capping_total", j["capping_total"].get<double>(), column_total(r.capping.deduction));
    same("mppl_total", j["mppl_total"].get<double>(), column_total(r.mppl.topup));
    same("notional_sen_total", j["notional_sen_total"].get<double>(),
         column_total(r.after_share.notional_sen));
    long long dd = 0;
    for (const auto& d : r.after_share.de_delegation) dd += column_total(d);
    same("de_delegation_total", j["de_delegation_total"].get<double>(), dd);
    for (std::size_t g = 0; g < r.after_share.grants.size(); ++g)
        same("grant " + f.grants[g].id, j["grants"][f.grants[g].id].get<double>(),
             column_total(r.after_share.grants[g]));
    for (std::size_t k = 0; k < r.factors.amount.size(); ++k)
        same("factor " + f.factors[k].id, j["factors"][f.factors[k].id].get<double>(),
             column_total(r.factors.amount[k]));
    if (r.budget) same("budget total", r.budget->total, column_total(r.budget_share.amount));
    for (const char* group : {"phase", "status", "area"}) {
        long long parts = 0;
        std::size_t schools = 0;
        for (auto it = j[group].begin(); it != j[group].end(); ++it) {
            parts += pence(it.value()["total_budget_share"].get<double>());
            schools += it.value()["schools"].get<std::size_t>();
        }
        same(std::string("sum of the ") + group + " breakdown", pounds_of(parts),
             column_total(r.budget_share.amount));
        if (schools != c.size)
            fail(std::string("the ") + group + " breakdown counts " + std::to_string(schools) + " schools");
    }
    return out;
}

Json load_doc(const std::string& name) { return read_json_file(test::source_dir() + "/formulas/" + name); }

// The capping section a lever needs: a cap at or above the MFG percent, scaling above 0 for the cap lever.
Json with_levers(Json doc, Lever lever, Rng& rng) {
    const double m = doc.contains("mfg") ? doc["mfg"]["percent"].get<double>() : 0.0;
    Json capping;
    if (lever == Lever::scaling) {
        capping["cap"] = std::max(m, 0.0) + std::round(rng.uniform(0, 0.03) * 1e4) / 1e4;
        capping["scaling"] = 0;
    } else if (lever == Lever::cap) {
        capping["cap"] = m;
        capping["scaling"] = rng.chance(0.5) ? 1.0 : std::round(rng.uniform(0.3, 1) * 1e3) / 1e3;
    } else {
        capping["cap"] = std::max(m, 0.0) + 0.02;
        capping["scaling"] = rng.chance(0.5) ? 0.0 : 1.0;
    }
    doc["capping"] = capping;
    return doc;
}

struct Tally {
    std::size_t las = 0, schools = 0, refused = 0, known_headroom = 0, known_rounding = 0;
    std::map<std::string, std::size_t> bound, at_limit;
};

// One LA: a budget where the lever binds (or, when the lever can move the total by under £100, above its
// reach), then every invariant from the spec and check_invariants().
void check_la(const std::string& label, const std::string& csv, const Json& doc_in, Lever lever, Rng& rng,
              Tally& tally) {
    INFO(label << ", lever " << to_string(lever));
    const Formula draft = parse_formula(doc_in, label);
    Census census = census_from_csv_text(csv, label + ".csv");
    prepare_census(census, draft);
    try {
        (void)calculate(test::shared(census), draft);
    } catch (const InputError& e) {
        // The only refusal a valid formula may meet: an allocation whose filters reach no school here.
        REQUIRE(std::string(e.what()).find("passes this allocation's filters") != std::string::npos);
        ++tally.refused;
        return;
    }
    std::pair<double, double> range;
    Json doc = proptest::with_budget(doc_in, draft, census, lever, proptest::BudgetPlace::binds, rng, &range);
    const bool binds = range.second - range.first >= 100;
    if (!binds)
        doc = proptest::with_budget(doc_in, draft, census, lever, proptest::BudgetPlace::above_reach, rng,
                                    &range);
    const Formula f = parse_formula(doc, label);
    Result r = calculate(test::shared(census), f);
    REQUIRE(r.budget);
    const BudgetOutcome& b = *r.budget;
    INFO("range " << range.first << " .. " << range.second << ", available " << b.available << ", total "
                  << b.total << ", lever value " << b.lever_value);
    const Findings spec = spec_invariants(r);
    const std::vector<std::string> engine = check_invariants(r);
    std::string spec_text, known_text, engine_text;
    for (const auto& s : spec.bad) spec_text += s + "\n";
    for (const auto& [urn, s] : spec.known) known_text += "known: " + s + "\n";
    for (const auto& s : engine) engine_text += "check_invariants: " + s + "\n";
    INFO(spec_text << known_text << engine_text);
    CHECK(spec.bad.empty());
    // check_invariants() accepts exactly what the spec's rounding rules force (the known exceptions), and
    // reports nothing here: its tolerance on invariants 2 and 4 widens to ½p per rounded line for a very
    // small school, and on invariant 5 to the total's own step at the solved lever (BudgetOutcome::step).
    CHECK(engine.empty());
    for (const auto& [urn, what] : spec.known) {
        if (urn == 0) {
            // The engine's step is the jump to the next lever value: it must match this test's own count
            // of the total at the next double above k, and exceed the headroom left.
            CHECK(b.step == Approx(next_step_total(r) - b.total).margin(0.005));
            CHECK(b.headroom < b.step);
        }
        ++(urn == 0 ? tally.known_headroom : tally.known_rounding);
    }
    // The lever really binds: strictly inside its range, with less than £1 left.
    CHECK(b.lever == lever);
    CHECK(b.headroom >= 0);
    // Above the reach of scaling or the cap, the lever stops at its limit (no scaling; a cap above every
    // gain); the multiplier has no upper limit short of 1e6.
    if (!binds && lever != Lever::factor_multiplier) CHECK(b.lever_at_limit);
    if (binds) {
        CHECK_FALSE(b.lever_at_limit);
        if (b.lever != Lever::factor_multiplier) CHECK(b.headroom < 1);
        if (lever == Lever::scaling) CHECK((b.lever_value > 0 && b.lever_value <= 1));
        if (lever == Lever::cap) CHECK(b.lever_value >= (f.mfg ? f.mfg->percent : 0.0));
        if (lever == Lever::factor_multiplier) CHECK((b.lever_value > 0 && b.lever_value < 1));
        ++tally.bound[to_string(lever)];
    } else {
        ++tally.at_limit[to_string(lever)];
    }
    ++tally.las;
    tally.schools += census.size;
}

void check_real_formula(const std::string& file) {
    const Json base = load_doc(file);
    Tally tally;
    for (std::size_t n : kSizes) {
        for (std::uint64_t seed = 1; seed <= (n >= 2000 ? 1u : 3u); ++seed) {
            Rng rng(seed * 1000003 + n);
            for (Lever lever : kLevers) {
                const Json doc = with_levers(base, lever, rng);
                const Formula f = parse_formula(doc, file);
                SynthOptions o;
                o.schools = n;
                o.seed = seed;
                o.formula = &f;
                std::string csv;
                try {
                    csv = synth_census_csv(o);
                } catch (const InputError&) {
                    o.formula = nullptr;  // the formula's allocation reaches none of these schools
                    csv = synth_census_csv(o);
                }
                check_la(file + " n=" + std::to_string(n) + " seed=" + std::to_string(seed), csv, doc, lever,
                         rng, tally);
            }
        }
    }
    INFO(file << ": " << tally.las << " LAs, " << tally.schools
              << " schools, known exceptions: " << tally.known_headroom << " multiplier headroom, "
              << tally.known_rounding << " small-school rounding");
    // Every lever bound in LAs of every size from 10 schools up (5 sizes × 3 seeds, less the one 2,000 run).
    for (Lever lever : kLevers) CHECK(tally.bound[to_string(lever)] >= 10);
}

}  // namespace

TEST_CASE("§8 invariants: NFF 2025-26 on synthetic LAs of 1 to 2,000 schools, each lever binding",
          "[property][invariants]") {
    check_real_formula("nff-2025-26.json");
}

TEST_CASE("§8 invariants: NFF 2024-25 on synthetic LAs of 1 to 2,000 schools, each lever binding",
          "[property][invariants]") {
    check_real_formula("nff-2024-25.json");
}

TEST_CASE("§8 invariants: the 2011-12 local example on synthetic LAs, each lever binding",
          "[property][invariants]") {
    check_real_formula("local-2011-12-example.json");
}

TEST_CASE("§8 invariants: random formulas on synthetic and hand-rolled LAs, each lever binding",
          "[property][invariants]") {
    Tally tally;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        for (std::size_t n : kSizes) {
            if (n == 2000 && seed > 2) continue;
            for (Lever lever : kLevers) {
                Rng rng(seed * 7777 + n * 3 + static_cast<std::uint64_t>(lever));
                proptest::CensusInfo info;
                info.schools = n;
                const Json doc = Json::parse(proptest::random_formula_json(rng, info, lever));
                std::string csv;
                if (seed % 2 == 1) {
                    const Formula f = parse_formula(doc, "random.json");
                    SynthOptions o;
                    o.schools = n;
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
                check_la("random seed=" + std::to_string(seed) + " n=" + std::to_string(n), csv, doc, lever,
                         rng, tally);
            }
        }
    }
    INFO(tally.las << " LAs, " << tally.schools << " schools, " << tally.refused
                   << " refused, known exceptions: " << tally.known_headroom << " multiplier headroom, "
                   << tally.known_rounding << " small-school rounding");
    for (Lever lever : kLevers) CHECK(tally.bound[to_string(lever)] >= 15);
}

TEST_CASE("§8.6: a scenario that changes nothing reproduces its base exactly", "[property][invariants]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("fundsim-noop-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::size_t compared = 0;
    for (const char* file :
         {"nff-2025-26.json", "nff-2024-25.json", "local-2011-12-example.json", "random"}) {
        for (Lever lever : kLevers) {
            Rng rng(static_cast<std::uint64_t>(lever) * 31 + 7);
            proptest::CensusInfo info;
            info.schools = 300;
            Json doc = std::string(file) == "random"
                           ? Json::parse(proptest::random_formula_json(rng, info, lever))
                           : with_levers(load_doc(file), lever, rng);
            const Formula draft = parse_formula(doc, file);
            SynthOptions o;
            o.schools = info.schools;
            o.seed = 5;
            o.formula = &draft;
            Census census = census_from_csv_text(synth_census_csv(o), "noop.csv");
            prepare_census(census, draft);
            doc = proptest::with_budget(doc, draft, census, lever, proptest::BudgetPlace::binds, rng);
            { std::ofstream(dir / "base.json") << doc.dump(1); }
            const Formula base = load_formula((dir / "base.json").string());
            const Result r0 = calculate(test::shared(census), base);
            const std::string csv0 = allocations_csv(r0);
            const auto sum0 = summary_json(r0);
            // An empty patch (the scenario's name replaces the formula's) and a patch restating values.
            Json empty = {{"name", "no change"}, {"base", "base.json"}, {"changes", Json::object()}};
            Json restate = {{"name", doc["name"]},
                            {"base", "base.json"},
                            {"changes",
                             {{"name", doc["name"]},
                              {"capping", doc["capping"]},
                              {"budget", {{"schools_block", doc["budget"]["schools_block"]}}},
                              {"factors", {{base.factors[0].id, doc["factors"][base.factors[0].id]}}}}}};
            if (doc.contains("mfg")) restate["changes"]["mfg"] = {{"percent", doc["mfg"]["percent"]}};
            for (const Json& sc : {empty, restate}) {
                { std::ofstream(dir / "scenario.json") << sc.dump(1); }
                const Scenario s = load_scenario((dir / "scenario.json").string());
                const Result r1 = calculate(test::shared(census), s.formula);
                INFO(file << ", lever " << to_string(lever) << ", scenario " << sc["name"]);
                CHECK(allocations_csv(r1) == csv0);
                auto sum1 = summary_json(r1);
                if (sc["name"] == "no change") sum1["formula"] = sum0["formula"];  // only the name differs
                CHECK(sum1.dump() == sum0.dump());
                CHECK(r1.budget->lever_value == r0.budget->lever_value);
                ++compared;
            }
        }
    }
    fs::remove_all(dir);
    CHECK(compared == 24);
}

TEST_CASE("§5: the total is monotone in each lever", "[property][invariants]") {
    // Scaling and the cap move only the capping deductions, each rounded and monotone in the lever, so the
    // total moves the same way exactly. The multiplier also moves the MFG top-ups: a protected school's
    // factor lines and top-up are rounded separately, so its share can dip a few pennies while the rest
    // rise; the total may then fall by at most 1p per rounded line (factors, MPPL, MFG, capping) of each
    // school. Dips of a few pennies do occur: §5's "monotone" holds for this lever only up to rounding.
    std::size_t grids = 0, steps = 0, attempt = 0;
    for (const char* file : {"nff-2025-26.json", "local-2011-12-example.json", "random", "random"}) {
        for (std::size_t n : {10, 100, 550}) {
            Rng rng(n * 13 + ++attempt);
            proptest::CensusInfo info;
            info.schools = n;
            const Json doc = std::string(file) == "random"
                                 ? Json::parse(proptest::random_formula_json(rng, info, Lever::cap))
                                 : with_levers(load_doc(file), Lever::cap, rng);
            const Formula f = parse_formula(doc, file);
            SynthOptions o;
            o.schools = n;
            o.seed = n + grids;
            o.formula = &f;
            Census census;
            try {
                census = census_from_csv_text(synth_census_csv(o), "mono.csv");
                prepare_census(census, f);
                (void)calculate(test::shared(census), f);
            } catch (const InputError&) {
                continue;  // an allocation that reaches none of these schools
            }
            const double m = f.mfg ? f.mfg->percent : 0.0;
            INFO(file << " n=" << n);
            // Scaling: the total never rises as s rises (cap fixed a little above the MFG percent).
            double prev = proptest::engine_total(census, f, Lever::scaling, m + 0.005, 0.0, 1);
            for (int k = 1; k <= 20; ++k) {
                const double t = proptest::engine_total(census, f, Lever::scaling, m + 0.005, k / 20.0, 1);
                CHECK(pence(t) <= pence(prev));
                prev = t;
                ++steps;
            }
            // Cap: the total never falls as c rises (scaling 1).
            prev = proptest::engine_total(census, f, Lever::cap, m, 1.0, 1);
            for (int k = 1; k <= 20; ++k) {
                const double t = proptest::engine_total(census, f, Lever::cap, m + k * 0.005, 1.0, 1);
                CHECK(pence(t) >= pence(prev));
                prev = t;
                ++steps;
            }
            // Multiplier over all non-actual factors (the default list).
            Formula g = f;
            Budget bu;
            bu.solve_for = Lever::factor_multiplier;
            for (const auto& fac : g.factors)
                if (fac.kind != FactorKind::actual) bu.multiplier_factors.push_back(fac.id);
            g.budget = bu;
            const double slack = 0.01 * static_cast<double>(n * (f.factors.size() + 3));
            prev = proptest::engine_total(census, g, Lever::factor_multiplier, m, 0.0, 0.0);
            for (int k = 1; k <= 30; ++k) {
                const double t =
                    proptest::engine_total(census, g, Lever::factor_multiplier, m, 0.0, k * 0.05);
                CHECK(t >= prev - slack);
                prev = std::max(prev, t);
                ++steps;
            }
            ++grids;
        }
    }
    CHECK(grids >= 10);
    CHECK(steps == grids * 70);
}

}  // namespace property_invariants_test
