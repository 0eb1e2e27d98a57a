// Streaming CSV reading on fundsim's CSV loop (RFC 4180 quoting, LF, CR or CRLF, a UTF-8 BOM accepted):
// hands each record to a callback with the line it starts on, never holding more than one record.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fundsim {

struct CsvLimits {
    std::size_t max_field_bytes = 1 << 20;   // one cell
    std::size_t max_record_bytes = 8 << 20;  // one record (a 10 MB line is refused)
    std::size_t max_fields = 10000;          // columns in one record
    unsigned char delimiter = ',';           // field separator ('\t' for TAB-separated exports)
};

struct CsvRecord {
    std::int64_t line = 0;                 // line the record starts on (1-based)
    std::vector<std::string_view> fields;  // valid only during the callback
};

// A cell as written to a CSV file: quoted (inner quotes doubled) only when it holds a comma, a quote or
// a line break, so that the readers above give back the same text.
std::string csv_quote(std::string_view cell);

// Reads `path` and calls `on_record` for every non-blank record (the header included), through the
// cell reader of csv_cell_reader.hpp. Throws InputError naming file and line for unreadable files, NUL
// bytes, text that is not UTF-8 (quoting the text before the bad byte), bad quoting and the limits above.
// An exception thrown by `on_record` stops the read and is passed on unchanged.
void read_csv_file(const std::string& path, const std::function<void(const CsvRecord&)>& on_record,
                   const CsvLimits& limits = {});

// The same over bytes already in memory; `name` is used in messages.
void read_csv_buffer(std::string_view data, const std::string& name,
                     const std::function<void(const CsvRecord&)>& on_record, const CsvLimits& limits = {});

// "has N fields but the header has M (a ragged row)": a record whose field count is not the header's.
std::string ragged_row_detail(std::size_t fields, std::size_t header_fields);

// What a table file holds, for the refusals of a file without it: `header` as in "expected <header> and
// one row per <row>" ("a header row", "a header lsoa,idaci_rank"), `row` and `rows` ("school", "schools").
struct CsvTableWords {
    std::string header, row, rows;
};
// "file:1: is empty: expected <header> and one row per <row>".
[[noreturn]] void fail_empty_table(const std::string& file, const CsvTableWords& words);
// "file:L+1: has a header (line L) but no <rows>: expected one row per <row> after it".
[[noreturn]] void fail_no_rows(const std::string& file, std::int64_t header_line, const CsvTableWords& words);

class CsvHeader;
// Reads a table file: a header record, then rows with as many fields as the header. `on_header` gets the
// header (to look its columns up), `on_row` each row. Refuses, naming the file and the line, a ragged row,
// an empty file and a header with no rows, besides everything read_csv_file refuses. Given `data`, reads
// those bytes instead of the file (a table made but not yet written), naming them `path` in messages.
void read_csv_table(const std::string& path, const CsvTableWords& words,
                    const std::function<void(const CsvHeader&, const CsvRecord&)>& on_header,
                    const std::function<void(const CsvRecord&)>& on_row,
                    std::optional<std::string_view> data = std::nullopt);

// Column lookup for a header record: exact names after trimming; duplicates and blanks are errors.
class CsvHeader {
  public:
    CsvHeader() = default;
    CsvHeader(const CsvRecord& header, const std::string& file);
    // Index of `name`, or -1 if the file has no such column.
    int find(std::string_view name) const;
    // Index of `name`; throws InputError "missing column" naming the file if absent.
    int require(std::string_view name, const std::string& why = "") const;
    const std::vector<std::string>& names() const { return names_; }
    std::size_t size() const { return names_.size(); }
    const std::string& file() const { return file_; }

  private:
    std::vector<std::string> names_;
    std::string file_;
};

}  // namespace fundsim
