// Saved options as scenario files in one folder (app/serve/options_folder.hpp).
#include "app/serve/options_folder.hpp"

#include <algorithm>
#include <filesystem>

#include "app/serve/merge_patch.hpp"
#include "engine/core/error.hpp"
#include "reports/output_file.hpp"
#include "store/record.hpp"

namespace fundsim::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSuffix = ".json";

}  // namespace

void check_option_name(const std::string& name, const std::string& file, const std::string& json_path) {
    // docs/serve.md §4: no '/', "..", NUL; at most 100 characters (and nothing else that names a path).
    auto bad = [&](const std::string& why) { fail_json(file, json_path, "the option name " + why); };
    if (name.empty()) bad("is empty");
    std::size_t chars = 0;
    for (const unsigned char c : name)
        if ((c & 0xC0) != 0x80) ++chars;  // UTF-8: count the first byte of each character
    if (chars > kMaxOptionName) bad("is over " + std::to_string(kMaxOptionName) + " characters");
    for (const unsigned char c : name) {
        if (c == '/' || c == '\\') bad("may not contain '/' or '\\' (it names a file in the options folder)");
        if (c < 0x20 || c == 0x7F) bad("may not contain a control character");
    }
    if (name[0] == '.') bad("may not start with '.'");
    if (name.find("..") != std::string::npos) bad("may not contain \"..\"");
}

OptionsFolder::OptionsFolder(std::string dir, const std::string& base_file, Json base_doc)
    : dir_(std::move(dir)), base_doc_(std::move(base_doc)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (!fs::is_directory(dir_))
        fail(dir_ + ": cannot make the options folder" + (ec ? ": " + ec.message() : ""));
    // The base as seen from the folder, so that the folder and the formula can move together.
    const fs::path rel = fs::relative(fs::absolute(base_file), fs::absolute(dir_), ec);
    base_ = (ec || rel.empty()) ? fs::absolute(base_file).string() : rel.generic_string();
}

std::string OptionsFolder::file_of(const std::string& name) const {
    check_option_name(name, "the request", "/name");
    return dir_ + "/" + name + kSuffix;
}

bool OptionsFolder::exists(const std::string& name) const { return fs::is_regular_file(file_of(name)); }

std::vector<std::string> OptionsFolder::names() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const std::string file = entry.path().filename().string();
        if (!entry.is_regular_file() || file.size() <= 5 || file.substr(file.size() - 5) != kSuffix) continue;
        const std::string name = file.substr(0, file.size() - 5);
        try {
            check_option_name(name, "", "");
            out.push_back(name);
        } catch (const Error&) {  // not a file this folder could have written: left alone
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void OptionsFolder::save(const std::string& name, const Json& doc) const {
    check_option_name(name, "the request", "/name");
    // The changes from the base to the option's formula, exactly (a merge patch cannot always say "the
    // served scenario's changes, then the page's" as one patch: a value deleted then set to an object).
    Json changes = merge_diff(base_doc_, doc);
    changes.erase("name");  // the scenario's name names the option's formula
    Json scenario = Json::object();
    scenario["name"] = name;
    scenario["base"] = base_;
    scenario["note"] = "saved by fundsim serve at " + store::utc_now();
    scenario["changes"] = changes;
    OutputSet out(dir_);  // a temporary renamed into place: never half a file
    out.add(name + kSuffix, scenario.dump(2) + "\n");
    out.commit();
}

bool OptionsFolder::remove(const std::string& name) const {
    std::error_code ec;
    return fs::remove(file_of(name), ec);
}

}  // namespace fundsim::app
