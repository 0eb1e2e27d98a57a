// `fundsim synth`: a realistic synthetic LA census, deterministic per seed; optionally also a pupil-level
// extract with its school file and LSOA lookup (the inputs of `fundsim ingest`).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "engine/core/error.hpp"
#include "engine/early_years/early_years.hpp"
#include "engine/early_years/parse_ey_formula.hpp"
#include "engine/high_needs/calculate.hpp"
#include "engine/high_needs/formula.hpp"
#include "engine/synth/synth.hpp"
#include "engine/synth/synth_budget.hpp"
#include "engine/synth/synth_early_years.hpp"
#include "engine/synth/synth_high_needs.hpp"
#include "engine/synth/synth_history.hpp"
#include "engine/synth/synth_pupils.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

using NamedFiles = std::vector<std::pair<std::string, std::string>>;

// The high needs setting synth makes for this LA (the same with --high-needs and inside --budget).
SynthHighNeedsFiles synth_hn_setting(const SynthOptions& opt) {
    SynthHighNeedsOptions hopt;
    hopt.schools = opt.schools;
    hopt.seed = opt.seed;
    hopt.first_urn = opt.first_urn;
    hopt.la_code = opt.la_code;
    return synth_high_needs(hopt);
}

// With --budget and --hn-formula: the setting beside the budget file, and an allocation 88% of what the
// setting costs the LA under that formula (its spend, plus the DfE's place deductions, less the net
// import/export adjustment), to the £1,000: the demo LA's block is short, as most LAs' are, and the
// Forum's 0.5% transfer covers part of the gap (docs/la-budget.md §1, the demo's inputs).
SynthBudgetBlock synth_hn_block(NamedFiles& dir, const SynthOptions& opt, const std::string& formula_path,
                                const std::string& formula_in_budget) {
    const SynthHighNeedsFiles f = synth_hn_setting(opt);
    dir.emplace_back("hn-providers.csv", f.providers_csv);
    dir.emplace_back("hn-placements.csv", f.placements_csv);
    const hn::HnFormula formula = hn::load_hn_formula(formula_path);
    const hn::Providers providers = hn::providers_from_text(f.providers_csv, "hn-providers.csv (synth)");
    const hn::Placements placements = hn::placements_from_text(f.placements_csv, "hn-placements.csv (synth)");
    const hn::HnResult r = hn::calculate_high_needs(formula, providers, placements);
    const double cost = r.position.spend + r.position.dfe_place_deductions - r.position.import_export;
    return {formula_in_budget,
            {{"providers", "hn-providers.csv"}, {"placements", "hn-placements.csv"}},
            std::round(cost * 0.88 / 1000.0) * 1000.0};
}

// With --budget and --ey-formula: the market beside the budget file; the allocation is the formula's (the
// budget refuses an early years formula whose allocation is not the DSG's early years block).
SynthBudgetBlock synth_ey_block(NamedFiles& dir, const SynthOptions& opt, const std::string& formula_path,
                                const std::string& formula_in_budget) {
    const SynthEarlyYearsFiles f = synth_early_years({opt.schools, opt.seed});
    dir.emplace_back("ey-providers.csv", f.providers_csv);
    dir.emplace_back("ey-hours.csv", f.hours_csv);
    const EyFormula formula = load_ey_formula(formula_path);
    return {formula_in_budget,
            {{"providers", "ey-providers.csv"}, {"hours", "ey-hours.csv"}},
            static_cast<double>(ey_block_allocation(formula)) / 100.0};
}

// --budget DIR: the demo's budget inputs (engine/synth/synth_budget.hpp), paths in them relative to DIR;
// with --hn-formula and --ey-formula, those blocks' inputs too. The files, by name in DIR.
NamedFiles synth_budget_inputs(const po::variables_map& vm, const std::string& census_text,
                               const FormulaSource& source, const SynthOptions& opt) {
    namespace fs = std::filesystem;
    const std::string dir = vm["budget"].as<std::string>();
    const std::string census_path = vm["out"].as<std::string>();
    const Census census = census_from_csv_text(census_text, census_path);
    auto beside = [&](const std::string& p) {
        return fs::absolute(p)
            .lexically_normal()
            .lexically_relative(fs::absolute(dir).lexically_normal())
            .string();
    };
    SynthBudgetOptions bo;
    bo.seed = opt.seed;
    bo.census_path = beside(census_path);
    bo.base_formula_path = beside(source.is_scenario ? source.base_path : source.path);
    if (source.is_scenario && source.formula.patch) bo.base_changes = source.formula.patch->changes;
    NamedFiles out;
    if (vm.count("hn-formula")) {
        const std::string f = vm["hn-formula"].as<std::string>();
        bo.high_needs = synth_hn_block(out, opt, f, beside(f));
    }
    if (vm.count("ey-formula")) {
        const std::string f = vm["ey-formula"].as<std::string>();
        bo.early_years = synth_ey_block(out, opt, f, beside(f));
    }
    const SynthBudgetFiles f = synth_budget_files(census, source.formula, bo);
    out.emplace_back("budget.json", f.budget_json);
    out.emplace_back("balances.csv", f.balances_csv);
    out.emplace_back("conversions.csv", f.conversions_csv);
    out.emplace_back("schools-scenario.json", f.schools_scenario_json);
    return out;
}

}  // namespace

int cmd_synth(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("schools,n", po::value<std::size_t>()->default_value(550), "number of schools")(
        "seed,k", po::value<std::uint64_t>()->default_value(1), "random seed (same seed, same file)")(
        "out,o", po::value<std::string>(), "census CSV to write")(
        "formula,f", po::value<std::string>(),
        "draw MFG baselines and prior-year budgets near this formula's values (a formula JSON, or a scenario "
        "JSON: "
        "its changes applied to its base formula)")(
        "first-urn", po::value<long long>()->default_value(100001), "URN of the first school")(
        "la-code", po::value<int>()->default_value(881), "3-digit LA code used in LAESTABs")(
        "pupils-out", po::value<std::string>(), "also write the same LA as a pupil-level extract (CSV)")(
        "schools-out", po::value<std::string>(), "... its school file (attributes without pupil counts)")(
        "idaci-out", po::value<std::string>(), "... and its LSOA lookup (lsoa,idaci_rank)")(
        "bands", po::value<std::string>(), "IDACI rank cut-offs JSON for the pupil extract")(
        "census-date", po::value<std::string>()->default_value("2024-10-03"),
        "census day of the pupil extract")("lsoas", po::value<std::size_t>()->default_value(32844),
                                           "LSOAs in the lookup")(
        "year-groups", po::bool_switch(),
        "also give pupils by year group, nor_r ... nor_y11 (what a plan projects)")(
        "history-out", po::value<std::string>(),
        "write the census's year and past years by year group (a plan's census history; implies "
        "--year-groups)")("history-years", po::value<int>()->default_value(4),
                          "past years in the census history")(
        "census-year", po::value<int>()->default_value(2024),
        "academic year the census counts (2024: 2024-25)");
    desc.add_options()("high-needs", po::value<std::string>(),
                       "also write a high needs setting for this LA (FY 2025-26): DIR/hn-providers.csv and "
                       "DIR/hn-placements.csv");
    desc.add_options()("early-years", po::value<std::string>(),
                       "also write an early years market for an LA of this size: DIR/ey-providers.csv and "
                       "DIR/ey-hours.csv");
    desc.add_options()(
        "budget", po::value<std::string>(),
        "also write the demo's budget inputs to this folder: budget.json, balances.csv, conversions.csv and "
        "schools-scenario.json (needs --out and --formula)")(
        "hn-formula", po::value<std::string>(),
        "with --budget: the high needs block computed from this formula, with synth's setting written beside "
        "the budget file (hn-providers.csv, hn-placements.csv)")(
        "ey-formula", po::value<std::string>(),
        "with --budget: the early years block computed from this formula (its allocation is the DSG's early "
        "years block), with synth's market written beside the budget file (ey-providers.csv, ey-hours.csv)");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "synth",
            "Writes a realistic synthetic LA census (phases, sizes, deprivation, premises, baselines).", desc,
            args, vm))
        return kOk;
    SynthOptions opt;
    opt.schools = vm["schools"].as<std::size_t>();
    if (opt.schools == 0 || opt.schools > 1000000) throw UsageError("--schools must be from 1 to 1,000,000");
    opt.seed = vm["seed"].as<std::uint64_t>();
    opt.first_urn = vm["first-urn"].as<long long>();
    opt.la_code = vm["la-code"].as<int>();
    std::optional<FormulaSource> source;
    if (vm.count("formula")) {
        source = load_formula_source(vm["formula"].as<std::string>());
        opt.formula = &source->formula;
    }
    const bool pupils = vm.count("pupils-out") || vm.count("schools-out") || vm.count("idaci-out");
    const bool early_years = vm.count("early-years") > 0;
    if (!vm.count("out") && !pupils && !vm.count("high-needs") && !early_years)
        throw UsageError(
            "give --out C, or --pupils-out, --schools-out and --idaci-out, or --high-needs DIR, "
            "or --early-years DIR");
    const bool all =
        vm.count("pupils-out") && vm.count("schools-out") && vm.count("idaci-out") && vm.count("bands");
    if (pupils && !all)
        throw UsageError(
            "a pupil-level extract needs all of --pupils-out, --schools-out, --idaci-out and --bands");
    if ((vm["year-groups"].as<bool>() || vm.count("history-out")) && !vm.count("out"))
        throw UsageError("--year-groups and --history-out go with --out C (the census they belong to)");
    const bool quiet = vm["quiet"].as<bool>();
    // Every file is written under a temporary name and renamed into place only once all are complete,
    // so a run that fails (a bad --census-date or bands file, say) leaves none of them.
    std::vector<std::unique_ptr<OutputSet>> sets;
    if ((vm.count("hn-formula") || vm.count("ey-formula")) && !vm.count("budget"))
        throw UsageError("--hn-formula and --ey-formula go with --budget DIR (the budget file names them)");
    if (vm.count("budget") && (!vm.count("out") || !source))
        throw UsageError("--budget DIR needs --out C and --formula F (the budget file names both)");
    if (vm.count("out")) {
        const FolderAndName p = split_path(vm["out"].as<std::string>());
        std::string text = synth_census_csv(opt);
        std::optional<SynthHistory> h;
        if (vm["year-groups"].as<bool>() || vm.count("history-out")) {
            const int past = vm["history-years"].as<int>();
            if (past < 1 || past > 20) throw UsageError("--history-years must be from 1 to 20");
            h = synth_year_groups(text, opt.seed, past, vm["census-year"].as<int>());
            text = std::move(h->census_csv);
        }
        // Everything is made before any folder is: a failure (a formula synth's setting does not fit)
        // creates none.
        const NamedFiles budget =
            vm.count("budget") ? synth_budget_inputs(vm, text, *source, opt) : NamedFiles{};
        if (vm.count("history-out")) {
            const FolderAndName hp = split_path(vm["history-out"].as<std::string>());
            sets.push_back(std::make_unique<OutputSet>(hp.folder));
            sets.back()->add(hp.name, h->history_csv);
        }
        sets.push_back(std::make_unique<OutputSet>(p.folder));
        sets.back()->add(p.name, text);
        if (vm.count("budget")) {
            sets.push_back(std::make_unique<OutputSet>(vm["budget"].as<std::string>()));
            for (const auto& [name, content] : budget) sets.back()->add(name, content);
        }
    }
    SynthPupilStats st;
    if (pupils) {
        SynthPupilOptions popt;
        popt.schools = opt;
        popt.bands = load_idaci_bands(vm["bands"].as<std::string>());
        const std::string date = vm["census-date"].as<std::string>();
        if (!parse_iso_date(date, popt.census_date))
            throw UsageError("--census-date \"" + date + "\" is not a date: expected YYYY-MM-DD");
        popt.lsoas = vm["lsoas"].as<std::size_t>();
        std::vector<std::unique_ptr<std::ofstream>> streams;
        for (const char* key : {"pupils-out", "schools-out", "idaci-out"}) {
            const std::string path = vm[key].as<std::string>();
            const FolderAndName p = split_path(path);
            sets.push_back(std::make_unique<OutputSet>(p.folder));
            sets.back()->add_with(p.name, [&](const std::string& tmp) {
                streams.push_back(std::make_unique<std::ofstream>(tmp, std::ios::binary));
                if (!*streams.back()) fail(path + ": cannot write");
            });
        }
        st = synth_pupil_files(popt, *streams[0], *streams[1], *streams[2]);
        for (auto& s : streams) {
            s->close();
            if (!*s) fail("cannot finish writing the synthetic pupil files (is the disk full?)");
        }
    }
    SynthHighNeedsFiles hn;
    if (vm.count("high-needs")) {
        hn = synth_hn_setting(opt);
        sets.push_back(std::make_unique<OutputSet>(vm["high-needs"].as<std::string>()));
        sets.back()->add("hn-providers.csv", hn.providers_csv);
        sets.back()->add("hn-placements.csv", hn.placements_csv);
    }
    SynthEarlyYearsFiles ey;
    if (early_years) {
        ey = synth_early_years({opt.schools, opt.seed});
        sets.push_back(std::make_unique<OutputSet>(vm["early-years"].as<std::string>()));
        sets.back()->add("ey-providers.csv", ey.providers_csv);
        sets.back()->add("ey-hours.csv", ey.hours_csv);
    }
    for (auto& s : sets) s->commit();
    if (!quiet) {
        if (source) std::cout << "Read " << describe(*source) << "\n";
        if (vm.count("out"))
            std::cout << "Wrote " << opt.schools << " schools to " << vm["out"].as<std::string>() << "\n";
        if (vm.count("budget"))
            std::cout << "Wrote the budget inputs (budget.json, balances.csv, conversions.csv, "
                         "schools-scenario.json"
                      << (vm.count("hn-formula") ? ", hn-providers.csv, hn-placements.csv" : "")
                      << (vm.count("ey-formula") ? ", ey-providers.csv, ey-hours.csv" : "") << ") to "
                      << vm["budget"].as<std::string>() << "\n";
        if (pupils)
            std::cout << "Wrote " << st.rows << " pupil rows (" << st.counted
                      << " counted, Reception to Year 11 on C or M) for " << st.schools << " schools to "
                      << vm["pupils-out"].as<std::string>() << ", " << vm["schools-out"].as<std::string>()
                      << " and " << vm["idaci-out"].as<std::string>() << "\n";
        if (vm.count("high-needs"))
            std::cout << "Wrote " << hn.providers << " high needs providers and " << hn.placements
                      << " placements to " << vm["high-needs"].as<std::string>() << "/hn-providers.csv"
                      << " and " << vm["high-needs"].as<std::string>() << "/hn-placements.csv"
                      << "\n";
        if (early_years)
            std::cout << "Wrote " << ey.providers << " early years providers and " << ey.rows
                      << " termly hours rows to " << vm["early-years"].as<std::string>()
                      << "/ey-providers.csv"
                      << " and " << vm["early-years"].as<std::string>() << "/ey-hours.csv"
                      << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
