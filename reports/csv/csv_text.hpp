// A text cell of a CSV file fundsim writes, made safe to open in a spreadsheet (CSV injection, OWASP):
// one function that every CSV writer passes its text cells through.
#pragma once

#include <string>
#include <string_view>

namespace fundsim {

// True when a spreadsheet would read `cell` as a formula: it begins with = + - @, a tab or a carriage
// return, and it is not a plain number ("-12.50", "+3", "-1e-05" are numbers and stay as they are).
bool csv_text_is_formula(std::string_view cell);

// The cell as it goes into the file: a single quote put before a cell that csv_text_is_formula (so that
// Excel, LibreOffice and Google Sheets show "=HYPERLINK(...)" as the text it is, never run it), then
// quoted as CSV requires (csv_quote: RFC 4180, only when the cell holds a comma, quote or line end).
std::string csv_text(std::string_view cell);

}  // namespace fundsim
