// A block option's own input files (engine/formula/block_option.hpp).
#include "engine/formula/block_option.hpp"

namespace fundsim {

// docs/high-needs.md §6, docs/early-years.md §8: a scenario's input file, relative to the scenario's folder.
std::string scenario_input_file(const ScenarioDoc& d, const std::string& key) {
    if (!d.extras.contains(key)) return "";
    const Json& v = d.extras.at(key);
    if (!v.is_string() || v.get<std::string>().empty())
        fail_json(d.file, "/" + key, "expected the path of a CSV file (relative to this file)");
    const std::string name = v.get<std::string>();
    if (name[0] == '/') return name;
    const auto slash = d.file.find_last_of('/');
    return slash == std::string::npos ? name : d.file.substr(0, slash + 1) + name;
}

}  // namespace fundsim
