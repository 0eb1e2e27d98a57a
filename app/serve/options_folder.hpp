// The saved options of `fundsim serve` (docs/serve.md §2, §4): one scenario file per option, NAME.json in
// the options folder, whose base is the served formula's file (a served scenario's base) and whose changes
// turn that base into the option's formula. Names cannot leave the folder.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "engine/io/json_reader.hpp"

namespace fundsim::app {

// The longest option name (docs/serve.md §4).
constexpr std::size_t kMaxOptionName = 100;

// Throws an Error (kind input, JSON path `json_path` of `file`) unless `name` is an option name: 1 to 100
// characters, none of them '/', '\\', NUL or another control character, not starting with '.', and no "..".
void check_option_name(const std::string& name, const std::string& file, const std::string& json_path);

class OptionsFolder {
  public:
    // `dir` is made if missing. `base_file` is the formula file options patch, `base_doc` its document.
    OptionsFolder(std::string dir, const std::string& base_file, Json base_doc);

    const std::string& dir() const { return dir_; }
    // The scenario file of option `name` (checked).
    std::string file_of(const std::string& name) const;
    bool exists(const std::string& name) const;
    // The saved options' names, sorted.
    std::vector<std::string> names() const;
    // Writes (or replaces) option `name` as a scenario file, atomically: the changes from the base to
    // `doc` (the option's formula document; its name is the option's).
    void save(const std::string& name, const Json& doc) const;
    // Deletes option `name`; false if there was none.
    bool remove(const std::string& name) const;

  private:
    std::string dir_;
    std::string base_;  // the base as written in each option: relative to the folder where possible
    Json base_doc_;
};

}  // namespace fundsim::app
