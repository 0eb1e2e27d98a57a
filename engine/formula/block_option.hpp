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

    // The option's own input file of `key` as opened, or "" (the command's file is used).
    std::string file(const std::string& key) const {
        const auto it = files.find(key);
        return it == files.end() ? std::string() : it->second;
    }
};

// An option: where it came from, and the formula to run (a scenario's applied to its base).
template <class F>
struct BlockOption : BlockOptionFiles {
    F formula;
};

// The value of `key` in a scenario's extras: the path of a CSV file relative to the scenario's folder (an
// absolute path as given), or "" when absent; anything else is an error at /<key>.
std::string scenario_input_file(const ScenarioDoc& d, const std::string& key);

// Reads a block formula file with `parse(doc, name)` (the block's strict parser), or a scenario applied to
// its base, whose `file_keys` name input files of its own: an error at a path the changes wrote is
// reported in the scenario at /changes/...
template <class F, class Parse>
BlockOption<F> load_block_option(const std::string& path, const std::vector<std::string>& file_keys,
                                 Parse parse) {
    BlockOption<F> o;
    o.path = path;
    const Json doc = read_json_file(path, ErrorKind::formula);
    if (!is_scenario(doc)) {
        o.formula = parse(doc, path);
        return o;
    }
    const ScenarioDoc d = read_scenario_doc(path, "", file_keys);
    o.is_scenario = true;
    o.base_path = d.base_file;
    for (const auto& k : file_keys) o.files[k] = scenario_input_file(d, k);
    try {
        o.formula = parse(d.doc, d.patched);
    } catch (const Error& e) {
        rethrow_in_scenario(e, d);
    }
    return o;
}

}  // namespace fundsim
