// Error answers of `fundsim serve` (app/serve/api_error.hpp).
#include "app/serve/api_error.hpp"

namespace fundsim::app {

std::string json_text(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ApiAnswer error_answer(int status, const std::string& message, const std::string& path) {
    return {status,
            json_text(nlohmann::ordered_json{{"error", message}, {"path", path.empty() ? "/" : path}})};
}

Json parse_body_object(const std::string& body, const std::string& what) {
    const Json j = parse_json_text(body, kRequest, ErrorKind::formula);
    if (!j.is_object()) fail_json(kRequest, "/", "expected an object (" + what + ")");
    return j;
}

ApiAnswer answer_failure(std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (const NotFound& nf) {
        return error_answer(404, nf.what());
    } catch (const Error& err) {
        // fundsim's own faults are 500: never the user's patch.
        return error_answer(is_fundsims_fault(err.kind()) ? 500 : 400, err.what(), err.where().json_path);
    } catch (const std::exception& other) {
        return error_answer(500, std::string("a fault in fundsim: ") + other.what());
    } catch (...) {
        return error_answer(500, "a fault in fundsim");
    }
}

}  // namespace fundsim::app
