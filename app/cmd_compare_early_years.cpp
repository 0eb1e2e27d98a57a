// `fundsim compare --early-years`: options for the early years block against a baseline
// (docs/early-years.md §8) → ey-comparison.csv and summary.json, written together or not at all, and a
// printed summary.
#include <deque>
#include <iostream>

#include "app/commands.hpp"
#include "app/option_manifest.hpp"
#include "app/options.hpp"
#include "engine/compare/ey_compare.hpp"
#include "engine/core/error.hpp"
#include "engine/early_years/ey_scenario.hpp"
#include "reports/ey_comparison_writers.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

// The manifest entry of an option: its file, a scenario's base, and its own providers or hours.
nlohmann::ordered_json option_manifest(const EyOptionSource& s) {
    return option_manifest_json(s.path, s.is_scenario, s.base_path,
                                {{"providers", s.file("providers")}, {"hours", s.file("hours")}});
}

}  // namespace

int cmd_compare_early_years(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("early-years", po::bool_switch(), "compare early years formulas (this mode)")(
        "providers,p", po::value<std::string>()->required(), "providers CSV (ey-providers.csv)")(
        "hours", po::value<std::string>()->required(), "termly hours CSV (ey-hours.csv)")(
        "baseline,b", po::value<std::string>()->required(),
        "the early years formula (or scenario) each option is compared with")(
        "scenario,s", po::value<std::vector<std::string>>()->required(),
        "an option: an early years scenario JSON (or formula JSON), which may name its own \"providers\" "
        "or \"hours\" file (paying on places: hours = places x hours a week x weeks); repeat for each "
        "option, in order");
    add_out_folder_option(desc, "output folder (created if needed)");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options("compare --early-years",
                       "Compares early years options against a baseline, each solved and checked as "
                       "early-years does: writes\ney-comparison.csv (per option and provider: totals and "
                       "change) and summary.json (per option the base\nrate, pass-through, supplement "
                       "share, providers gaining and losing).",
                       desc, args, vm))
        return kOk;

    // Every file is read before any calculation; each option's providers and hours against its own formula.
    const std::string ppath = vm["providers"].as<std::string>(), hpath = vm["hours"].as<std::string>();
    std::deque<EyOptionInputs> inputs;
    const EyOptionSource base = load_ey_option(vm["baseline"].as<std::string>());
    if (!base.file("providers").empty() || !base.file("hours").empty())
        fail(base.path +
                 ": the baseline takes --providers and --hours: its own \"providers\" or \"hours\" are for "
                 "options only",
             ErrorKind::formula);
    const EyOptionInputs& base_in = inputs.emplace_back(load_ey_option_inputs(base, ppath, hpath));
    const EyCase base_case{base.formula.name, base.path, &base.formula, &base_in.providers, &base_in.hours};
    std::deque<EyOptionSource> sources;
    std::vector<EyCase> cases;
    for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
        const EyOptionSource& s = sources.emplace_back(load_ey_option(path));
        // The option's name is its key in ey-comparison.csv and summary.json: two alike would be merged.
        for (const auto& c : cases)
            if (c.name == s.formula.name)
                fail(path + ": its name \"" + s.formula.name + "\" is also the name of " + c.file +
                         ": give each option a different name",
                     ErrorKind::formula);
        const EyOptionInputs& in = inputs.emplace_back(load_ey_option_inputs(s, ppath, hpath));
        cases.push_back(EyCase{s.formula.name, path, &s.formula, &in.providers, &in.hours});
    }
    const EyComparison cmp = compare_early_years(base_case, cases);

    OutputSet out(vm["out"].as<std::string>());
    out.add("ey-comparison.csv", ey_comparison_csv(cmp));
    nlohmann::ordered_json summary = ey_comparison_json(cmp);
    std::vector<nlohmann::ordered_json> option_entries;
    for (const auto& s : sources) option_entries.push_back(option_manifest(s));
    summary["manifest"] = block_comparison_manifest({{"providers", ppath}, {"hours", hpath}},
                                                    option_manifest(base), std::move(option_entries));
    out.add("summary.json", summary.dump(2) + "\n");
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read " << base_in.providers.size() << " providers and " << base_in.hours.rows.size()
                  << " hours rows, the baseline " << base.path << " and " << sources.size()
                  << (sources.size() == 1 ? " option" : " options") << "\n\n"
                  << ey_comparison_text(cmp) << "\nWrote " << out.path_of("ey-comparison.csv") << " and "
                  << out.path_of("summary.json") << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
