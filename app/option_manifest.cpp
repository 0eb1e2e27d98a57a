// Manifest entries of a block comparison's inputs (app/option_manifest.hpp).
#include "app/option_manifest.hpp"

#include "reports/manifest.hpp"

namespace fundsim::app {

nlohmann::ordered_json file_manifest_json(const std::string& path) {
    const ManifestFile m = manifest_file(path);
    return {{"path", m.path}, {"sha256", m.sha256}};
}

nlohmann::ordered_json option_manifest_json(
    const std::string& path, bool is_scenario, const std::string& base_path,
    const std::vector<std::pair<std::string, std::string>>& own_files) {
    nlohmann::ordered_json j = file_manifest_json(path);
    j["kind"] = is_scenario ? "scenario" : "formula";
    if (is_scenario) j["base"] = file_manifest_json(base_path);
    for (const auto& [key, file] : own_files)
        if (!file.empty()) j[key] = file_manifest_json(file);
    return j;
}

nlohmann::ordered_json block_comparison_manifest(
    const std::vector<std::pair<std::string, std::string>>& inputs, nlohmann::ordered_json baseline,
    std::vector<nlohmann::ordered_json> options) {
    nlohmann::ordered_json m;
    m["fundsim_version"] = fundsim_version();
    for (const auto& [key, file] : inputs) m[key] = file_manifest_json(file);
    m["baseline"] = std::move(baseline);
    m["options"] = nlohmann::ordered_json::array();
    for (auto& o : options) m["options"].push_back(std::move(o));
    return m;
}

}  // namespace fundsim::app
