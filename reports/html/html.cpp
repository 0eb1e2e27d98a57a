// HTML escaping and the page shell (reports/html/html.hpp).
#include "reports/html/html.hpp"

namespace fundsim {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string html_page_head(const std::string& title_html, std::string_view css, std::string_view extra_head) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += extra_head;
    h += "<title>" + title_html + "</title>\n<style>\n";
    h += css;
    h += "</style>\n</head>\n<body>\n";
    return h;
}

std::string html_page_end() { return "</body>\n</html>\n"; }

}  // namespace fundsim
