// The one error type of fundsim: an input problem that carries where it was found (file, line,
// column, value, JSON path, school) so the message tells a finance officer exactly what to fix.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fundsim {

struct Where {
    std::string file;
    std::int64_t line = 0;  // 1-based; 0 = not a line of a file
    std::string column;
    std::string value;
    bool has_value = false;
    std::string json_path;
    std::int64_t urn = 0;  // 0 = not about one school
};

// Bad input (exit code 1). The message is "what was expected and what was found"; the Where says where.
class InputError : public std::runtime_error {
public:
    InputError(Where where, const std::string& what);
    const Where& where() const { return where_; }
    const std::string& detail() const { return detail_; }

private:
    Where where_;
    std::string detail_;
};

// Formats "file:line: column name: \"value\" detail" (only the parts that are known).
std::string format_error(const Where& where, const std::string& detail);

// Convenience builders.
[[noreturn]] void fail_at(const std::string& file, std::int64_t line, const std::string& column,
                          std::string_view value, const std::string& detail);
[[noreturn]] void fail_json(const std::string& file, const std::string& json_path, const std::string& detail);
[[noreturn]] void fail(const std::string& detail);

}  // namespace fundsim
