// The roster for JavaScript (talent/roster.hpp: roster_template,
// roster_check): JSON out, and a batch of rows in as plain text.
#include "talent/roster.hpp"

#include "talent/json_writer.hpp"
#include "talent/subject.hpp"

namespace talent {

// --- JSON, for the roster view --------------------------------------------

namespace {

void write_problem(JsonWriter& w, const RosterProblem& p) {
  w.begin_object();
  w.key("row");
  w.number(p.row);
  w.key("column");
  w.number(p.column);
  w.key("header");
  w.string(p.header);
  w.key("field");
  w.string(p.field);
  w.key("code");
  w.string(p.code);
  w.key("message");
  w.string(p.message);
  w.end_object();
}

std::string roster_error(const char* code, const char* text) {
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.string("talent-roster/1");
  w.key("errors");
  w.begin_array();
  w.begin_object();
  w.key("code");
  w.string(code);
  w.key("message");
  w.string(text);
  w.end_object();
  w.end_array();
  w.end_object();
  return w.take();
}

const Roster* builtin_roster() {
  static const Roster* roster = builtin_engine() ? new Roster(*builtin_engine()) : nullptr;
  return roster;
}

// Text cells from a JSON array of strings (numbers taken as written);
// false if it is anything else.
bool cells_of(const Datum* d, std::vector<std::string>& out) {
  out.clear();
  if (!d || d->kind != Datum::Kind::Array) return false;
  for (const Datum& c : d->items) {
    if (c.kind == Datum::Kind::Text) out.push_back(c.text);
    else if (c.kind == Datum::Kind::Null) out.emplace_back();
    else if (c.is_number()) {
      std::string n;
      write_number(n, c.number);
      out.push_back(n);
    } else return false;
  }
  return true;
}

const std::string* text_member(const Datum& d, std::string_view key) {
  const Datum* m = d.find(key);
  return m && m->kind == Datum::Kind::Text ? &m->text : nullptr;
}

// The next row of the batch: its number and its cells (views into `rows`).
bool next_row(std::string_view& rows, int& number, std::vector<std::string_view>& cells) {
  while (!rows.empty()) {
    const auto end = rows.find(kRosterRowSeparator);
    std::string_view row = rows.substr(0, end);
    rows.remove_prefix(end == std::string_view::npos ? rows.size() : end + 1);
    const auto first = row.find(kRosterCellSeparator);
    const std::string_view digits = row.substr(0, first);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
    number = 0;
    for (char c : digits) number = number * 10 + (c - '0');
    cells.clear();
    if (first != std::string_view::npos)
      for (std::string_view rest = row.substr(first + 1);;) {
        const auto sep = rest.find(kRosterCellSeparator);
        cells.push_back(rest.substr(0, sep));
        if (sep == std::string_view::npos) break;
        rest.remove_prefix(sep + 1);
      }
    return true;
  }
  return false;
}

}  // namespace

std::string roster_template(std::string_view lang) {
  const Roster* roster = builtin_roster();
  return roster ? roster->template_csv(lang_of(lang)) : std::string();
}

std::string roster_check(std::string_view request, std::string_view rows) {
  const Roster* roster = builtin_roster();
  if (!roster) return roster_error("engine_unavailable", "the built-in policy image did not load");
  if (request.size() > kMaxInputBytes) return roster_error("too_large", "the request is larger than the input limit");
  Datum in;
  if (!parse_datum(request, in) || !in.is_object()) return roster_error("invalid_json", "the request is not a JSON object");
  const std::string* lang_name = text_member(in, "lang");
  const Lang lang = lang_of(lang_name ? *lang_name : std::string());
  std::vector<std::string> header;
  if (!cells_of(in.find("header"), header)) return roster_error("invalid_type", "header must be an array of strings");
  const Roster::Layout layout = roster->read_header(std::vector<std::string_view>(header.begin(), header.end()), lang);

  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.string("talent-roster/1");
  w.key("columns");
  w.begin_array();
  const auto keys = roster->result_keys();
  const auto labels = roster->result_header(lang);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    w.begin_object();
    w.key("key");
    w.string(keys[i]);
    w.key("label");
    w.string(labels[i]);
    w.end_object();
  }
  w.end_array();
  w.key("problems");
  w.begin_array();
  for (const RosterProblem& p : layout.problems) write_problem(w, p);
  w.end_array();
  w.key("fatal");
  w.boolean(layout.fatal);
  w.key("rows");
  w.begin_array();
  RosterResultRow result;
  std::vector<std::string_view> cells;
  int number = 0;
  if (layout.fatal) rows = {};
  while (next_row(rows, number, cells)) {
    if (Roster::skipped(cells)) continue;
    roster->check_row(layout, number, cells, lang, result);
    w.begin_object();
    w.key("row");
    w.number(result.row);
    w.key("id");
    w.string(result.id);
    w.key("name");
    w.string(result.name);
    // The profile as JSON text in a string: the page parses it only for
    // the rows it opens, and a string crosses from a worker far faster
    // than the object would.
    w.key("profile");
    if (result.profile.empty()) w.null();
    else w.string(result.profile);
    w.key("outcomes");
    w.begin_object();
    if (result.assessment)
      for (const OutcomeAnswer& o : result.assessment->outcomes) {
        if (!roster->is_programme(o.outcome->id)) continue;
        w.key(o.outcome->id);
        w.begin_object();
        w.key("status");
        w.string(status_name(o.truth));
        w.key("value");
        if (o.value.empty()) w.null();
        else w.string(o.value);
        w.end_object();
      }
    w.end_object();
    w.key("cells");
    w.begin_array();
    for (const std::string& c : result.cells) w.string(c);
    w.end_array();
    w.key("errors");
    w.begin_array();
    for (const RosterProblem& p : result.errors) write_problem(w, p);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace talent
