// An option of a block's comparison (docs/high-needs.md §6, docs/early-years.md §8): the block's formula
// file, or a scenario (a base formula with an RFC 7386 merge patch) that may name its own input files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/formula/scenario.hpp"

namespace fundsim {

// Where an option came from: its file, a scenario's base, and the input files it names of its own.
struct BlockOptionFiles {
    std::string path;  // the file named on the command line
    bool is_scenario = false;
    std::string base_path;                     // a scenario's base formula, as opened
    std::map<std::string, std::string> files;  // a scenario's own input files by key, as opened ("" = none)
};

// The value of `key` in a scenario's extras: the path of a CSV file relative to the scenario's folder (an
// absolute path as given), or "" when absent; anything else is an error at /<key>.
std::string scenario_input_file(const ScenarioDoc& d, const std::string& key);

// Reads a block formula file with `parse(doc, name)` (the block's strict parser), or a scenario applied to
// its base, whose `file_keys` name input files of its own: an error at a path the changes wrote is
// reported in the scenario at /changes/...
template <class Parse>
auto load_block_option(const std::string& path, const std::vector<std::string>& file_keys, Parse parse,
                       BlockOptionFiles& files) {
    files.path = path;
    const Json doc = read_json_file(path, ErrorKind::formula);
    if (!is_scenario(doc)) return parse(doc, path);
    const ScenarioDoc d = read_scenario_doc(path, "", file_keys);
    files.is_scenario = true;
    files.base_path = d.base_file;
    for (const auto& k : file_keys) files.files[k] = scenario_input_file(d, k);
    try {
        return parse(d.doc, d.patched);
    } catch (const Error& e) {
        rethrow_in_scenario(e, d);
    }
}

}  // namespace fundsim
