// Reading the IDACI cut-off file: a JSON object with a source and one rising rank cut-off per band a..f;
// unknown keys are refused.
#include "engine/ingest/idaci_bands.hpp"

#include "engine/core/error.hpp"

namespace fundsim {

IdaciBands parse_idaci_bands(const Json& doc, const std::string& file) {
    static const char* const kNames[6] = {"a", "b", "c", "d", "e", "f"};
    if (!doc.is_object())
        fail_json(file, "", "expected a JSON object with rank cut-offs a ... f and a source");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& k = it.key();
        bool known = k == "source" || k == "name" || k == "year" || k == "note" || k == "provisional";
        for (const char* n : kNames) known = known || k == n;
        if (!known)
            fail_json(
                file, "/" + k,
                "is not a known key: expected a, b, c, d, e, f (rank cut-offs), source, name, year, note, "
                "provisional");
    }
    IdaciBands b;
    b.file = file;
    if (!doc.contains("source") || !doc["source"].is_string() || doc["source"].get<std::string>().empty())
        fail_json(file, "/source", "is missing or blank: the file must say where its cut-offs come from");
    b.source = doc["source"].get<std::string>();
    for (const char* k : {"name", "year", "note"})
        if (doc.contains(k) && !doc[k].is_string())
            fail_json(file, std::string("/") + k, "is not text (a JSON string)");
    // The mark of each band's cut-off (✅ confirmed, ◐ reconstructed, ⚠ unverified) and what it rests on,
    // as the formulas' `provisional` lists do: {"b": "◐ reconstructed: 822-2,463", ...}.
    if (doc.contains("provisional")) {
        const Json& p = doc["provisional"];
        if (!p.is_object())
            fail_json(
                file, "/provisional",
                "is not an object: expected each band's mark and note, e.g. {\"b\": \"◐ reconstructed\"}");
        for (auto it = p.begin(); it != p.end(); ++it) {
            const std::string path = "/provisional/" + it.key();
            bool band = false;
            for (const char* n : kNames) band = band || it.key() == n;
            if (!band) fail_json(file, path, "is not a band: expected a, b, c, d, e or f");
            if (!it->is_string() || it->get<std::string>().empty())
                fail_json(file, path, "is not a mark and note: expected text such as \"◐ reconstructed\"");
        }
    }
    for (std::size_t i = 0; i < 6; ++i) {
        const std::string path = std::string("/") + kNames[i];
        if (!doc.contains(kNames[i]))
            fail_json(file, path, "is missing: every band a ... f needs a rank cut-off");
        const Json& v = doc[kNames[i]];
        if (!v.is_number_integer()) fail_json(file, path, "is not a whole number (an IDACI rank)");
        const std::int64_t c = v.get<std::int64_t>();
        if (c < 1) fail_json(file, path, "is below 1: ranks start at 1 (the most deprived LSOA)");
        if (i > 0 && c <= b.cutoff[i - 1])
            fail_json(file, path,
                      "is not above band " + std::string(kNames[i - 1]) + "'s cut-off (" +
                          std::to_string(b.cutoff[i - 1]) + "): cut-offs must rise from a to f");
        b.cutoff[i] = c;
    }
    return b;
}

IdaciBands load_idaci_bands(const std::string& path) { return parse_idaci_bands(read_json_file(path), path); }

}  // namespace fundsim
