// Routes, token and limits of `fundsim serve` (app/serve/server.hpp).
#include "app/serve/server.hpp"

#include <httplib.h>

#include "app/serve/api_error.hpp"
#include "app/serve/page/what_if_css.hpp"
#include "app/serve/page/what_if_html.hpp"
#include "app/serve/page/what_if_js.hpp"
#include "engine/core/error.hpp"

namespace fundsim::app {

namespace {

void answer(httplib::Response& res, const ApiAnswer& a) {
    res.status = a.status;
    res.set_content(a.body, a.type.c_str());
}

ApiAnswer error_body(int status, const std::string& message) { return error_answer(status, message); }

}  // namespace

bool is_loopback(const std::string& address) {
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

HttpServer::HttpServer(WhatIf& api, std::string token) : server_(std::make_unique<httplib::Server>()) {
    httplib::Server& s = *server_;
    // A body over the limit is refused from its Content-Length (docs/serve.md §2), never stored: up to
    // kDrainLimit httplib reads it past and answers 413, so that a client still sending gets its answer;
    // beyond that (or a length that is not a number) the answer comes at once and the connection is closed
    // before any of it is read. A chunked body is cut off at the limit by httplib.
    s.set_payload_max_length(kMaxBody);
    s.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
        // The page itself holds no figures: it is served without the token, and asks for it (§3).
        const bool page = req.path == "/" || req.path == "/what-if.js" || req.path == "/what-if.css";
        if (!token.empty() && !page && req.get_header_value("Authorization") != "Bearer " + token) {
            answer(res, error_body(401, "this server needs the header Authorization: Bearer TOKEN"));
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        const std::string length = req.get_header_value("Content-Length");
        if (!length.empty() &&
            (length.size() > 9 || length.find_first_not_of("0123456789") != std::string::npos ||
             std::stoul(length) > kDrainLimit)) {
            answer(res, error_body(413, "the request body is over 1 MB"));
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // The page: three files served from the binary, nothing from elsewhere (docs/serve.md §3).
    const auto file = [&s](const char* path, const char* text, const char* type) {
        s.Get(path,
              [text, type](const httplib::Request&, httplib::Response& res) { res.set_content(text, type); });
    };
    file("/", kWhatIfHtml, "text/html; charset=utf-8");
    file("/what-if.css", kWhatIfCss, "text/css; charset=utf-8");
    file("/what-if.js", kWhatIfJs, "text/javascript; charset=utf-8");
    // Every handler answers whatever happens (answer_errors in WhatIf, docs/serve.md §3).
    s.Get("/api/formula",
          [&api](const httplib::Request&, httplib::Response& res) { answer(res, api.formula()); });
    s.Post("/api/run",
           [&api](const httplib::Request& req, httplib::Response& res) { answer(res, api.run(req.body)); });
    s.Get(R"(/api/school/(\d{1,18}))", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.school(std::stoll(req.matches[1]), req.get_param_value("option"), nullptr));
    });
    s.Post(R"(/api/school/(\d{1,18}))", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.school(std::stoll(req.matches[1]), "", &req.body));
    });
    s.Get("/api/options",
          [&api](const httplib::Request&, httplib::Response& res) { answer(res, api.options()); });
    s.Post("/api/options", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.save_option(req.body));
    });
    s.Delete(R"(/api/options/(.+))", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.delete_option(req.matches[1]));
    });
    s.Post("/api/pack",
           [&api](const httplib::Request& req, httplib::Response& res) { answer(res, api.pack(req.body)); });
    s.Get(R"(/pack/([A-Za-z0-9._-]+))", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.pack_file(req.matches[1]));
    });
    s.Get("/api/ledger", [&api](const httplib::Request& req, httplib::Response& res) {
        answer(res, api.ledger(req.has_param("limit") ? req.get_param_value("limit") : ""));
    });
    // Errors httplib answers itself (404, 413, 400) get a JSON body too; an answer already made is kept.
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        const std::string what = res.status == 413 ? "the request body is over 1 MB"
                                 : res.status == 404
                                     ? "no such address: " + req.method + " " + req.path
                                     : "bad request: " + req.method + " " + req.path +
                                           " (a method no address here answers, or a request that "
                                           "is not HTTP)";
        answer(res, error_body(res.status, what));
    });
    // A handler's exception never stops the server: it is answered 500 (a fault in fundsim).
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        answer(res, error_body(500, what));
    });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& address, int port) {
    const int bound =
        port == 0 ? server_->bind_to_any_port(address) : (server_->bind_to_port(address, port) ? port : -1);
    if (bound < 0)
        fail("cannot listen on " + address + ":" + std::to_string(port) +
             " (is the port in use, or the address not this machine's?)");
    return bound;
}

void HttpServer::listen() { server_->listen_after_bind(); }

void HttpServer::stop() { server_->stop(); }

}  // namespace fundsim::app
