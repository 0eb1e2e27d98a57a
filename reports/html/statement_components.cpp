// The rate × count pieces of each factor on a budget statement, and the notes that explain them, worded
// from the engine's breakdown (engine/factors/breakdown.hpp): the rules are the engine's, only the words
// are the statement's (reports/html/statement_components.hpp).
#include "reports/html/statement_components.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <variant>

#include "engine/factors/breakdown.hpp"
#include "reports/format.hpp"
#include "reports/labels.hpp"

namespace fundsim::statement {

namespace {

// The statement's notes on how a non-linear rule came out for the school.
struct NoteLines {
    const Factor& f;
    std::vector<StatementLine>& notes;

    void operator()(const note::ReceptionUplift&) const {}  // worded in the primary pupils' label
    void operator()(const note::AboveThreshold& n) const {
        // Only pupils above the threshold share of each group are funded (NFF mobility, docs/funding-model.md
        // §3).
        if (!(n.pupils > 0 || n.units > 0)) return;
        const std::string group = n.group == "primary" ? "Primary" : "Secondary";
        notes.push_back(info(group + ": " + count(n.units) + " " + f.measure + " pupils, less " +
                                 percent_text(n.threshold.value, 2) + " of " + count(n.pupils) +
                                 " pupils, funded units",
                             count(n.funded)));
    }
    void operator()(const note::MiddleLumpSum& n) const {
        notes.push_back(info("Middle school: (" + count(n.primary_year_groups) + " primary year groups × " +
                             pounds(n.primary.given) + " + " + count(n.secondary_year_groups) +
                             " secondary × " + pounds(n.secondary.given) + ") / " + count(n.year_groups)));
    }
    void operator()(const note::AllThroughLumpSum&) const {
        notes.push_back(info("All-through school: the secondary rate"));
    }
    void operator()(const note::Sparsity& n) const {
        const SparsityTerms& t = n.terms;
        notes.push_back(info("Sparsity distance " + number_text("%.2f", n.distance) + " miles; threshold " +
                             number_text("%g", n.distance_threshold.value) + " miles" +
                             (n.distance_taper ? " (tapered from 80% of it)" : "")));
        notes.push_back(info("Average year group " + number_text("%.2f", t.average_year_group) + " (" +
                             count(n.pupils) + " pupils / " + count(n.year_groups) +
                             " year groups); threshold " + number_text("%g", n.year_group_threshold.value)));
        if (t.eligible)
            notes.push_back(info("Eligible: maximum " + rate_text(n.maximum.value) + " × year-group weight " +
                                 number_text("%.4f", t.year_weight) + " × distance weight " +
                                 number_text("%.4f", t.distance_weight)));
        else
            notes.push_back(info("Not eligible for sparsity funding"));
    }
    void operator()(const note::Allocation& n) const {
        // A fixed pot shared by a basis among the schools that pass its filters (docs/funding-model.md §3).
        const std::string what = n.basis == "school" ? "equal shares" : n.basis;
        notes.push_back(info("Share of a pot of " + rate_text(n.pot.value) + " by " + what + " among " +
                             count(static_cast<double>(n.schools)) + " schools: this school " +
                             count(n.school_basis) + " of " + count(n.total_basis)));
    }
    void operator()(const note::LondonFringe& n) const {
        std::string names;
        for (const auto& [id, amount] : n.listed) names += (names.empty() ? "" : ", ") + factor_label(id);
        notes.push_back(info("(" + number_text("%g", n.multiplier.value) + " − 1) × (" + names + ")" +
                             (n.fringe > 0 ? "" : ": not a London fringe school")));
    }
};

template <class N>
const N* find_note(const FactorBreakdown& b) {
    for (const Note& n : b.notes)
        if (const N* p = std::get_if<N>(&n)) return p;
    return nullptr;
}

}  // namespace

std::string rate_text(double v) {
    if (std::fabs(v * 100 - std::round(v * 100)) < 1e-6) return pounds(v);
    const std::string whole = pounds(std::trunc(v));  // grouping of the whole pounds
    return whole.substr(0, whole.size() - 3) + number_text("%.4f", std::fabs(v - std::trunc(v))).substr(1);
}

std::vector<Component> components(const Result& r, const Factor& f, std::size_t s, double k, bool uplift,
                                  std::vector<StatementLine>& notes) {
    const FactorBreakdown b = r.breakdown_of(f, s, k, uplift);
    for (const Note& n : b.notes) std::visit(NoteLines{f, notes}, n);
    const auto* reception = find_note<note::ReceptionUplift>(b);
    const auto* allocation = find_note<note::Allocation>(b);
    const auto* fringe = find_note<note::LondonFringe>(b);
    std::vector<Component> out;
    for (const fundsim::Component& p : b.components) {
        Component c;
        c.label = p.label;
        if (p.rate_unit == Unit::money && p.count_unit == Unit::count) {
            // rate × count: a count of zero is no line; the exact amount is the rate as shown × count.
            if (p.count == 0) continue;
            if (reception && p.column == "nor_primary")
                c.label += ", with " + count(reception->pupils) + " reception uplift";
            c.rate = rate_text(p.rate.value);
            c.count = count(p.count);
            c.exact = p.rate.value * p.count;
        } else if (allocation) {
            // The engine shares the pot in whole pennies (largest remainders): the amount is the line itself.
            c.rate = rate_text(p.rate.value);
            c.count = count(allocation->school_basis) + " / " + count(allocation->total_basis);
            c.exact = NAN;
        } else if (fringe) {
            if (!(fringe->fringe > 0)) continue;
            c.label += " on " + pounds(p.count);
            c.rate = number_text("%g", p.rate.value);
            c.count = pounds(p.count);
            c.exact = p.amount;
        } else {
            c.rate = p.rate_unit == Unit::money ? rate_text(p.rate.value) : "";
            c.count = p.count_unit == Unit::weight ? number_text("%.4f", p.count) : "";
            c.exact = p.amount;
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace fundsim::statement
