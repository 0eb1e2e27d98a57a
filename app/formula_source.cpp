// Reading a formula or a scenario through any option, and saying which it was (app/formula_source.hpp).
#include "app/formula_source.hpp"

#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"

namespace fundsim::app {

FormulaSource load_formula_source(const std::string& path) {
    const Json doc = read_json_file(path, ErrorKind::formula);
    FormulaSource s;
    s.path = path;
    if (!is_scenario(doc)) {
        s.formula = parse_formula(doc, path);
        return s;
    }
    s.is_scenario = true;
    Scenario sc = load_scenario(path);  // validates the scenario whole, and reads its base
    s.formula = std::move(sc.formula);
    s.base_path = sc.base_file;
    return s;
}

FormulaSource formula_from_files(const std::string* formula, const std::string* scenario) {
    if (formula && scenario) {
        const std::string& f = *formula;
        const std::string& sp = *scenario;
        FormulaSource s = load_formula_source(sp);
        if (!s.is_scenario)
            fail(sp + ": is a formula, not a scenario: with --formula " + f +
                     ", --scenario must name a scenario (the changes to apply to that formula)",
                 ErrorKind::formula);
        // The command line's formula replaces the scenario's own base.
        if (is_scenario(read_json_file(f, ErrorKind::formula)))
            fail(f + ": is a scenario, not a formula: with --scenario " + sp +
                     ", --formula must name the formula that scenario's changes apply to",
                 ErrorKind::formula);
        s.formula = load_scenario(sp, f).formula;
        s.own_base_path = s.base_path;
        s.base_path = f;
        s.base_from_formula_option = true;
        return s;
    }
    if (scenario) return load_formula_source(*scenario);
    if (!formula) throw UsageError("give --formula F (or --scenario S)");
    return load_formula_source(*formula);
}

FormulaSource formula_from_options(const po::variables_map& vm) {
    const std::string f = vm.count("formula") ? vm["formula"].as<std::string>() : "";
    const std::string s = vm.count("scenario") ? vm["scenario"].as<std::string>() : "";
    return formula_from_files(vm.count("formula") ? &f : nullptr, vm.count("scenario") ? &s : nullptr);
}

std::string describe(const FormulaSource& source) {
    if (!source.is_scenario) return "the formula " + source.path;
    std::string d = "the scenario " + source.path + ", applied to the formula " + source.base_path;
    if (source.base_from_formula_option)
        d += " (given by --formula, in place of its base " + source.own_base_path + ")";
    return d;
}

ManifestFormula manifest_formula(const FormulaSource& source) {
    ManifestFormula m;
    m.is_scenario = source.is_scenario;
    m.file = manifest_file(source.path);
    if (source.is_scenario) m.base = manifest_file(source.base_path);
    m.base_from_formula_option = source.base_from_formula_option;
    return m;
}

}  // namespace fundsim::app
