// `fundsim synth`: a realistic synthetic LA census, deterministic per seed; optionally also a pupil-level
// extract with its school file and LSOA lookup (the inputs of `fundsim ingest`).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "engine/core/error.hpp"
#include "engine/synth/synth.hpp"
#include "engine/synth/synth_budget.hpp"
#include "engine/synth/synth_early_years.hpp"
#include "engine/synth/synth_high_needs.hpp"
#include "engine/synth/synth_history.hpp"
#include "engine/synth/synth_pupils.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

// --budget DIR: the demo's budget inputs (engine/synth/synth_budget.hpp), paths in them relative to DIR.
void add_synth_budget(std::vector<std::unique_ptr<OutputSet>>& sets, const std::string& dir,
                      const std::string& census_text, const std::string& census_path,
                      const FormulaSource& source, std::uint64_t seed) {
    namespace fs = std::filesystem;
    const Census census = census_from_csv_text(census_text, census_path);
    auto beside = [&](const std::string& p) {
        return fs::absolute(p)
            .lexically_normal()
            .lexically_relative(fs::absolute(dir).lexically_normal())
            .string();
    };
    SynthBudgetOptions bo;
    bo.seed = seed;
    bo.census_path = beside(census_path);
    bo.base_formula_path = beside(source.is_scenario ? source.base_path : source.path);
    if (source.is_scenario && source.formula.patch) bo.base_changes = source.formula.patch->changes;
    const SynthBudgetFiles f = synth_budget_files(census, source.formula, bo);
    sets.push_back(std::make_unique<OutputSet>(dir));
    sets.back()->add("budget.json", f.budget_json);
    sets.back()->add("balances.csv", f.balances_csv);
    sets.back()->add("conversions.csv", f.conversions_csv);
    sets.back()->add("schools-scenario.json", f.schools_scenario_json);
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
        "schools-scenario.json (needs --out and --formula)");
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
    if (vm.count("budget") && (!vm.count("out") || !source))
        throw UsageError("--budget DIR needs --out C and --formula F (the budget file names both)");
    if (vm.count("out")) {
        const FolderAndName p = split_path(vm["out"].as<std::string>());
        std::string text = synth_census_csv(opt);
        if (vm["year-groups"].as<bool>() || vm.count("history-out")) {
            const int past = vm["history-years"].as<int>();
            if (past < 1 || past > 20) throw UsageError("--history-years must be from 1 to 20");
            SynthHistory h = synth_year_groups(text, opt.seed, past, vm["census-year"].as<int>());
            text = std::move(h.census_csv);
            if (vm.count("history-out")) {
                const FolderAndName hp = split_path(vm["history-out"].as<std::string>());
                sets.push_back(std::make_unique<OutputSet>(hp.folder));
                sets.back()->add(hp.name, h.history_csv);
            }
        }
        sets.push_back(std::make_unique<OutputSet>(p.folder));
        sets.back()->add(p.name, text);
        if (vm.count("budget"))
            add_synth_budget(sets, vm["budget"].as<std::string>(), text, vm["out"].as<std::string>(), *source,
                             opt.seed);
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
        SynthHighNeedsOptions hopt;
        hopt.schools = opt.schools;
        hopt.seed = opt.seed;
        hopt.first_urn = opt.first_urn;
        hopt.la_code = opt.la_code;
        hn = synth_high_needs(hopt);
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
                         "schools-scenario.json) to "
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
