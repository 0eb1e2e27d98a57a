// The record reader: a sink of the cell reader (csv_cell_reader.hpp) that gathers one record's cells
// back to back and hands the record to a callback; the header lookup; CSV quoting for writers.
#include "engine/io/csv_reader.hpp"

#include "engine/core/error.hpp"
#include "engine/io/csv_cell_reader.hpp"

namespace fundsim {

namespace {

// One record at a time: the cells' bytes in one buffer and the end of each, reused for every record.
struct RecordSink {
    const std::function<void(const CsvRecord&)>* on_record = nullptr;
    std::string buffer;
    std::vector<std::size_t> ends;
    CsvRecord record;

    void cell(std::size_t, std::string_view v) {
        buffer.append(v);
        ends.push_back(buffer.size());
    }
    void end(std::int64_t line, std::size_t) {
        record.line = line;
        record.fields.clear();
        std::size_t start = 0;
        for (std::size_t e : ends) {
            record.fields.emplace_back(buffer.data() + start, e - start);
            start = e;
        }
        (*on_record)(record);
        buffer.clear();
        ends.clear();
    }
};

}  // namespace

void read_csv_file(const std::string& path, const std::function<void(const CsvRecord&)>& on_record,
                   const CsvLimits& limits) {
    RecordSink sink;
    sink.on_record = &on_record;
    CsvCellReader<RecordSink>(path, sink, limits).read_file();
}

void read_csv_buffer(std::string_view data, const std::string& name,
                     const std::function<void(const CsvRecord&)>& on_record, const CsvLimits& limits) {
    RecordSink sink;
    sink.on_record = &on_record;
    CsvCellReader<RecordSink>(name, sink, limits).read_buffer(data);
}

std::string ragged_row_detail(std::size_t fields, std::size_t header_fields) {
    return "has " + std::to_string(fields) + " fields but the header has " + std::to_string(header_fields) +
           " (a ragged row)";
}

void fail_empty_table(const std::string& file, const CsvTableWords& words) {
    fail_line(file, 1, "is empty: expected " + words.header + " and one row per " + words.row);
}

void fail_no_rows(const std::string& file, std::int64_t header_line, const CsvTableWords& words) {
    fail_line(file, header_line + 1,
              "has a header (line " + std::to_string(header_line) + ") but no " + words.rows +
                  ": expected one row per " + words.row + " after it");
}

namespace {
// read_csv_table over a record source: `read` calls its argument for every record of `name`.
void read_table(const std::string& name, const CsvTableWords& words,
                const std::function<void(const std::function<void(const CsvRecord&)>&)>& read,
                const std::function<void(const CsvHeader&, const CsvRecord&)>& on_header,
                const std::function<void(const CsvRecord&)>& on_row) {
    CsvHeader header;
    bool have_header = false;
    std::int64_t header_line = 0, rows = 0;
    read([&](const CsvRecord& rec) {
        if (!have_header) {
            header = CsvHeader(rec, name);
            have_header = true;
            header_line = rec.line;
            on_header(header, rec);
            return;
        }
        if (rec.fields.size() != header.size())
            fail_line(name, rec.line, ragged_row_detail(rec.fields.size(), header.size()));
        on_row(rec);
        ++rows;
    });
    if (!have_header) fail_empty_table(name, words);
    if (rows == 0) fail_no_rows(name, header_line, words);
}
}  // namespace

void read_csv_table(const std::string& path, const CsvTableWords& words,
                    const std::function<void(const CsvHeader&, const CsvRecord&)>& on_header,
                    const std::function<void(const CsvRecord&)>& on_row,
                    std::optional<std::string_view> data) {
    read_table(
        path, words,
        [&](const std::function<void(const CsvRecord&)>& f) {
            if (data)
                read_csv_buffer(*data, path, f);
            else
                read_csv_file(path, f);
        },
        on_header, on_row);
}

namespace {
std::string trimmed(std::string_view v) {
    std::size_t a = 0, b = v.size();
    while (a < b && (v[a] == ' ' || v[a] == '\t')) ++a;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t')) --b;
    return std::string(v.substr(a, b - a));
}
}  // namespace

CsvHeader::CsvHeader(const CsvRecord& header, const std::string& file) : file_(file) {
    names_.reserve(header.fields.size());
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string n = trimmed(header.fields[i]);
        if (n.empty()) fail_at(file, header.line, "#" + std::to_string(i + 1), n, "is a blank column name");
        for (const auto& prev : names_)
            if (prev == n) fail_at(file, header.line, n, n, "appears twice in the header");
        names_.push_back(std::move(n));
    }
}

int CsvHeader::find(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<int>(i);
    return -1;
}

int CsvHeader::require(std::string_view name, const std::string& why) const {
    int i = find(name);
    if (i < 0)
        fail_column(file_, 1, std::string(name),
                    "is missing from the header" + (why.empty() ? std::string() : " (" + why + ")"));
    return i;
}

std::string csv_quote(std::string_view cell) {
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace fundsim
