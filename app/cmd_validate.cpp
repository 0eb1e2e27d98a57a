// `fundsim validate`: every check of census and formula (and the balance), no output files.
#include <cstdio>
#include <iostream>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "app/run_checked.hpp"
#include "engine/core/error.hpp"
#include "engine/run/calculate.hpp"

namespace fundsim::app {

int cmd_validate(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    add_census_option(desc);
    add_formula_options(desc);
    po::variables_map vm;
    if (!parse_options("validate",
                       "Checks a census against a formula (and that the budget balances); writes nothing.\n"
                       "Exit 0 only if everything is clean.",
                       desc, args, vm))
        return kOk;
    const FormulaSource source = formula_from_options(vm);
    const Formula& formula = source.formula;
    const Result r = run_checked(load_census(vm["census"].as<std::string>()), formula);
    const Census& census = *r.census;
    if (r.budget && r.budget->headroom < 0) {
        // An unbalanced budget is not clean: the Forum cannot be shown a formula that overspends.
        char b[160];
        std::snprintf(b, sizeof b,
                      "the formula overspends the available budget of %.2f by %.2f pounds (no lever is set "
                      "to balance it)",
                      r.budget->available, -r.budget->headroom);
        fail(formula.file + ": " + b);
    }
    std::cout << "Read " << describe(source) << "\n";
    std::cout << "OK: " << census.size << (census.size == 1 ? " school in " : " schools in ") << census.file
              << ", formula \"" << formula.name << "\" with " << formula.factors.size() << " factors\n";
    std::size_t new_schools = 0;
    for (std::size_t i = 0; i < census.size; ++i) new_schools += r.is_new(i);
    if (new_schools)
        std::cout << "note: " << new_schools
                  << " schools have no MFG baseline (treated as new: no MFG, no capping)\n";
    if (!formula.provisional.empty()) {
        std::cout << "note: the formula has " << formula.provisional.size()
                  << " provisional values not yet confirmed against the DfE's published tables:\n";
        for (const auto& p : formula.provisional)
            std::cout << "  " << (p.mark.empty() ? "?" : p.mark) << " " << p.path
                      << (p.note.empty() ? "" : ": " + p.note) << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
