// The manifest entries of a block comparison's inputs (`compare --high-needs`, `compare --early-years`):
// each file's path and SHA-256, an option's kind, a scenario's base and its own input files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fundsim::app {

// {"path", "sha256"} of a file.
nlohmann::ordered_json file_manifest_json(const std::string& path);

// An option's entry: its file, "kind" (scenario or formula), a scenario's "base", and each of `own_files`
// (key, path as opened) whose path is not empty.
nlohmann::ordered_json option_manifest_json(
    const std::string& path, bool is_scenario, const std::string& base_path,
    const std::vector<std::pair<std::string, std::string>>& own_files);

// summary.json's "manifest" of a block comparison: fundsim's version, the command's input files (key, path)
// in order, "baseline" and "options" (entries of option_manifest_json).
nlohmann::ordered_json block_comparison_manifest(
    const std::vector<std::pair<std::string, std::string>>& inputs, nlohmann::ordered_json baseline,
    std::vector<nlohmann::ordered_json> options);

}  // namespace fundsim::app
