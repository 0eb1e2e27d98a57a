// `fundsim early-years`: the early years block on its own (docs/early-years.md §3): a formula, providers and
// termly hours → payments.csv, providers.csv, summary.json, and with --statements one page per provider.
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "engine/early_years/early_years.hpp"
#include "engine/early_years/parse_ey_formula.hpp"
#include "reports/early_years_writers.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_early_years(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("formula,f", po::value<std::string>()->required(), "early years formula JSON")(
        "providers,p", po::value<std::string>()->required(),
        "providers CSV (provider, name, type, area, ...)")(
        "hours", po::value<std::string>()->required(),
        "termly hours CSV (provider, term, entitlement, children, hours, ...)");
    add_out_folder_option(desc);
    desc.add_options()(
        "statements", po::bool_switch(),
        "also write one printable statement per provider, DIR/statements/<row>-<provider>.html, "
        "and DIR/statements/index.html");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "early-years",
            "Pays early years providers on the hours taken (base rates, supplements, EYPP, DAF), solves "
            "the 3- and 4-year-olds' base rate when the formula asks, tests the pass-through: writes "
            "payments.csv, providers.csv and summary.json.",
            desc, args, vm))
        return kOk;
    const std::string formula_path = vm["formula"].as<std::string>();
    const std::string providers_path = vm["providers"].as<std::string>();
    const std::string hours_path = vm["hours"].as<std::string>();
    const EyFormula formula = load_ey_formula(formula_path);
    const EyProviders providers = load_ey_providers(providers_path, formula);
    const EyHours hours = load_ey_hours(hours_path, formula, providers);
    const EyResult r = calculate_early_years(formula, providers, hours);

    OutputSet out(vm["out"].as<std::string>());
    out.add("payments.csv", ey_payments_csv(r));
    out.add("providers.csv", ey_providers_csv(r));
    const EyInputs inputs{manifest_file(formula_path), manifest_file(providers_path),
                          manifest_file(hours_path)};
    out.add("summary.json", ey_summary_json(r, inputs).dump(2) + "\n");
    const bool statements = vm["statements"].as<bool>();
    if (statements) {
        for (std::size_t p = 0; p < r.providers.size(); ++p)
            out.add("statements/" + ey_statement_file(r, p), ey_statement_html(r, p));
        out.add("statements/index.html", ey_statements_index_html(r));
    }
    out.commit();
    if (!vm["quiet"].as<bool>()) {
        std::cout << ey_summary_text(r);
        std::cout << "\nWrote " << out.path_of("payments.csv") << ", " << out.path_of("providers.csv")
                  << " and " << out.path_of("summary.json") << "\n";
        if (statements)
            std::cout << "Wrote " << r.providers.size() << " provider statement"
                      << (r.providers.size() == 1 ? "" : "s") << " and "
                      << out.path_of("statements/index.html") << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
