// summary.json of `fundsim budget` (docs/la-budget.md §6): the DSG figures, flags and each block's summary.
#include "engine/core/money.hpp"
#include "reports/budget_writers.hpp"

namespace fundsim {

namespace {

double pennies(double v) { return round_penny(v) == 0 ? 0.0 : round_penny(v); }

nlohmann::ordered_json dsg_row(const DsgRow& r) {
    nlohmann::ordered_json j;
    j["opening"] = pennies(r.opening);
    j["allocation"] = pennies(r.allocation);
    j["import_export"] = pennies(r.import_export);
    j["deductions"] = pennies(r.deductions);
    j["transfers_in"] = pennies(r.transfers_in);
    j["transfers_out"] = pennies(r.transfers_out);
    j["recoupment"] = pennies(r.recoupment);
    j["spend"] = pennies(r.spend);
    j["in_year"] = pennies(r.in_year);
    j["closing"] = pennies(r.closing);
    return j;
}

}  // namespace

nlohmann::ordered_json budget_summary_json(const LaBudget& b, const nlohmann::ordered_json& schools_summary) {
    nlohmann::ordered_json j;
    j["name"] = b.name;
    j["year"] = b.year;
    if (b.la) j["la"] = b.la;
    nlohmann::ordered_json dsg;
    for (const auto& r : b.dsg.rows) dsg[r.block] = dsg_row(r);
    dsg["total"] = dsg_row(b.dsg.total);
    j["dsg"] = dsg;
    nlohmann::ordered_json tr = nlohmann::ordered_json::array();
    for (const auto& t : b.transfers.lines) {
        nlohmann::ordered_json one;
        one["id"] = t.id;
        one["to"] = t.to;
        one["amount"] = pennies(t.amount);
        one["forum_agreed"] = t.forum_agreed;
        one["needs_secretary_of_state"] = t.needs_secretary_of_state;
        if (!t.reason.empty()) one["reason"] = t.reason;
        tr.push_back(one);
    }
    j["transfers"] = tr;
    j["transfers_out_share"] = b.transfers.out_share;
    nlohmann::ordered_json rc;
    rc["academies"] = b.recoupment.academy_count;
    rc["academies_total"] = pennies(b.recoupment.academies);
    rc["converting"] = b.recoupment.converting_count;
    rc["converting_total"] = pennies(b.recoupment.converting);
    rc["total"] = pennies(b.recoupment.total);
    j["recoupment"] = rc;
    if (b.has_conversions) {
        long long la = 0, ac = 0;
        for (const auto& c : b.conversions)
            la += whole_pennies(c.la_part), ac += whole_pennies(c.academy_part);
        j["conversions"] = {{"schools", b.conversions.size()},
                            {"proration", b.proration_days ? "days" : "months"},
                            {"la_part_total", pennies(static_cast<double>(la) / 100.0)},
                            {"academy_part_total", pennies(static_cast<double>(ac) / 100.0)}};
    }
    if (b.has_balances) {
        std::size_t clawed = 0;
        for (const auto& bo : b.balances) clawed += bo.clawback > 0;
        j["balances"] = {{"schools", b.balances.size()}, {"schools_clawed_back", clawed}};
    }
    j["balance_clawback"] = pennies(b.balance_clawback);
    j["s251"] = {{"individual_schools_budget", pennies(b.s251.isb)},
                 {"schools_budget", pennies(b.s251.schools_budget)},
                 {"delegation_rate", b.s251.delegation_rate}};
    j["high_needs_deficit"] = b.dsg.high_needs_deficit;
    nlohmann::ordered_json flags = nlohmann::ordered_json::array();
    for (const auto& f : b.flags) {
        nlohmann::ordered_json one;
        one["flag"] = f.id;
        one["subject"] = f.subject;
        one["amount"] = pennies(f.amount);
        if (!f.reason.empty()) one["reason"] = f.reason;
        flags.push_back(one);
    }
    j["flags"] = flags;
    nlohmann::ordered_json blocks;
    blocks["schools"] = schools_summary;
    blocks["central"] = {{"spend", pennies(b.blocks[1].spend)}, {"lines", b.blocks[1].lines.size()}};
    for (int k = 2; k < 4; ++k) {
        const BlockFigures& f = b.blocks[k];
        blocks[f.block] = f.computed
                              ? f.summary
                              : nlohmann::ordered_json{{"computed", false},
                                                       {"note", "allocation only: no spend is calculated"}};
    }
    j["blocks"] = blocks;
    return j;
}

}  // namespace fundsim
