// How `fundsim serve` answers what goes wrong in a request (docs/serve.md §3): a bad body or patch is a 400
// with the message and its JSON path, an unknown school or option a 404, a fault in fundsim a 500; none of
// them stops the server.
#pragma once

#include <stdexcept>
#include <string>

#include "engine/core/error.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim::app {

// An HTTP answer: status, body and its content type.
struct ApiAnswer {
    int status = 200;
    std::string body;
    std::string type = "application/json";
};

// How a request body is named in messages ("the request:1:7: ...").
constexpr const char* kRequest = "the request";

// Something the request names that is not there: answered 404.
struct NotFound : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A JSON answer's text: bytes that are not UTF-8 (a census in Latin-1, a request's own bytes quoted in a
// message) are replaced, never an exception.
std::string json_text(const nlohmann::ordered_json& j);

// {"error": message, "path": JSON path ("/" when none)} with `status`.
ApiAnswer error_answer(int status, const std::string& message, const std::string& path = "/");

// A request body parsed as JSON (400 naming line and column otherwise) that must be an object.
Json parse_body_object(const std::string& body, const std::string& what);
// A merge patch over the served formula: a JSON object.
inline Json parse_patch(const std::string& body) {
    return parse_body_object(body, "a merge patch over the served formula");
}

// Runs `f` (returning an ApiAnswer) and turns what it throws into the answer: Error of the user's kinds
// 400 with its JSON path, NotFound 404, fundsim's own faults (Error of kind invariant or internal, any other
// exception) 500 saying so.
ApiAnswer answer_failure(std::exception_ptr e);
template <class F>
ApiAnswer answer_errors(F f) {
    try {
        return f();
    } catch (...) {
        return answer_failure(std::current_exception());
    }
}

}  // namespace fundsim::app
