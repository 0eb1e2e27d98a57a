// Reading hn-placements.csv (docs/high-needs.md §1, §4): ids, dates, FTE and agreed rates checked where
// they are read; every error names the file, the line, the column and the value.
#include "engine/high_needs/placements.hpp"

#include <unordered_map>

#include "engine/core/dates.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/ingest/upn.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::hn {

namespace {
// The file's rows from disk, or from `text` when given (named `path` in messages).
Placements read_placements(const std::string& path, std::optional<std::string_view> text) {
    Placements out;
    out.file = path;
    std::unordered_map<std::string, std::int64_t> first_line;
    std::size_t c_id = 0, c_provider = 0, c_band = 0, c_start = 0, c_end = 0;
    int c_fte = -1, c_rate = -1;
    read_csv_table(
        path, {"a header row", "placement", "placements"},
        [&](const CsvHeader& h, const CsvRecord&) {
            c_id = static_cast<std::size_t>(h.require("placement", "the placement's id"));
            c_provider = static_cast<std::size_t>(h.require("provider", "the provider's URN"));
            c_band = static_cast<std::size_t>(h.require("band"));
            c_start = static_cast<std::size_t>(h.require("start", "YYYY-MM-DD"));
            c_end = static_cast<std::size_t>(h.require("end", "YYYY-MM-DD, or blank"));
            c_fte = h.find("fte");
            c_rate = h.find("rate");
        },
        [&](const CsvRecord& rec) {
            Placement p;
            p.line = rec.line;
            const std::string_view id = trim(rec.fields[c_id]);
            if (id.empty())
                fail_at(path, rec.line, "placement", id, "is blank: each row needs a placement id");
            // No placement data may identify a pupil (docs/high-needs.md §1): a UPN is refused, unechoed.
            if (looks_like_upn(id))
                fail_column(path, rec.line, "placement",
                            "looks like a unique pupil number (value withheld): use a placement id that does "
                            "not identify the pupil");
            p.id = std::string(id);
            const std::string_view prov = rec.fields[c_provider];
            if (!parse_integer(prov, p.provider) || p.provider <= 0)
                fail_at(path, rec.line, "provider", prov, "is not a URN (a whole number above 0)");
            p.band = std::string(trim(rec.fields[c_band]));
            const std::string_view start = rec.fields[c_start];
            if (!parse_iso_date(start, p.start))
                fail_at(path, rec.line, "start", start, "is not a date (YYYY-MM-DD)");
            const std::string_view end = rec.fields[c_end];
            if (!trim(end).empty()) {
                if (!parse_iso_date(end, p.end))
                    fail_at(path, rec.line, "end", end, "is not a date (YYYY-MM-DD)");
                if (p.end < p.start)
                    fail_at(path, rec.line, "end", end,
                            "is before the start (" + std::string(trim(start)) + ")");
            }
            if (c_fte >= 0) {
                const std::string_view f = rec.fields[static_cast<std::size_t>(c_fte)];
                if (!trim(f).empty()) {
                    if (!parse_number(f, p.fte)) fail_at(path, rec.line, "fte", f, "is not a number");
                    if (p.fte < 0) fail_at(path, rec.line, "fte", f, "is negative: an FTE is from 0 to 1");
                    if (p.fte > 1) fail_at(path, rec.line, "fte", f, "is above 1: an FTE is from 0 to 1");
                }
            }
            if (c_rate >= 0) {
                const std::string_view r = rec.fields[static_cast<std::size_t>(c_rate)];
                if (!trim(r).empty()) {
                    double x = 0;
                    if (!parse_number(r, x)) fail_at(path, rec.line, "rate", r, "is not a number");
                    if (x < 0) fail_at(path, rec.line, "rate", r, "is negative: a top-up is 0 or more");
                    if (x > kMaxMoney)
                        fail_at(path, rec.line, "rate", r, "is beyond any budget (over £10 billion)");
                    p.rate = x;
                }
            }
            if (p.band.empty() && !p.rate)
                fail_at(path, rec.line, "band", p.band, "is blank and the row has no rate: give one of them");
            auto [it, fresh] = first_line.emplace(p.id, rec.line);
            if (!fresh)
                fail_at(path, rec.line, "placement", id,
                        "is a duplicate: the same placement is on line " + std::to_string(it->second));
            out.rows.push_back(std::move(p));
        },
        text);
    return out;
}

}  // namespace

Placements load_placements(const std::string& path) { return read_placements(path, std::nullopt); }

Placements placements_from_text(std::string_view text, const std::string& name) {
    return read_placements(name, text);
}

}  // namespace fundsim::hn
