// The errors of fundsim: each carries a kind (whose fault, and so which exit code), where it was found
// (file, line, column, value, JSON path, school) and the context it passed through on its way up.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace fundsim {

// Whose problem an error is. The first three are the user's to fix (exit 1); the last two are fundsim's
// own bugs (exit 3), never to be reported as bad input (ccache's Error vs Fatal, QuantLib's REQUIRE vs
// ENSURE).
enum class ErrorKind {
    input,         // a census, pupil, lookup or other data file is malformed or implausible
    formula,       // a formula or scenario file is malformed or inconsistent
    unaffordable,  // the formula is valid but the money cannot be balanced with its lever
    invariant,     // a calculated result breaks an invariant of docs/funding-model.md §8 (an engine bug)
    internal,      // anything else that cannot happen unless fundsim is wrong
};

// "bad input", "bad formula", "unaffordable", "invariant broken", "internal error".
const char* kind_text(ErrorKind kind);
// True for the kinds that are fundsim's fault (invariant, internal).
bool is_fundsims_fault(ErrorKind kind);

// Every member has a default, so that a Where is built by name: Where{.file = f, .json_path = p}.
struct Where {
    std::string file{};
    std::int64_t line = 0;  // 1-based; 0 = not a line of a file
    std::string column{};
    std::string value{};
    bool has_value = false;
    std::string json_path{};
    std::int64_t urn = 0;  // 0 = not about one school
};

class Error : public std::exception {
  public:
    Error(Where where, const std::string& detail, ErrorKind kind = ErrorKind::input);
    ErrorKind kind() const { return kind_; }
    const Where& where() const { return where_; }
    const std::string& detail() const { return detail_; }
    // The context chain, outermost first ("while reading the base formula X", "in year 2027-28").
    const std::vector<std::string>& context() const { return context_; }
    // Adds an outer context as the error travels up (ledger's add_error_context); returns *this to rethrow.
    Error& add_context(std::string context);
    // The full message: each context on its own line ending ':', then "file:line: ... detail".
    const char* what() const noexcept override { return message_.c_str(); }

  private:
    void compose();
    ErrorKind kind_;
    Where where_;
    std::string detail_;
    std::vector<std::string> context_;
    std::string message_;
};

// The name most of the code throws and catches: an Error whose kind defaults to bad input.
using InputError = Error;

// Formats "file:line: column name: \"value\" detail" (only the parts that are known).
std::string format_error(const Where& where, const std::string& detail);

// Convenience builders (all of kind input unless said).
[[noreturn]] void fail_at(const std::string& file, std::int64_t line, const std::string& column,
                          std::string_view value, const std::string& detail);
// "file:line: detail": a whole line of a file is wrong (ragged row, empty file, no rows).
[[noreturn]] void fail_line(const std::string& file, std::int64_t line, const std::string& detail);
// "file:line: column C: detail": a column is wrong, or its value is withheld (a possible pupil identifier).
[[noreturn]] void fail_column(const std::string& file, std::int64_t line, const std::string& column,
                              const std::string& detail);
[[noreturn]] void fail_json(const std::string& file, const std::string& json_path, const std::string& detail,
                            ErrorKind kind = ErrorKind::formula);
[[noreturn]] void fail(const std::string& detail, ErrorKind kind = ErrorKind::input);
// An engine bug: a state the code cannot reach if it is right (exit 3).
[[noreturn]] void fail_internal(const std::string& detail);

// Runs f(); an Error escaping it gets `context` added (outermost last added) and is rethrown.
template <class F>
decltype(auto) with_context(const std::string& context, F&& f) {
    try {
        return f();
    } catch (Error& e) {
        e.add_context(context);
        throw;
    }
}

}  // namespace fundsim
