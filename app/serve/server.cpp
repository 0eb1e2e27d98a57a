// Routes, token and limits of `fundsim serve` (app/serve/server.hpp).
#include "app/serve/server.hpp"

#include <httplib.h>

#include "engine/core/error.hpp"

namespace fundsim::app {

namespace {

void answer(httplib::Response& res, const ApiAnswer& a) {
    res.status = a.status;
    res.set_content(a.body, "application/json");
}

ApiAnswer error_body(int status, const std::string& message) {
    return {status, nlohmann::ordered_json{{"error", message}, {"path", "/"}}.dump()};
}

}  // namespace

bool is_loopback(const std::string& address) {
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

HttpServer::HttpServer(WhatIf& api, std::string token) : server_(std::make_unique<httplib::Server>()) {
    httplib::Server& s = *server_;
    // A body over the limit is refused from its Content-Length, before it is read (docs/serve.md §2).
    s.set_payload_max_length(kMaxBody);
    if (!token.empty()) {
        s.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
            if (req.get_header_value("Authorization") == "Bearer " + token)
                return httplib::Server::HandlerResponse::Unhandled;
            answer(res, error_body(401, "this server needs the header Authorization: Bearer TOKEN"));
            return httplib::Server::HandlerResponse::Handled;
        });
    }
    s.Get("/api/formula",
          [&api](const httplib::Request&, httplib::Response& res) { answer(res, api.formula()); });
    s.Post("/api/run",
           [&api](const httplib::Request& req, httplib::Response& res) { answer(res, api.run(req.body)); });
    // Errors httplib answers itself (404, 413, 400) get a JSON body too; an answer already made is kept.
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const std::string what = res.status == 413   ? "the request body is over 1 MB"
                                 : res.status == 404 ? "no such address"
                                                     : "bad request";
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
