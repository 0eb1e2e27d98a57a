// Scenario loading: the base formula read, the scenario's changes merged into it (RFC 7386), the name
// defaulted to the scenario's, and the result parsed as one formula.
#include "engine/formula/scenario.hpp"

#include "engine/core/error.hpp"
#include "engine/formula/parse.hpp"

namespace fundsim {

namespace {

// The value a scenario's changes wrote at `json_path` (a null among them deletes the value), or nullptr
// when they wrote nothing there.
const Json* written(const Json& changes, const std::string& json_path) {
    if (json_path.empty() || json_path == "/") return nullptr;
    try {
        const Json::json_pointer p(json_path);
        return changes.contains(p) ? &changes.at(p) : nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

}  // namespace

Where formula_where(const Formula& f, const std::string& json_path) {
    if (f.patch && written(f.patch->changes, json_path))
        return Where{.file = f.patch->file, .json_path = "/changes" + json_path};
    return Where{.file = f.file, .json_path = json_path.empty() ? "/" : json_path};
}

bool is_scenario(const Json& doc) {
    return doc.is_object() && (doc.contains("base") || doc.contains("changes"));
}

ScenarioDoc read_scenario_doc(const std::string& path, const std::string& base_override,
                              const std::vector<std::string>& extra_keys) {
    Json doc = read_json_file(path, ErrorKind::formula);
    ScenarioDoc s;
    s.file = path;
    Obj o(doc, "", path);
    s.name = o.string("name");
    const std::string named_base = o.string("base");  // required even when overridden
    o.skip("note");
    o.skip("source");
    s.extras = Json::object();
    for (const auto& k : extra_keys)
        if (o.has(k)) s.extras[k] = o.at(k);
    const Json& changes = o.at("changes");
    if (!changes.is_object()) fail_json(path, "/changes", "expected an object (an RFC 7386 merge patch)");
    o.done();
    const std::string base = base_override.empty() ? named_base : base_override;
    s.base = base;
    Json base_doc;
    s.base_file = base;
    if (!base_override.empty()) {
        // A path as given: its own errors name it.
        base_doc = read_json_file(base_override, ErrorKind::formula);
        if (is_scenario(base_doc))
            throw Error(Where{.file = base_override},
                        "is a scenario, not a formula: a scenario patches a formula file",
                        ErrorKind::formula);
    } else {
        // Relative to the scenario's folder.
        std::string dir;
        auto slash = path.find_last_of('/');
        if (slash != std::string::npos) dir = path.substr(0, slash + 1);
        const std::string base_path = (!base.empty() && base[0] == '/') ? base : dir + base;
        if (base_path == path) fail_json(path, "/base", "refers to the scenario itself");
        s.base_file = base_path;
        // The base's own error (its file, line and column) under the scenario's context.
        base_doc = with_context(path + ": at /base: while reading the base formula \"" + base + "\"",
                                [&] { return read_json_file(base_path, ErrorKind::formula); });
        if (is_scenario(base_doc))
            fail_json(path, "/base",
                      "\"" + base + "\" is a scenario, not a formula: a scenario patches a formula file");
    }
    base_doc.merge_patch(changes);
    if (base_doc.is_object() && !changes.contains("name")) base_doc["name"] = s.name;
    s.patched = path + " (patched " + base + ")";
    s.changes = changes;
    s.doc = std::move(base_doc);
    return s;
}

namespace {

// A problem at a path the changes wrote is the changes' own: name it there, in the user's file (at
// `changes_prefix` + the path: /changes/... in a scenario file). Called from a catch block: any other
// error is rethrown as it was.
[[noreturn]] void rethrow_at_changes(const Error& e, const std::string& patched_label, const Json& changes,
                                     const std::string& changes_file, const std::string& changes_prefix) {
    const Json* w = e.where().file == patched_label ? written(changes, e.where().json_path) : nullptr;
    if (!w) throw;
    Where at = e.where();
    at.file = changes_file;
    at.json_path = changes_prefix + at.json_path;
    throw Error(at, e.detail() + (w->is_null() ? " (the scenario's changes remove it with null)" : ""),
                e.kind());
}

}  // namespace

void rethrow_in_scenario(const Error& e, const ScenarioDoc& s) {
    rethrow_at_changes(e, s.patched, s.changes, s.file, "/changes");
}

Formula apply_changes(Json base_doc, const Json& changes, const std::string& name,
                      const std::string& changes_file, const std::string& changes_prefix,
                      const std::string& patched_label) {
    base_doc.merge_patch(changes);
    if (base_doc.is_object() && !changes.contains("name")) base_doc["name"] = name;
    Formula f;
    try {
        f = parse_formula(base_doc, patched_label);
    } catch (const Error& e) {
        rethrow_at_changes(e, patched_label, changes, changes_file, changes_prefix);
    }
    f.patch = ScenarioPatch{changes_file, changes};
    return f;
}

Scenario load_scenario(const std::string& path, const std::string& base_override) {
    const ScenarioDoc d = read_scenario_doc(path, base_override);
    Scenario s;
    s.file = path;
    s.name = d.name;
    s.base_file = d.base_file;
    try {
        s.formula = parse_formula(d.doc, d.patched);
    } catch (const Error& e) {
        rethrow_in_scenario(e, d);
    }
    s.formula.patch = ScenarioPatch{path, d.changes};
    return s;
}

Formula load_formula_or_scenario(const std::string& path) {
    Json doc = read_json_file(path, ErrorKind::formula);
    if (is_scenario(doc)) return load_scenario(path).formula;
    return parse_formula(doc, path);
}

}  // namespace fundsim
