// What every HTML page fundsim writes shares: text escaped for HTML, and the page shell (doctype,
// UTF-8, title, the inline stylesheet) around a self-contained page that loads nothing.
#pragma once

#include <string>
#include <string_view>

namespace fundsim {

// Text made safe for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);

// The page up to and including <body>: `title_html` is already escaped, `css` goes inline in <style>
// (on a line of its own), and `extra_head` (whole lines, e.g. a viewport <meta>) comes before <title>.
std::string html_page_head(const std::string& title_html, std::string_view css,
                           std::string_view extra_head = "");

// The end of the page after the last element of <body>.
std::string html_page_end();

}  // namespace fundsim
