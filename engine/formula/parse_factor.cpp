// Factor parsing (docs/interfaces.md §2): what every kind has (id, kind, source, note, the phases and status
// filters), then the kind's own keys by its parser in engine/factors (kind_table.hpp). Errors name the file
// and the JSON path.
#include "engine/formula/parse_factor.hpp"

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/factors/kind_table.hpp"

namespace fundsim {

namespace {

void read_filters(Obj& o, Factor& f, const std::string& file) {
    if (o.has("phases")) {
        f.phases = {false, false, false, false};
        auto list = o.strings("phases");
        for (std::size_t i = 0; i < list.size(); ++i) {
            Phase p;
            if (!parse_phase(list[i], p))
                fail_json(
                    file, o.child("phases") + "/" + std::to_string(i),
                    "\"" + list[i] + "\" is not a phase: expected primary, secondary, middle or all_through");
            f.phases[static_cast<int>(p)] = true;
        }
    }
    if (o.has("status")) {
        f.status = {false, false};
        const Json& v = o.json().at("status");
        std::vector<std::string> list =
            v.is_string() ? std::vector<std::string>{v.get<std::string>()} : o.strings("status");
        if (v.is_string()) o.at("status");
        for (std::size_t i = 0; i < list.size(); ++i) {
            Status s;
            if (!parse_status(list[i], s))
                fail_json(file, o.child("status"),
                          "\"" + list[i] + "\" is not a status: expected maintained or academy");
            f.status[static_cast<int>(s)] = true;
        }
    }
}

}  // namespace

Factor parse_factor(const Json& j, const std::string& id, const std::string& path, const std::string& file) {
    Obj o(j, path, file);
    Factor f;
    f.id = id;
    f.path = path;
    f.file = file;
    const std::string kind = o.string("kind");
    o.skip("source");
    o.skip("note");
    read_filters(o, f, file);
    if (!factor_kind_named(kind, f.kind))
        fail_json(file, o.child("kind"),
                  "\"" + kind + "\" is not a factor kind: expected " + factor_kind_list());
    parse_kind_keys(o, f);
    o.done();
    return f;
}

std::vector<Factor> parse_factor_map(Obj& parent, const std::string& key, const std::string& file) {
    std::vector<Factor> out;
    Obj o = parent.object(key);
    for (auto it = o.json().begin(); it != o.json().end(); ++it) {
        o.at(it.key());
        out.push_back(parse_factor(it.value(), it.key(), o.child(it.key()), file));
    }
    return out;
}

}  // namespace fundsim
