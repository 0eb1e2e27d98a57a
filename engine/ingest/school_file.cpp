// Reading the school attribute file as a CSV table: the key columns checked, every cell kept as text.
#include "engine/ingest/school_file.hpp"

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::ingest_detail {

SchoolTable load_school_table(const std::string& path, const std::vector<std::string>& computed) {
    SchoolTable t;
    std::size_t ui = 0, pi = 0, si = 0;
    read_csv_table(
        path, {"a header row", "school", "schools"},
        [&](const CsvHeader& h, const CsvRecord& rec) {
            ui = static_cast<std::size_t>(h.require("urn", "the key joined to the pupil file"));
            pi = static_cast<std::size_t>(h.require("phase", "every census needs it"));
            si = static_cast<std::size_t>(h.require("status", "every census needs it"));
            for (const auto& c : computed)
                if (h.find(c) >= 0)
                    fail_column(path, rec.line, c,
                                "is counted from the pupil file by ingest: remove it from the school file");
            t.columns = h.names();
        },
        [&](const CsvRecord& rec) {
            const std::string_view u = rec.fields[ui];
            std::int64_t urn = 0;
            if (!parse_integer(u, urn) || urn <= 0)
                fail_at(path, rec.line, "urn", u, "is not a positive whole number");
            const auto row = static_cast<std::int32_t>(t.urn.size());
            auto [it, fresh] = t.index.emplace(urn, row);
            if (!fresh)
                fail_at(path, rec.line, "urn", u,
                        "is a duplicate: the same URN is on line " +
                            std::to_string(t.line[static_cast<std::size_t>(it->second)]));
            Phase ph;
            Status st;
            if (!parse_phase(rec.fields[pi], ph))
                fail_at(path, rec.line, "phase", rec.fields[pi],
                        "is not a phase: expected primary, secondary, middle or all_through");
            if (!parse_status(rec.fields[si], st))
                fail_at(path, rec.line, "status", rec.fields[si],
                        "is not a status: expected maintained or academy");
            t.urn.push_back(urn);
            t.line.push_back(rec.line);
            for (auto f : rec.fields) {
                t.text.append(f);
                if (t.text.size() > 0xFFFFFFFFu)
                    fail(path + ": the school file is implausibly large (over 4 GB)");
                t.ends.push_back(static_cast<std::uint32_t>(t.text.size()));
            }
        });
    return t;
}

}  // namespace fundsim::ingest_detail
