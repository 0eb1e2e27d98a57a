// Reading a formula or a scenario through any option, and saying which it was (app/formula_source.hpp).
#include "app/formula_source.hpp"

#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"

namespace fundsim::app {

namespace {

// The file load_scenario opens for a scenario's "base": relative to the scenario file's folder unless
// absolute (as engine/formula/formula.cpp's load_scenario resolves it, which has already checked that
// "base" is a string).
std::string base_path_of(const std::string& scenario_path, const Json& doc) {
    const std::string base = doc.at("base").get<std::string>();
    if (!base.empty() && base[0] == '/') return base;
    const auto slash = scenario_path.find_last_of('/');
    return (slash == std::string::npos ? std::string() : scenario_path.substr(0, slash + 1)) + base;
}

}  // namespace

bool is_scenario_document(const Json& doc) {
    return doc.is_object() && (doc.contains("base") || doc.contains("changes"));
}

FormulaSource load_formula_source(const std::string& path) {
    const Json doc = read_json_file(path);
    FormulaSource s;
    s.path = path;
    if (!is_scenario_document(doc)) {
        s.formula = parse_formula(doc, path);
        return s;
    }
    s.is_scenario = true;
    s.formula = load_scenario(path).formula;  // validates the scenario whole, and reads its base
    s.base_path = base_path_of(path, doc);
    return s;
}

FormulaSource formula_from_options(const po::variables_map& vm) {
    const bool has_f = vm.count("formula"), has_s = vm.count("scenario");
    if (has_f && has_s) {
        const std::string f = vm["formula"].as<std::string>(), sp = vm["scenario"].as<std::string>();
        FormulaSource s = load_formula_source(sp);
        if (!s.is_scenario)
            fail(sp + ": is a formula, not a scenario: with --formula " + f +
                     ", --scenario must name a scenario (the changes to apply to that formula)",
                 ErrorKind::formula);
        // The command line's formula replaces the scenario's own base.
        Json base = read_json_file(f);
        if (is_scenario_document(base))
            fail(f + ": is a scenario, not a formula: with --scenario " + sp +
                     ", --formula must name the formula that scenario's changes apply to",
                 ErrorKind::formula);
        Json sdoc = read_json_file(sp);
        base.merge_patch(sdoc["changes"]);
        if (!sdoc["changes"].contains("name")) base["name"] = s.formula.name;
        s.formula = parse_formula(base, sp + " (patched " + f + ")");
        s.own_base_path = s.base_path;
        s.base_path = f;
        s.base_from_formula_option = true;
        return s;
    }
    if (has_s) return load_formula_source(vm["scenario"].as<std::string>());
    if (!has_f) throw UsageError("give --formula F (or --scenario S)");
    return load_formula_source(vm["formula"].as<std::string>());
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
