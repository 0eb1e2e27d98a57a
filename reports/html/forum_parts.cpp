// The pieces of report.html's sections (reports/html/forum_parts.hpp).
#include "reports/html/forum_parts.hpp"

#include <algorithm>
#include <cctype>

#include "reports/format.hpp"
#include "reports/html/html.hpp"
#include "reports/labels.hpp"

namespace fundsim::forum {

std::string file_name(const std::string& path) {
    auto base = [](const std::string& p) {
        const auto slash = p.find_last_of("/\\");
        return slash == std::string::npos || slash + 1 == p.size() ? p : p.substr(slash + 1);
    };
    static const std::string patched = " (patched ";
    const auto at = path.find(patched);
    if (at != std::string::npos && path.back() == ')') {
        const std::size_t from = at + patched.size();
        return base(path.substr(0, at)) + patched + base(path.substr(from, path.size() - 1 - from)) + ")";
    }
    return base(path);
}

std::string option_name(const ScenarioResult& s) { return s.name.empty() ? file_name(s.file) : s.name; }

std::string spanning_name(const std::string& name) {
    return "<div class=\"fit\">" + html_escape(name) + "</div>";
}

std::vector<std::pair<std::size_t, std::size_t>> runs_of(std::size_t n, std::size_t per) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t a = 0; a < n; a += per) out.emplace_back(a, std::min(n, a + per));
    if (out.empty()) out.emplace_back(0, 0);
    return out;
}

std::string lever_html(const Result& r) {
    if (!r.budget) return "no budget set";
    const BudgetOutcome& b = *r.budget;
    std::string t, scaled;
    switch (b.lever) {
        case Lever::none:
            return "none (values as set)";
        case Lever::scaling:
            t = "scaling of gains = " + percent_text(b.lever_value, 4);
            break;
        case Lever::cap:
            t = "cap on gains = " + percent_text(b.lever_value, 4);
            break;
        case Lever::factor_multiplier: {
            t = "factor multiplier k = " + number_text("%.6f", b.lever_value);
            if (r.formula->budget && !r.formula->budget->multiplier_factors.empty()) {
                scaled = "on ";
                for (std::size_t k = 0; k < r.formula->budget->multiplier_factors.size(); ++k)
                    scaled += (k ? ", " : "") + factor_label(r.formula->budget->multiplier_factors[k]);
            }
            break;
        }
    }
    if (b.lever_at_limit) t += " (at its limit: the lever cannot use all the money)";
    return html_escape(t) +
           (scaled.empty() ? "" : "<br><span class=\"small\">" + html_escape(scaled) + "</span>");
}

bool baseline_is_nff(const Comparison& c) {
    if (!c.baseline_result) return false;
    std::string name = c.baseline_result->formula->name + " " + c.baseline_name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    std::string file = c.baseline_result->formula->file;
    const auto slash = file.find_last_of('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
    return name.find("national funding formula") != std::string::npos || file.rfind("nff", 0) == 0;
}

std::string td_num(const std::string& text, const std::string& cls) {
    return "<td class=\"n" + (cls.empty() ? "" : " " + cls) + "\">" + text + "</td>";
}

std::string change_class(double v) {
    if (!std::isfinite(v)) return "";
    return v >= 0.005 ? "gain" : (v <= -0.005 ? "loss" : "");
}

}  // namespace fundsim::forum
