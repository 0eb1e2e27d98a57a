// `fundsim high-needs`: the high needs block on its own (docs/high-needs.md): place funding, top-ups,
// special MFG and the block's position from a high needs formula, providers and placements.
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "engine/high_needs/calculate.hpp"
#include "reports/high_needs_writers.hpp"
#include "reports/html/hn_statement.hpp"
#include "reports/html/statement_html.hpp"
#include "reports/manifest.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_high_needs(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("formula,f", po::value<std::string>()->required(), "high needs formula JSON")(
        "providers,p", po::value<std::string>()->required(), "providers CSV (hn-providers.csv)")(
        "placements,t", po::value<std::string>()->required(), "placements CSV (hn-placements.csv)")(
        "allocation,a", po::value<std::string>(),
        "the LA's high needs allocation in pounds (without it the in-year position is not computed)")(
        "transfers-in,x", po::value<std::string>(), "transfers into the block in pounds (default 0)");
    add_out_folder_option(desc);
    desc.add_options()("statements", po::bool_switch(),
                       "also write one printable statement per provider, DIR/statements/<urn>.html, and "
                       "DIR/statements/index.html");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options("high-needs",
                       "Computes the high needs block: place funding, top-ups, special MFG and the in-year "
                       "position; writes providers.csv, placements.csv and summary.json.",
                       desc, args, vm))
        return kOk;
    hn::PositionInputs in;
    if (vm.count("allocation")) in.allocation = pounds_option(vm, "allocation");
    if (vm.count("transfers-in")) in.transfers_in = pounds_option(vm, "transfers-in");

    const std::string fpath = vm["formula"].as<std::string>(), ppath = vm["providers"].as<std::string>(),
                      tpath = vm["placements"].as<std::string>();
    const hn::HnFormula formula = hn::load_hn_formula(fpath);
    const hn::Providers providers = hn::load_providers(ppath);
    const hn::Placements placements = hn::load_placements(tpath);
    const hn::HnResult r = hn::calculate_high_needs(formula, providers, placements, in);

    OutputSet out(vm["out"].as<std::string>());
    out.add("providers.csv", hn_providers_csv(r));
    out.add("placements.csv", hn_placements_csv(r));
    nlohmann::ordered_json summary = hn_summary_json(r);
    nlohmann::ordered_json manifest;
    manifest["fundsim_version"] = fundsim_version();
    for (const auto& [key, path] : {std::pair<const char*, std::string>{"formula", fpath},
                                    {"providers", ppath},
                                    {"placements", tpath}}) {
        const ManifestFile m = manifest_file(path);
        manifest[key] = {{"path", m.path}, {"sha256", m.sha256}};
    }
    summary["manifest"] = manifest;
    out.add("summary.json", summary.dump(2) + "\n");
    const bool statements = vm["statements"].as<bool>();
    if (statements) {
        for (std::size_t k = 0; k < r.provider_lines.size(); ++k)
            out.add("statements/" + std::to_string(providers.rows[k].urn) + ".html",
                    statement_html(hn_statement(r, k)));
        out.add("statements/index.html", hn_statements_index_html(r));
    }
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << "Read " << fpath << ", " << providers.rows.size() << " providers and "
                  << placements.rows.size() << " placements\n"
                  << hn_summary_text(r) << "\nWrote " << out.path_of("providers.csv") << ", "
                  << out.path_of("placements.csv") << " and " << out.path_of("summary.json") << "\n";
        if (statements)
            std::cout << "Wrote " << providers.rows.size() << " provider statements and the index "
                      << out.path_of("statements/index.html") << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
