// CSV as spreadsheets write it (RFC 4180): fields separated by commas,
// quoted with '"' when they hold a comma, a quote or a line break, a quote
// in a quoted field doubled; lines end in CRLF or LF. A UTF-8 byte order
// mark before the first field is not part of it.
#pragma once
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace talent {

// Reads one record at a time from a stream, so a file of any length is read
// in constant memory (a record may span lines inside quotes).
class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}
  // The next record's fields; false at the end of the input. A quote that is
  // never closed ends the record at the end of the input (malformed() says so).
  bool next(std::vector<std::string>& fields);
  // The record just read had a stray or unclosed quote.
  bool malformed() const { return malformed_; }

 private:
  std::istream& in_;
  bool started_ = false;
  bool malformed_ = false;
};

// All the records of a text (tests, small inputs).
std::vector<std::vector<std::string>> read_csv(std::string_view text);

// One record as a line, CRLF-terminated; a field is quoted only when it must
// be. A field that starts with = + - @, a tab or a carriage return is written
// with an apostrophe before it, so that no spreadsheet runs it as a formula.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace talent
