// Strict JSON input: size and nesting limits, broken JSON located by line and column, and the object
// reader Obj whose errors name the file and the JSON path.
#include "engine/io/json_reader.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>

#include "engine/core/error.hpp"

namespace fundsim {

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

const char* type_name(const Json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "true/false";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_array()) return "a list";
    return "an object";
}

Obj::Obj(const Json& j, std::string path, std::string file, ErrorKind kind)
    : j_(j), path_(std::move(path)), file_(std::move(file)), kind_(kind) {
    if (!j.is_object())
        fail_json(file_, path_, std::string("expected an object, found ") + type_name(j), kind_);
}

const Json& Obj::at(const std::string& key) {
    used_.insert(key);
    if (!j_.contains(key)) fail_json(file_, child(key), "is missing", kind_);
    return j_.at(key);
}

double Obj::number(const std::string& key) {
    const Json& v = at(key);
    if (!v.is_number())
        fail_json(file_, child(key), std::string("expected a number, found ") + type_name(v), kind_);
    double d = v.get<double>();
    if (!std::isfinite(d)) fail_json(file_, child(key), "is not a finite number", kind_);
    return d;
}

std::string Obj::string(const std::string& key) {
    const Json& v = at(key);
    if (!v.is_string())
        fail_json(file_, child(key), std::string("expected a string, found ") + type_name(v), kind_);
    return v.get<std::string>();
}

bool Obj::boolean(const std::string& key) {
    const Json& v = at(key);
    if (!v.is_boolean())
        fail_json(file_, child(key), std::string("expected true or false, found ") + type_name(v), kind_);
    return v.get<bool>();
}

std::vector<std::string> Obj::strings(const std::string& key) {
    const Json& v = at(key);
    if (!v.is_array())
        fail_json(file_, child(key), std::string("expected a list of strings, found ") + type_name(v), kind_);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string())
            fail_json(file_, child(key) + "/" + std::to_string(i),
                      std::string("expected a string, found ") + type_name(v[i]), kind_);
        out.push_back(v[i].get<std::string>());
    }
    return out;
}

void Obj::skip(const std::string& key) {
    if (has(key)) {
        const Json& v = at(key);
        if (!v.is_string())
            fail_json(file_, child(key), std::string("expected a string, found ") + type_name(v), kind_);
    }
}

void Obj::done() const {
    for (auto it = j_.begin(); it != j_.end(); ++it)
        if (!used_.count(it.key())) fail_json(file_, child(it.key()), "is not a known key here", kind_);
}

namespace {
constexpr std::size_t kMaxJsonBytes = std::size_t{64} << 20;
[[noreturn]] void json_too_large(const std::string& path, ErrorKind kind) {
    fail(path + ": is larger than 64 MB: not a formula file", kind);
}
}  // namespace

Json read_json_file(const std::string& path, ErrorKind kind) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path + ": cannot open file", kind);
    // Read no more than the limit and a block: a huge file, or a device that never runs dry, is refused
    // without being held in memory.
    std::string text;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxJsonBytes) json_too_large(path, kind);
    }
    if (in.bad()) fail(path + ": cannot read file", kind);
    return parse_json_text(text, path, kind);
}

Json parse_json_text(const std::string& text, const std::string& path, ErrorKind kind) {
    if (text.size() > kMaxJsonBytes) json_too_large(path, kind);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw Error(Where{.file = path}, "is empty: expected a JSON object", kind);
    }
    // Bound nesting before parsing: a formula is a few levels deep, and deep nesting can exhaust the stack.
    // The message points at the bracket that goes one level too deep (line, and column in bytes).
    constexpr int kMaxDepth = 64;
    int depth = 0;
    bool in_string = false, escape = false;
    std::int64_t at_line = 1, at_col = 0;
    for (char c : text) {
        if (c == '\n') {
            ++at_line;
            at_col = 0;
        } else {
            ++at_col;
        }
        if (in_string) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) {
                throw Error(Where{.file = path, .line = at_line},
                            "column " + std::to_string(at_col) + ": JSON is nested more than " +
                                std::to_string(kMaxDepth) + " levels deep (a formula needs a few)",
                            kind);
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::out_of_range& e) {
        // A number too large for a double ("1e999"): nlohmann gives no position, so name the value.
        const std::string what = e.what();
        const auto pos = what.find("] ");
        throw Error(Where{.file = path},
                    "broken JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2)) +
                        ": the number is too large",
                    kind);
    } catch (const nlohmann::json::parse_error& e) {
        // Locate the byte offset as line and column. e.byte is the 1-based offset of the last byte read,
        // so the bytes before it fix the column (as nlohmann's own "line L, column C" counts them).
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string what = e.what();
        auto pos = what.find("parse error");
        throw Error(Where{.file = path, .line = static_cast<std::int64_t>(line)},
                    "column " + std::to_string(col) +
                        ": broken JSON: " + (pos == std::string::npos ? what : what.substr(pos)),
                    kind);
    }
}

}  // namespace fundsim
