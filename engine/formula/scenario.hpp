// Scenarios (docs/interfaces.md §3): a base formula with an RFC 7386 merge patch applied, validated whole;
// and the loader of the commands that take either a formula file or a scenario file.
#pragma once

#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/formula/formula.hpp"

namespace fundsim {

struct Scenario {
    std::string file, name;
    std::string base_file;  // the formula file the changes were applied to, as opened (or the override)
    Formula formula;
};

// A scenario file read and its changes merged (RFC 7386) into its base document, before the result is
// parsed: shared by the schools formula (load_scenario) and the high needs formula
// (engine/high_needs/hn_scenario.hpp).
struct ScenarioDoc {
    std::string file, name;
    std::string base_file;  // the base's path, as opened
    std::string base;       // the base as named in the scenario (or the override)
    std::string patched;    // the name the patched document is parsed under: "<file> (patched <base>)"
    Json changes;           // the scenario's "changes"
    Json doc;               // the base with the changes applied, "name" defaulted to the scenario's
    Json extras;            // the values of `extra_keys` the scenario gave (an object, possibly empty)
};

// Reads and checks the scenario at `path` (name, base, changes, note, source and `extra_keys`; any other
// key is an error) and merges its changes into its base (rules as load_scenario's).
ScenarioDoc read_scenario_doc(const std::string& path, const std::string& base_override = "",
                              const std::vector<std::string>& extra_keys = {});

// An error found parsing `s.doc` under `s.patched`: when it is at a path the changes wrote, it is thrown
// again in the scenario file at /changes + path; otherwise it is thrown as it was. Call it from the catch
// block that caught `e`.
[[noreturn]] void rethrow_in_scenario(const Error& e, const ScenarioDoc& s);

// Reads the scenario at `path` and applies its changes to its base formula. The base must be a formula
// file: a base that is itself a scenario is refused (so a chain, and any loop A -> B -> A, stops at its
// first link), as are a missing base and a base that is the scenario's own file.
// With `base_override` (a formula file's path, as given, e.g. by --formula), that file is patched
// instead, and the scenario's own base is not read.
Scenario load_scenario(const std::string& path, const std::string& base_override = "");

// Where to report a problem at `json_path` of formula `f`: in the scenario file at /changes + json_path
// when f is a scenario's patched base and the changes wrote that path, else in f.file at json_path.
// Errors found after loading (balancing, amounts out of scale) use it to name what the user wrote.
Where formula_where(const Formula& f, const std::string& json_path);

// True for a document that is a scenario: a JSON object with "base" or "changes" (a formula has neither,
// and parse_formula refuses both keys), so that a scenario missing one of them is read as a scenario and
// told what it lacks.
bool is_scenario(const Json& doc);

// The changes of a scenario applied to a base formula's document and the result parsed as one formula,
// validated whole (load_scenario, and `serve`'s patches): the merge patch (RFC 7386); "name" set to `name`
// unless the changes set it; a problem at a path the changes wrote reported in `changes_file` at
// `changes_prefix` + path (a scenario's "/changes"); `patched_label` names the patched formula otherwise.
Formula apply_changes(Json base_doc, const Json& changes, const std::string& name,
                      const std::string& changes_file, const std::string& changes_prefix,
                      const std::string& patched_label);

// Reads a formula file, or a scenario file patched onto its base.
Formula load_formula_or_scenario(const std::string& path);

}  // namespace fundsim
