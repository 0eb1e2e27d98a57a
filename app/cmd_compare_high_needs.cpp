// `fundsim compare --high-needs`: options for the high needs block against a baseline (docs/high-needs.md
// §6) → hn-comparison.csv and summary.json, written together or not at all, and a printed summary.
#include <deque>
#include <iostream>

#include "app/commands.hpp"
#include "app/option_manifest.hpp"
#include "app/options.hpp"
#include "engine/compare/hn_compare.hpp"
#include "engine/core/error.hpp"
#include "engine/high_needs/hn_scenario.hpp"
#include "reports/hn_comparison_writers.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

// The manifest entry of an option: its file, a scenario's base, and its own providers or placements.
nlohmann::ordered_json option_manifest(const hn::HnOptionSource& s) {
    return option_manifest_json(s.path, s.is_scenario, s.base_path,
                                {{"providers", s.providers_path}, {"placements", s.placements_path}});
}

}  // namespace

int cmd_compare_high_needs(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("high-needs", po::bool_switch(), "compare high needs formulas (this mode)")(
        "providers,p", po::value<std::string>()->required(), "providers CSV (hn-providers.csv)")(
        "placements,t", po::value<std::string>()->required(), "placements CSV (hn-placements.csv)")(
        "baseline,b", po::value<std::string>()->required(),
        "the high needs formula (or scenario) each option is compared with")(
        "scenario,s", po::value<std::vector<std::string>>()->required(),
        "an option: a high needs scenario JSON (or formula JSON); repeat for each option, in order")(
        "allocation,a", po::value<std::string>(),
        "the LA's high needs allocation in pounds (without it the in-year positions are not computed)")(
        "transfers-in,x", po::value<std::string>(), "transfers into the block in pounds (default 0)");
    add_out_folder_option(desc, "output folder (created if needed)");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options("compare --high-needs",
                       "Compares high needs options against a baseline: writes hn-comparison.csv (per option "
                       "and provider)\nand summary.json (the block's position under each option).",
                       desc, args, vm))
        return kOk;
    hn::PositionInputs in;
    if (vm.count("allocation")) in.allocation = pounds_option(vm, "allocation");
    if (vm.count("transfers-in")) in.transfers_in = pounds_option(vm, "transfers-in");

    // Every file is read before any calculation. A deque keeps each input where the results point at it.
    const std::string ppath = vm["providers"].as<std::string>(), tpath = vm["placements"].as<std::string>();
    std::deque<hn::Providers> providers{hn::load_providers(ppath)};
    std::deque<hn::Placements> placements{hn::load_placements(tpath)};
    const hn::HnOptionSource base = hn::load_hn_option(vm["baseline"].as<std::string>());
    if (!base.providers_path.empty() || !base.placements_path.empty())
        fail(base.path +
                 ": the baseline takes --providers and --placements: its own \"providers\" or "
                 "\"placements\" are for options only",
             ErrorKind::formula);
    const hn::HnCase base_case{base.formula.name, base.path, &base.formula, &providers.front(),
                               &placements.front()};
    std::deque<hn::HnOptionSource> sources;
    std::vector<hn::HnCase> cases;
    for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
        sources.push_back(hn::load_hn_option(path));
        const hn::HnOptionSource& s = sources.back();
        // The option's name is its key in hn-comparison.csv and summary.json: two alike would be merged.
        for (const auto& c : cases)
            if (c.name == s.formula.name)
                fail(path + ": its name \"" + s.formula.name + "\" is also the name of " + c.file +
                         ": give each option a different name",
                     ErrorKind::formula);
        hn::HnCase c{s.formula.name, path, &s.formula, &providers.front(), &placements.front()};
        if (!s.providers_path.empty())
            c.providers = &providers.emplace_back(hn::load_providers(s.providers_path));
        if (!s.placements_path.empty())
            c.placements = &placements.emplace_back(hn::load_placements(s.placements_path));
        cases.push_back(c);
    }
    const hn::HnComparison cmp = hn::compare_high_needs(base_case, cases, in);

    OutputSet out(vm["out"].as<std::string>());
    out.add("hn-comparison.csv", hn_comparison_csv(cmp));
    nlohmann::ordered_json summary = hn_comparison_json(cmp);
    std::vector<nlohmann::ordered_json> option_entries;
    for (const auto& s : sources) option_entries.push_back(option_manifest(s));
    summary["manifest"] = block_comparison_manifest({{"providers", ppath}, {"placements", tpath}},
                                                    option_manifest(base), std::move(option_entries));
    out.add("summary.json", summary.dump(2) + "\n");
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read " << providers.front().rows.size() << " providers and "
                  << placements.front().rows.size() << " placements, the baseline " << base.path << " and "
                  << sources.size() << (sources.size() == 1 ? " option" : " options") << "\n\n"
                  << hn_comparison_text(cmp) << "\nWrote " << out.path_of("hn-comparison.csv") << " and "
                  << out.path_of("summary.json") << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
