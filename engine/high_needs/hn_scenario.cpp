// Reading a high needs option (engine/high_needs/hn_scenario.hpp): the schools formula's scenario reader
// (engine/formula/scenario.hpp) with the high needs parser, and the option's own input files.
#include "engine/high_needs/hn_scenario.hpp"

#include "engine/core/error.hpp"
#include "engine/formula/scenario.hpp"

namespace fundsim::hn {

namespace {

// docs/high-needs.md §6: a scenario's "providers" or "placements", relative to the scenario's folder.
std::string file_of(const ScenarioDoc& d, const char* key) {
    if (!d.extras.contains(key)) return "";
    const Json& v = d.extras.at(key);
    if (!v.is_string() || v.get<std::string>().empty())
        fail_json(d.file, std::string("/") + key, "expected the path of a CSV file (relative to this file)");
    const std::string name = v.get<std::string>();
    if (name[0] == '/') return name;
    const auto slash = d.file.find_last_of('/');
    return slash == std::string::npos ? name : d.file.substr(0, slash + 1) + name;
}

}  // namespace

HnOptionSource load_hn_option(const std::string& path) {
    HnOptionSource s;
    s.path = path;
    const Json doc = read_json_file(path, ErrorKind::formula);
    if (!is_scenario(doc)) {
        s.formula = parse_hn_formula(doc, path);
        return s;
    }
    const ScenarioDoc d = read_scenario_doc(path, "", {"providers", "placements"});
    s.is_scenario = true;
    s.base_path = d.base_file;
    s.providers_path = file_of(d, "providers");
    s.placements_path = file_of(d, "placements");
    try {
        s.formula = parse_hn_formula(d.doc, d.patched);
    } catch (const Error& e) {
        rethrow_in_scenario(e, d);
    }
    return s;
}

}  // namespace fundsim::hn
