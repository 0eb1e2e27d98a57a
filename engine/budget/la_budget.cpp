// The LA budget put together (docs/la-budget.md §1-§6).
#include "engine/budget/la_budget.hpp"

#include <cstdio>

#include "engine/budget/central_block.hpp"
#include "engine/budget/schools_block.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"

namespace fundsim {

void fit_formula_to_dsg(Formula& formula, const BudgetFile& b) {
    if (!formula.budget) {
        formula.budget = Budget{};
        formula.budget->schools_block = b.allocation[0];
        return;
    }
    if (round_penny(formula.budget->schools_block) != round_penny(b.allocation[0])) {
        char detail[256];
        std::snprintf(detail, sizeof detail,
                      "is %.2f, but the schools formula %s has budget.schools_block %.2f: they must be equal "
                      "(or leave the formula's out)",
                      b.allocation[0], formula.file.c_str(), formula.budget->schools_block);
        fail_json(b.file, "/dsg/schools_block", detail, ErrorKind::input);
    }
}

namespace {

Transfers transfers_of_run(const Result& r) {
    if (!r.formula->budget || !r.budget) fail_internal("the schools run has no budget");
    return transfers_of(*r.formula->budget, r.budget->deductions, r.formula->file);
}

}  // namespace

BlockInputs block_inputs(const BudgetFile& b, const Result& schools, int k) {
    const Transfers t = transfers_of_run(schools);
    BlockInputs in;
    in.block = kBlocks[k];
    in.allocation = b.allocation[k];
    in.transfers_in = t.in[k];
    in.files = (k == 2 ? b.high_needs : b.early_years).files;
    return in;
}

LaBudget compute_la_budget(const BudgetFile& b, const Result& schools,
                           const std::vector<ConversionRow>& conversions,
                           const std::vector<BalanceRow>& balances, BlockFigures high_needs,
                           BlockFigures early_years) {
    LaBudget L;
    L.name = b.name;
    L.year = b.year;
    L.source = b.source;
    L.la = b.la;
    L.proration_days = b.proration_days;
    L.transfers = transfers_of_run(schools);
    L.has_conversions = b.conversions.has_value();
    L.conversions = split_conversions(conversions, schools, b.first_year, b.proration_days);
    L.has_balances = b.balances.has_value();
    if (b.balances) L.balances = control_balances(balances, schools, b.control, *b.balances, b.file);
    long long claw = 0;
    for (const auto& bo : L.balances) claw += whole_pennies(bo.clawback);
    L.balance_clawback = static_cast<double>(claw) / 100.0;
    L.recoupment = recoupment_of(schools, L.conversions);

    L.blocks[0] = schools_block_figures(schools, L.conversions, L.transfers, b.allocation[0]);
    L.blocks[1] = central_block_figures(b, L.transfers.in[1]);
    BlockFigures* engines[2] = {&high_needs, &early_years};
    for (int k = 2; k < 4; ++k) {
        BlockFigures& f = *engines[k - 2];
        const BlockInputs in = block_inputs(b, schools, k);
        // A block engine works from the budget's allocation and transfers; anything else is a wiring fault.
        if (f.block != in.block || whole_pennies(f.allocation) != whole_pennies(in.allocation) ||
            whole_pennies(f.transfers_in) != whole_pennies(in.transfers_in))
            fail_internal("the " + in.block +
                          " block's figures do not match its inputs (allocation, transfers in)");
        long long lines = 0;
        for (const auto& l : f.lines) lines += whole_pennies(l.amount);
        if (lines != whole_pennies(f.spend))
            fail_internal("the " + in.block + " block's s251 lines do not sum to its spend");
        // A block given its inputs is computed; one without them is shown with its allocation and flagged.
        if (f.computed != (k == 2 ? b.high_needs : b.early_years).given)
            fail_internal("the " + in.block + " block was " + (f.computed ? "" : "not ") +
                          "computed but its inputs were " + (f.computed ? "not " : "") + "given");
        L.blocks[k] = std::move(f);
        if (!L.blocks[k].computed)
            L.flags.push_back({"block_not_computed", in.block, L.blocks[k].allocation, "not_given"});
    }
    L.dsg = dsg_position(L.blocks, b.reserve, L.transfers.out, L.recoupment.total);
    L.s251 = s251_statement(L.blocks, L.recoupment);

    for (const auto& t : L.transfers.lines)
        if (t.needs_secretary_of_state)
            L.flags.push_back({"needs_secretary_of_state", t.id, t.amount, t.reason});
    if (L.dsg.high_needs_deficit)
        L.flags.push_back({"high_needs_deficit", "high_needs", L.dsg.rows[2].closing, ""});
    if (L.dsg.total.closing < 0) L.flags.push_back({"dsg_deficit", "total", L.dsg.total.closing, ""});
    for (const auto& bo : L.balances)
        if (bo.deficit_over_5pct)
            L.flags.push_back({"deficit_over_5pct", std::to_string(schools.census->urn[bo.row.school]),
                               bo.row.closing_balance, ""});
    return L;
}

}  // namespace fundsim
