// Reading hn-providers.csv (docs/high-needs.md §1, §4): each cell checked where it is read, so that every
// error names the file, the line, the column and the value.
#include "engine/high_needs/providers.hpp"

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::hn {

namespace {

// Places for an academic year: a number from 0 to 100,000 (a blank is 0 only where places are not funded).
double places(const std::string& file, const CsvRecord& rec, std::size_t col, const char* name, Setting s) {
    const std::string_view v = rec.fields[col];
    if (trim(v).empty() && !has_place_funding(s)) return 0;
    double x = 0;
    if (!parse_number(v, x)) fail_at(file, rec.line, name, v, "is not a number of places");
    if (x < 0) fail_at(file, rec.line, name, v, "is negative: places must be 0 or more");
    if (x > 100000) fail_at(file, rec.line, name, v, "is more places than any provider has (over 100,000)");
    if (!has_place_funding(s) && x != 0)
        fail_at(file, rec.line, name, v,
                std::string("is not 0: a ") + to_string(s) + " provider has no place funding");
    return x;
}

}  // namespace

namespace {
// The file's rows from disk, or from `text` when given (named `path` in messages).
Providers read_providers(const std::string& path, std::optional<std::string_view> text) {
    Providers out;
    out.file = path;
    std::size_t c_urn = 0, c_name = 0, c_setting = 0, c_la = 0, c_before = 0, c_after = 0, c_funded = 0;
    int c_base = -1;
    read_csv_table(
        path, {"a header row", "provider", "providers"},
        [&](const CsvHeader& h, const CsvRecord&) {
            c_urn = static_cast<std::size_t>(h.require("urn", "the provider's URN"));
            c_name = static_cast<std::size_t>(h.require("name"));
            c_setting = static_cast<std::size_t>(h.require("setting", setting_list()));
            c_la = static_cast<std::size_t>(h.require("la", "the provider's LA code"));
            c_before = static_cast<std::size_t>(h.require("places_before", "places to August"));
            c_after = static_cast<std::size_t>(h.require("places_after", "places from September"));
            c_funded = static_cast<std::size_t>(h.require("funded_by", "la or dfe"));
            c_base = h.find("topup_baseline_per_pupil");
        },
        [&](const CsvRecord& rec) {
            Provider p;
            p.line = rec.line;
            const std::string_view urn = rec.fields[c_urn];
            if (!parse_integer(urn, p.urn) || p.urn <= 0)
                fail_at(path, rec.line, "urn", urn, "is not a URN (a whole number above 0)");
            p.name = std::string(trim(rec.fields[c_name]));
            const std::string_view setting = trim(rec.fields[c_setting]);
            const auto s = setting_named(setting);
            if (!s)
                fail_at(path, rec.line, "setting", setting, "is not a setting: expected " + setting_list());
            p.setting = *s;
            p.la = std::string(trim(rec.fields[c_la]));
            if (p.la.empty())
                fail_at(path, rec.line, "la", p.la, "is blank: each provider needs its LA code");
            p.places_before = places(path, rec, c_before, "places_before", p.setting);
            p.places_after = places(path, rec, c_after, "places_after", p.setting);
            const std::string_view funded = trim(rec.fields[c_funded]);
            if (funded == "la")
                p.funded_by = FundedBy::la;
            else if (funded == "dfe")
                p.funded_by = FundedBy::dfe;
            else
                fail_at(path, rec.line, "funded_by", funded, "is not la or dfe");
            if (c_base >= 0) {
                const std::string_view b = rec.fields[static_cast<std::size_t>(c_base)];
                if (!trim(b).empty()) {
                    double x = 0;
                    if (!parse_number(b, x))
                        fail_at(path, rec.line, "topup_baseline_per_pupil", b, "is not a number");
                    if (x < 0 || x > kMaxMoney)
                        fail_at(path, rec.line, "topup_baseline_per_pupil", b,
                                "must be an amount from 0 to £10 billion");
                    p.topup_baseline_per_pupil = x;
                }
            }
            auto [it, fresh] = out.by_urn.emplace(p.urn, out.rows.size());
            if (!fresh)
                fail_at(path, rec.line, "urn", urn,
                        "is a duplicate: the same provider is on line " +
                            std::to_string(out.rows[it->second].line));
            out.rows.push_back(std::move(p));
        },
        text);
    return out;
}

}  // namespace

Providers load_providers(const std::string& path) { return read_providers(path, std::nullopt); }

Providers providers_from_text(std::string_view text, const std::string& name) {
    return read_providers(name, text);
}

}  // namespace fundsim::hn
