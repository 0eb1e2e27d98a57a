// Strict JSON input for every JSON file fundsim reads (formulas, scenarios, lookups): bounded size and
// nesting, broken JSON located by line and column, and Obj, an object reader that refuses unknown keys.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/core/error.hpp"

namespace fundsim {

using Json = nlohmann::ordered_json;

// Reads a JSON file (errors name the file, line and column of broken JSON; depth and size are bounded).
// `kind` is the kind of its errors: a formula or scenario file's are of kind formula.
Json read_json_file(const std::string& path, ErrorKind kind = ErrorKind::input);
// The checks and parsing of read_json_file on text already in memory (`name` is used in messages):
// the size and nesting limits, and broken JSON as line and column. The fuzz targets use it too.
Json parse_json_text(const std::string& text, const std::string& name, ErrorKind kind = ErrorKind::input);

// A key as one token of a JSON pointer (RFC 6901: ~ is ~0, / is ~1).
std::string escape_pointer(const std::string& key);
// The JSON type of a value as messages name it: "a number", "a list", "true/false", ...
const char* type_name(const Json& j);

// A JSON object being read: remembers its path and which keys were used, so leftovers are errors.
// Every error names `file` and the JSON path, and is of `kind` (formula unless said). The Json read must
// outlive the Obj.
class Obj {
  public:
    Obj(const Json& j, std::string path, std::string file, ErrorKind kind = ErrorKind::formula);
    const std::string& path() const { return path_; }
    std::string child(const std::string& key) const { return path_ + "/" + escape_pointer(key); }
    bool has(const std::string& key) const { return j_.contains(key); }
    // The value of `key` (an error if missing); marks it as read.
    const Json& at(const std::string& key);
    // A finite number.
    double number(const std::string& key);
    double number_or(const std::string& key, double fallback) { return has(key) ? number(key) : fallback; }
    std::string string(const std::string& key);
    bool boolean(const std::string& key);
    std::vector<std::string> strings(const std::string& key);
    Obj object(const std::string& key) { return Obj(at(key), child(key), file_, kind_); }
    // An optional free-text key (source, note): a string if present, otherwise ignored.
    void skip(const std::string& key);
    // Every key must have been read: an unknown key is most often a typing error.
    void done() const;
    const Json& json() const { return j_; }

  private:
    const Json& j_;
    std::string path_;
    std::string file_;
    ErrorKind kind_;
    std::set<std::string> used_;
};

}  // namespace fundsim
