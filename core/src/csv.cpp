#include "talent/csv.hpp"

#include <sstream>
#include <string_view>

namespace talent {

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  malformed_ = false;
  std::streambuf* buf = in_.rdbuf();
  if (!started_) {
    started_ = true;
    // The UTF-8 byte order mark Excel writes ("CSV UTF-8").
    if (buf->sgetc() == 0xEF) {
      const char bom[] = "\xEF\xBB\xBF";
      std::string head;
      for (int i = 0; i < 3 && buf->sgetc() == static_cast<unsigned char>(bom[i]); ++i) head += static_cast<char>(buf->sbumpc());
      if (head.size() != 3) fields.emplace_back(head);  // not a mark: the bytes are data
    }
  }
  using traits = std::char_traits<char>;
  int c = buf->sgetc();
  if (c == traits::eof() && fields.empty()) return false;
  std::string field = fields.empty() ? std::string() : std::move(fields.back());
  if (!fields.empty()) fields.pop_back();
  bool quoted = false, was_quoted = false;
  while (true) {
    c = buf->sbumpc();
    if (c == traits::eof()) {
      if (quoted) malformed_ = true;
      fields.push_back(std::move(field));
      return true;
    }
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch != '"') {
        field += ch;
      } else if (buf->sgetc() == '"') {
        buf->sbumpc();
        field += '"';
      } else {
        quoted = false;
      }
      continue;
    }
    if (ch == '"') {
      if (field.empty() && !was_quoted) quoted = was_quoted = true;
      else {  // a quote inside an unquoted field: kept, and said
        malformed_ = true;
        field += ch;
      }
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && buf->sgetc() == '\n') buf->sbumpc();
      fields.push_back(std::move(field));
      return true;
    } else {
      if (was_quoted) malformed_ = true;  // text after the closing quote
      field += ch;
    }
  }
}

std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.next(fields)) out.push_back(fields);
  return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    // A spreadsheet program runs a cell that starts with one of these as a
    // formula (CSV injection): a staff ID or a cell echoed in an error could
    // be one. The apostrophe makes it text, and shows as nothing in Excel,
    // WPS and LibreOffice.
    const bool formula_like = !f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos;
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      if (formula_like) out += '\'';
      out += f;
      continue;
    }
    out += '"';
    if (formula_like) out += '\'';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace talent
