// RFC 7386 merge patches derived (app/serve/merge_patch.hpp).
#include "app/serve/merge_patch.hpp"

namespace fundsim::app {

Json merge_diff(const Json& from, const Json& to) {
    if (!from.is_object() || !to.is_object()) return to;
    Json patch = Json::object();
    for (const auto& [key, value] : from.items())
        if (!to.contains(key)) patch[key] = nullptr;
    for (const auto& [key, value] : to.items()) {
        if (!from.contains(key)) {
            patch[key] = value;
        } else if (from.at(key) != value) {
            if (from.at(key).is_object() && value.is_object())
                patch[key] = merge_diff(from.at(key), value);
            else
                patch[key] = value;
        }
    }
    return patch;
}

}  // namespace fundsim::app
