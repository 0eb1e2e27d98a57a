// payments.csv and providers.csv of the early years block (docs/early-years.md §3): the engine's rounded
// lines, never recomputed; text cells from the inputs through csv_text.
#include "reports/csv/csv_text.hpp"
#include "reports/early_years_writers.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

void append_pennies(std::string& out, std::int64_t p) {
    out += ',';
    append_money(out, static_cast<double>(p) / 100.0);
}

std::string header(const EyResult& r, bool with_term) {
    std::string h = "provider,name,type";
    if (with_term) h += ",term";
    h += ",hours_u2,hours_two,hours_three_four,base";
    for (const EySupplement& s : r.formula.supplements) h += "," + csv_text(s.id);
    h += ",nursery_school_supp,eypp,daf,total\n";
    return h;
}

void append_row(std::string& out, const EyResult& r, const EyPayment& p, bool with_term) {
    const EyProviders& pr = r.providers;
    out += csv_text(pr.id[p.provider]);
    out += ',';
    out += csv_text(pr.name[p.provider]);
    out += ',';
    out += kProviderTypeNames[static_cast<std::size_t>(pr.type[p.provider])];
    if (with_term) {
        out += ',';
        out += kTermNames[static_cast<std::size_t>(p.term)];
    }
    for (double h : p.hours) out += "," + count(h);
    append_pennies(out, p.base_total());
    for (std::size_t s = 0; s < p.supplement.size(); ++s) append_pennies(out, p.supplement_total(s));
    append_pennies(out, p.nursery_school_supp);
    append_pennies(out, p.eypp);
    append_pennies(out, p.daf);
    append_pennies(out, p.total());
    out += '\n';
}

}  // namespace

std::string ey_payments_csv(const EyResult& r) {
    std::string out = header(r, true);
    out.reserve(r.terms.size() * 120);
    for (const EyPayment& p : r.terms) append_row(out, r, p, true);
    return out;
}

std::string ey_providers_csv(const EyResult& r) {
    std::string out = header(r, false);
    for (const EyPayment& p : r.providers_year) append_row(out, r, p, false);
    return out;
}

}  // namespace fundsim
