// Errors with kinds and context: file:line: column C: "value" detail, or file: at /json/path: detail.
#include "engine/core/error.hpp"

namespace fundsim {

namespace {
std::string printable(const std::string& v) {
    // Keep messages readable and bounded whatever bytes arrived: escape controls, cut long values.
    std::string out;
    const std::size_t limit = 80;
    for (std::size_t i = 0; i < v.size() && i < limit; ++i) {
        unsigned char c = static_cast<unsigned char>(v[i]);
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c < 0x20 || c == 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (v.size() > limit) out += "...";
    return out;
}
}  // namespace

std::string format_error(const Where& w, const std::string& detail) {
    std::string msg;
    if (!w.file.empty()) {
        msg += w.file;
        if (w.line > 0) msg += ":" + std::to_string(w.line);
        msg += ": ";
    }
    if (!w.json_path.empty()) msg += "at " + w.json_path + ": ";
    if (w.urn != 0) msg += "school " + std::to_string(w.urn) + ": ";
    if (!w.column.empty()) msg += "column " + w.column + ": ";
    if (w.has_value) msg += "\"" + printable(w.value) + "\" ";
    msg += detail;
    return msg;
}

const char* kind_text(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::input:
            return "bad input";
        case ErrorKind::formula:
            return "bad formula";
        case ErrorKind::unaffordable:
            return "unaffordable";
        case ErrorKind::invariant:
            return "invariant broken";
        case ErrorKind::internal:
            return "internal error";
    }
    return "internal error";
}

bool is_fundsims_fault(ErrorKind kind) { return kind == ErrorKind::invariant || kind == ErrorKind::internal; }

Error::Error(Where where, const std::string& detail, ErrorKind kind)
    : kind_(kind), where_(std::move(where)), detail_(detail) {
    compose();
}

Error& Error::add_context(std::string context) {
    context_.insert(context_.begin(), std::move(context));
    compose();
    return *this;
}

void Error::compose() {
    message_.clear();
    for (const std::string& c : context_) message_ += c + ":\n  ";
    message_ += format_error(where_, detail_);
}

void fail_at(const std::string& file, std::int64_t line, const std::string& column, std::string_view value,
             const std::string& detail) {
    Where w;
    w.file = file;
    w.line = line;
    w.column = column;
    w.value = std::string(value);
    w.has_value = true;
    throw Error(w, detail);
}

void fail_line(const std::string& file, std::int64_t line, const std::string& detail) {
    Where w;
    w.file = file;
    w.line = line;
    throw Error(w, detail);
}

void fail_column(const std::string& file, std::int64_t line, const std::string& column,
                 const std::string& detail) {
    Where w;
    w.file = file;
    w.line = line;
    w.column = column;
    throw Error(w, detail);
}

void fail_json(const std::string& file, const std::string& json_path, const std::string& detail,
               ErrorKind kind) {
    Where w;
    w.file = file;
    w.json_path = json_path.empty() ? "/" : json_path;
    throw Error(w, detail, kind);
}

void fail(const std::string& detail, ErrorKind kind) { throw Error(Where{}, detail, kind); }

void fail_internal(const std::string& detail) {
    throw Error(Where{}, "internal: " + detail, ErrorKind::internal);
}

}  // namespace fundsim
