// The listing of `fundsim ledger` (reports/ledger_writers.hpp).
#include <nlohmann/json.hpp>

#include "reports/format.hpp"
#include "reports/ledger_writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

// A recorded summary is read defensively: a ledger is a file anyone can edit, and the listing must say
// what it can rather than stop.
std::string money_at(const OJson& j, const char* key) {
    return j.contains(key) && j[key].is_number() ? pounds(j[key].get<double>()) : "n/a";
}

std::string text_at(const OJson& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "?";
}

std::string run_figures(const OJson& s) {
    const std::string year = text_at(s, "year");
    std::string out = "\"" + text_at(s, "formula") + "\"" +
                      (year.empty() || year == "?" ? "" : " (" + year + ")") + ": total " +
                      money_at(s, "total_budget_share");
    if (s.contains("available") && !s["available"].is_null())
        out += ", available " + money_at(s, "available") + ", headroom " + money_at(s, "headroom");
    if (s.contains("lever") && s["lever"].is_object() && s["lever"].contains("value") &&
        s["lever"]["value"].is_number())
        out +=
            ", " + text_at(s["lever"], "name") + " " + number_text("%.8g", s["lever"]["value"].get<double>());
    return out;
}

std::string compare_figures(const OJson& s) {
    std::string out = "against \"" + (s.contains("baseline") ? text_at(s["baseline"], "name") : "?") + "\"";
    if (!s.contains("scenarios") || !s["scenarios"].is_array()) return out;
    for (const auto& o : s["scenarios"]) {
        out += "; \"" + text_at(o, "name") + "\": total " + money_at(o, "total_budget_share") + ", change " +
               money_at(o, "change_total");
        if (o.contains("schools_gaining") && o.contains("schools_losing"))
            out += ", " + o["schools_gaining"].dump() + " gaining, " + o["schools_losing"].dump() + " losing";
    }
    return out;
}

std::string sweep_figures(const OJson& s) {
    std::string out = "\"" + text_at(s, "formula") +
                      "\": " + (s.contains("combinations") ? s["combinations"].dump() : "?") +
                      " combinations";
    for (const char* k : {"ok", "lever_at_limit", "cannot_balance", "invalid"})
        if (s.contains(k) && s[k].is_number() && s[k].get<double>() != 0) out += ", " + s[k].dump() + " " + k;
    return out;
}

// budget: its name and year, the DSG's closing balance, and the schools block as a run's figures.
std::string budget_figures(const OJson& s) {
    std::string out = "\"" + text_at(s, "name") + "\" (" + text_at(s, "year") + ")";
    if (s.contains("dsg") && s["dsg"].is_object() && s["dsg"].contains("total") &&
        s["dsg"]["total"].is_object())
        out += ": DSG closing " + money_at(s["dsg"]["total"], "closing");
    if (s.contains("blocks") && s["blocks"].is_object() && s["blocks"].contains("schools") &&
        s["blocks"]["schools"].is_object())
        out += "; schools block " + run_figures(s["blocks"]["schools"]);
    return out;
}

// plan: its name and each year's total budget share (several plans: each one's).
std::string plan_figures(const OJson& s) {
    if (s.contains("plans") && s["plans"].is_object()) {
        std::string out;
        for (const auto& [label, one] : s["plans"].items())
            out += (out.empty() ? "" : "; ") + label + ": " + (one.is_object() ? plan_figures(one) : "?");
        return out;
    }
    std::string out = "\"" + text_at(s, "name") + "\"";
    if (!s.contains("years") || !s["years"].is_array()) return out;
    for (const auto& y : s["years"])
        if (y.is_object()) out += ", " + text_at(y, "year") + " total " + money_at(y, "total_budget_share");
    return out;
}

}  // namespace

std::string run_headline(const store::RunRecord& run) {
    const OJson s = OJson::parse(run.summary_json, nullptr, false);
    if (s.is_discarded() || !s.is_object()) return "(the recorded summary is not a JSON object)";
    std::string out = run.option_name ? "option \"" + *run.option_name + "\": " : "";
    if (run.command == "run" || run.command == "serve") return out + run_figures(s);
    if (run.command == "compare") return out + compare_figures(s);
    if (run.command == "sweep") return out + sweep_figures(s);
    if (run.command == "budget") return out + budget_figures(s);
    if (run.command == "plan") return out + plan_figures(s);
    return out + "(a run of " + run.command + ")";
}

std::string ledger_list_text(const std::string& ledger, const std::vector<store::RunRecord>& runs,
                             std::int64_t total) {
    std::string out = ledger + ": " + std::to_string(total) + (total == 1 ? " run" : " runs");
    if (static_cast<std::int64_t>(runs.size()) < total)
        out += " (the latest " + std::to_string(runs.size()) + " shown)";
    out += runs.size() > 1 ? ", newest first\n" : "\n";
    for (const auto& r : runs) {
        out += "\nrun " + std::to_string(r.id) + "  " + r.time_utc + "  " + r.command + "  fundsim " +
               r.version + "\n";
        for (const auto& in : r.inputs)
            out += "  " + in.role + ": " + in.path + "  sha256 " + in.sha256.substr(0, 12) + "\n";
        out += "  " + run_headline(r) + "\n";
    }
    return out;
}

}  // namespace fundsim
