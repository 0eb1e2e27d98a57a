// Shared by the libFuzzer targets: fixed formulas and a small fixed census, and one checked run that
// treats anything but a clear InputError (a crash, another exception, a broken §8 invariant) as a bug.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/formula.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"
#include "engine/synth/synth.hpp"
#include "reports/writers.hpp"

namespace fundsim::fuzz {

// A formula with every factor kind, every protection, de-delegation, grants and notional SEN, with
// NFF-like rates (the values only need to be plausible: the fuzzers look for crashes, not amounts).
inline const char* const kRichFormula = R"({
  "name": "Fuzz formula: every factor kind",
  "reception_uplift": true,
  "factors": {
    "basic_entitlement": {"kind": "per_pupil", "rate": {"primary": 3847, "ks3": 5422, "ks4": 6113}},
    "fsm": {"kind": "per_unit", "measure": "fsm", "rate": {"primary": 495, "secondary": 495}},
    "idaci": {"kind": "banded", "measure": "idaci",
              "rate": {"a": {"primary": 680, "secondary": 945}, "b": {"primary": 515, "secondary": 740},
                       "c": {"primary": 485, "secondary": 685}, "d": {"primary": 445, "secondary": 630},
                       "e": {"primary": 285, "secondary": 450}, "f": {"primary": 235, "secondary": 340}}},
    "mobility": {"kind": "per_unit_above_threshold", "measure": "mobility", "threshold": 0.06,
                 "rate": {"primary": 960, "secondary": 1380}},
    "lump_sum": {"kind": "lump_sum", "rate": {"primary": 145100, "secondary": 145100, "middle": 150000}},
    "sparsity": {"kind": "sparsity", "year_group_taper": "nff", "distance_taper": true,
                 "maximum": {"primary": 57400, "secondary": 83400, "middle": 83400, "all_through": 83400},
                 "distance_threshold": {"primary": 2, "secondary": 3, "middle": 2, "all_through": 2},
                 "year_group_threshold": {"primary": 21.4, "secondary": 120, "middle": 69.2, "all_through": 62.5}},
    "rates": {"kind": "actual", "column": "rates"},
    "split_sites": {"kind": "per_column", "rate": {"split_sites_basic": 53700, "split_sites_distance": 26800}},
    "falling_rolls": {"kind": "allocation", "pot": 100000.01, "basis": "school", "status": ["maintained", "academy"]},
    "fringe": {"kind": "london_fringe", "multiplier": 1.0156, "factors": ["basic_entitlement", "fsm"]}
  },
  "mppl": {"level": {"primary": 4955, "ks3": 6175, "ks4": 6900}, "excludes": ["rates", "split_sites", "sparsity"]},
  "mfg": {"percent": -0.005, "excludes": ["lump_sum", "sparsity", "rates"]},
  "capping": {"cap": 0.03, "scaling": 0.5},
  "de_delegation": {"contingency": {"kind": "per_pupil", "rate": {"primary": 10, "ks3": 8, "ks4": 8},
                                    "phases": ["primary", "secondary"]}},
  "grants": {"pupil_premium": {"ever6": {"kind": "per_unit", "measure": "pp_ever6", "rate": {"primary": 1515, "secondary": 1075}},
                               "plac": {"kind": "per_column", "rate": {"pp_plac": 2630}}}},
  "notional_sen": {"basic_entitlement": 0.05, "fsm": 0.5}
})";

// Needs only the columns every census has (urn, phase, status, pupil numbers): reaches the protections
// and balancing for censuses that lack the rich formula's columns.
inline const char* const kPlainFormula = R"({
  "name": "Fuzz formula: key columns only",
  "factors": {
    "basic_entitlement": {"kind": "per_pupil", "rate": {"primary": 3000, "ks3": 4000, "ks4": 5000}},
    "lump_sum": {"kind": "lump_sum", "rate": {"primary": 100000, "secondary": 120000}},
    "new_schools": {"kind": "allocation", "pot": 5000, "basis": "nor", "phases": ["primary", "middle"]}
  },
  "mppl": {"level": {"primary": 4000, "secondary": 5000}},
  "mfg": {"percent": 0.0, "excludes": ["lump_sum"]},
  "capping": {"cap": 0.02, "scaling": 1}
})";

inline const Formula& rich_formula() {
    static const Formula f = parse_formula(Json::parse(kRichFormula), "fuzz-rich.json");
    return f;
}

inline const Formula& plain_formula() {
    static const Formula f = parse_formula(Json::parse(kPlainFormula), "fuzz-plain.json");
    return f;
}

// Twelve synthetic schools (all phases, baselines near the rich formula's own values), made once.
inline const Census& small_census() {
    static const Census c = [] {
        SynthOptions opt;
        opt.schools = 12;
        opt.seed = 2025;
        opt.formula = &rich_formula();
        return census_from_csv_text(synth_census_csv(opt), "fuzz-census.csv");
    }();
    return c;
}

// A failure the engine must never produce: print it and abort, so libFuzzer keeps the input.
[[noreturn]] inline void bug(const std::string& what) {
    std::fprintf(stderr, "fuzz: %s\n", what.c_str());
    std::abort();
}

// prepare → calculate → §8 self-check → both writers. An InputError is a clear refusal and passes on;
// a result that breaks an invariant, or an amount that is not a finite number, is a bug.
inline Result checked_run(Census& census, const Formula& formula) {
    prepare_census(census, formula);
    Result r = calculate(std::make_shared<const Census>(census), formula);
    const auto bad = check_invariants(r);
    if (!bad.empty()) {
        std::string msg = "invariants broken:";
        for (const auto& b : bad) msg += "\n  " + b;
        bug(msg);
    }
    // calculate() refuses amounts beyond £10bn a line, so every figure written is a finite number.
    std::vector<const Eigen::ArrayXd*> lines = {&r.factors.formula_total,
                                                &r.mppl.topup,
                                                &r.mfg.topup,
                                                &r.capping.deduction,
                                                &r.budget_share.amount,
                                                &r.budget_share.per_pupil,
                                                &r.after_share.delegated_budget,
                                                &r.after_share.notional_sen};
    for (const auto& a : r.factors.amount) lines.push_back(&a);
    for (const auto& a : r.after_share.grants) lines.push_back(&a);
    for (const auto* a : lines)
        if (!a->allFinite()) bug("a reported amount that is not a finite number was accepted");
    const std::string csv = allocations_csv(r);
    const std::string summary = summary_json(r).dump(2);
    const std::string text = run_summary_text(r) + explain_school(r, 0) + explain_school(r, r.size() - 1);
    if (csv.empty() || summary.empty() || text.empty()) bug("a writer returned nothing");
    return r;
}

// The same formula balanced three ways against a budget set from its own unbalanced total T: scaling
// and the cap at 99.9% of T (maybe unaffordable: a clear error), the factor multiplier at 105% of T.
inline void balanced_runs(Census& census, const Formula& base, double total) {
    struct Variant {
        const char* lever;
        double share, cap, scaling;
    };
    const Variant variants[] = {
        {"scaling", 0.999, 0.0, 0.0}, {"cap", 0.999, 0.0, 1.0}, {"factor_multiplier", 1.05, 0.02, 0.5}};
    for (const auto& v : variants) {
        Json doc = base.doc;
        doc["capping"] = {{"cap", v.cap}, {"scaling", v.scaling}};
        doc["budget"] = {{"schools_block", total * v.share / 0.99},
                         {"deductions", {{"high_needs", {{"percent", 0.01}}}}},
                         {"solve_for", v.lever}};
        try {
            checked_run(census, parse_formula(doc, base.file));
        } catch (const InputError&) {
        }
    }
}

}  // namespace fundsim::fuzz
