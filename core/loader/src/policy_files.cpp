#include "policy_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "talent/utf8.hpp"

namespace talent {
namespace {

// Records duplicate keys, which a plain parse would silently merge.
class DuplicateKeyCheck : public nlohmann::json_sax<Json> {
 public:
  explicit DuplicateKeyCheck(std::string_view text) : text_(text) {}
  std::vector<std::pair<std::string, std::string>> problems;  // (JSON pointer, message)
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    open_.push_back({true, {}, 0, ""});
    return true;
  }
  bool key(string_t& k) override {
    Open& o = open_.back();
    o.last = k;
    if (!o.keys.insert(k).second) problems.emplace_back(pointer() , "duplicate key '" + k + "'");
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    open_.push_back({false, {}, 0, ""});
    return true;
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) override {
    problems.emplace_back("", "not valid JSON at " + position(at) + ": " + reason(e.what()));
    return false;
  }

 private:
  struct Open {
    bool object;
    std::set<std::string> keys;
    std::size_t items;  // arrays: elements seen
    std::string last;   // objects: the key being read
  };
  std::string_view text_;
  std::vector<Open> open_;

  // Line and column of the byte at which parsing stopped, the column in
  // characters (nlohmann counts bytes: three for each Chinese character).
  std::string position(std::size_t at) const {
    const std::string_view read = text_.substr(0, std::min(at, text_.size()));
    const std::size_t line_start = read.rfind('\n');
    const std::string_view line = line_start == std::string_view::npos ? read : read.substr(line_start + 1);
    std::size_t column = 0;
    for (std::size_t i = 0; i < line.size(); ++column) {
      char32_t cp = 0;
      const std::size_t n = utf8_decode(line, i, cp);
      i += n == 0 ? 1 : n;
    }
    const auto lines = static_cast<std::size_t>(std::count(read.begin(), read.end(), '\n')) + 1;
    return "line " + std::to_string(lines) + ", column " + std::to_string(column);
  }

  // nlohmann's words without its position (in bytes) and the bytes it last
  // read (which may end inside a character): "[json.exception.parse_error.101]
  // parse error at line 8, column 9: syntax error while parsing object -
  // unexpected string literal; expected '}'" gives "syntax error ... '}'".
  static std::string reason(std::string what) {
    const std::size_t at = what.find("parse error");
    const std::size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
    if (colon != std::string::npos) what.erase(0, colon + 2);
    const std::size_t last = what.find("; last read: '");
    if (last != std::string::npos) {
      const std::size_t end = what.find("'; ", last + 14);
      what.erase(last, end == std::string::npos ? std::string::npos : end + 1 - last);
    }
    return what;
  }

  std::string pointer() const {
    std::string p;
    for (const Open& o : open_) p += "/" + (o.object ? pointer_token(o.last) : std::to_string(o.items));
    return p;
  }
  bool value() {
    if (!open_.empty() && !open_.back().object) ++open_.back().items;
    return true;
  }
  bool close() {
    open_.pop_back();
    return value();
  }
};

}  // namespace

std::string without_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_decode(s, i, cp);
    if (n == 0) n = 1, cp = 0xFFFD;  // not UTF-8: kept as it is
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
                       cp == 0x3000 || cp == 0xA0;
    if (!space) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

namespace {

// Up to `n` characters of `s` from byte `from` (forwards) or before it
// (backwards), whole UTF-8 characters only.
std::string characters(std::string_view s, std::size_t from, std::size_t n, bool forwards) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    starts.push_back(i);
    const std::size_t len = utf8_decode(s, i, cp);
    i += len == 0 ? 1 : len;
  }
  starts.push_back(s.size());
  const auto at = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), from) - starts.begin());
  const std::size_t first = forwards ? at : (at > n ? at - n : 0);
  const std::size_t last = forwards ? std::min(at + n, starts.size() - 1) : at;
  std::string out;
  if (!forwards && first > 0) out += "…";
  out += s.substr(starts[first], starts[last] - starts[first]);
  if (forwards && last < starts.size() - 1) out += "…";
  return out;
}

// Where `text` parts from `document` (both without whitespace): the length
// in bytes of its longest start, on a character boundary, that the document
// holds somewhere.
std::size_t found_start(const std::string& document, const std::string& text) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = utf8_decode(text, i, cp);
    i += len == 0 ? 1 : len;
    ends.push_back(i);
  }
  std::size_t lo = 0, hi = ends.size();  // the first `lo` characters are found; `hi` + 1 are not
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (document.find(text.substr(0, ends[mid - 1])) != std::string::npos) lo = mid;
    else hi = mid - 1;
  }
  return lo == 0 ? 0 : ends[lo - 1];
}

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

std::optional<Json> parse_policy_json(std::string_view text, const std::string& file, LoadErrors& errors) {
  DuplicateKeyCheck check(text);
  Json::sax_parse(text, &check, nlohmann::detail::input_format_t::json, true);
  for (const auto& [path, message] : check.problems) errors.push_back({"pack.invalid_json", file, path, message});
  if (!check.problems.empty()) return std::nullopt;
  return Json::parse(text, nullptr, false);
}

void check_source(const Json& pack, const PolicySource& source, LoadErrors& errors) {
  if (!pack.is_object()) return;  // the pack loader says so
  const Json* named = member(pack, "source");
  if (named && named->is_string() && named->get<std::string>() == source.document_name) return;
  errors.push_back({"pack.invalid_value", source.folder + "/pack.json", "/source",
                    "must name the policy document, '" + source.document_name + "'"});
}

void check_clause_texts(const Json& clauses, const PolicySource& source, LoadErrors& errors) {
  if (!clauses.is_object()) return;  // the pack loader says so
  const std::string document = without_whitespace(source.document);
  for (auto it = clauses.begin(); it != clauses.end(); ++it) {
    const Json* zh = member(it.value(), "zh");
    if (!zh || !zh->is_string()) continue;  // the pack loader says so
    const std::string text = without_whitespace(zh->get_ref<const std::string&>());
    if (!text.empty() && document.find(text) != std::string::npos) continue;
    std::string message = "the zh text is not in " + source.document_name + " (whitespace aside)";
    if (const std::size_t found = text.empty() ? 0 : found_start(document, text); found > 0)
      message += ": it parts from the document after '" + characters(text, found, 10, false) + "', at '" +
                 characters(text, found, 10, true) + "'";
    else if (!text.empty())
      message += ": it parts from the document at its very start, '" + characters(text, 0, 10, true) + "'";
    else
      message += ": it is empty";
    errors.push_back({"pack.clause_text_mismatch", source.folder + "/clauses.json", "/" + pointer_token(it.key()), message});
  }
}

std::optional<PolicySource> read_policy_folder(const std::string& path, LoadErrors& errors) {
  namespace fs = std::filesystem;
  PolicySource source;
  source.folder = fs::path(path).filename().string();
  const std::string pack_file = source.folder + "/pack.json";
  if (!read_file(fs::path(path) / "pack.json", source.pack)) {
    errors.push_back({"pack.missing_file", pack_file, "", "cannot read " + (fs::path(path) / "pack.json").string()});
    return std::nullopt;
  }
  if (!read_file(fs::path(path) / "clauses.json", source.clauses)) {
    errors.push_back({"pack.missing_file", source.folder + "/clauses.json", "",
                      "cannot read " + (fs::path(path) / "clauses.json").string()});
    return std::nullopt;
  }
  // A pack that is not JSON says so (with the line), rather than seeming to
  // lack its "source".
  const std::optional<Json> pack = parse_policy_json(source.pack, pack_file, errors);
  if (!pack) return std::nullopt;
  const Json* named = member(*pack, "source");
  if (!named || !named->is_string() || named->get_ref<const std::string&>().empty() ||
      fs::path(named->get<std::string>()).filename() != fs::path(named->get<std::string>())) {
    errors.push_back({"pack.missing_key", pack_file, "/source",
                      "a pack names its policy document, a file in its own folder: \"source\": \"<file name>\""});
    return std::nullopt;
  }
  source.document_name = named->get<std::string>();
  if (!read_file(fs::path(path) / source.document_name, source.document)) {
    errors.push_back({"pack.missing_file", pack_file, "/source",
                      "the document '" + source.document_name + "' is not in " + path});
    return std::nullopt;
  }
  return source;
}

std::optional<LoadedEngine> load_policies(const std::string& root, LoadErrors& errors) {
  namespace fs = std::filesystem;
  std::string subjects;
  if (!read_file(fs::path(root) / "subjects.json", subjects)) {
    errors.push_back({"schema.missing_file", "subjects.json", "", "cannot read " + (fs::path(root) / "subjects.json").string()});
    return std::nullopt;
  }
  std::vector<std::string> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "pack.json")) folders.push_back(entry.path().string());
  std::sort(folders.begin(), folders.end());
  std::vector<PolicySource> sources;
  const std::size_t before = errors.size();
  for (const std::string& folder : folders)
    if (auto source = read_policy_folder(folder, errors)) sources.push_back(std::move(*source));
  if (errors.size() != before) return std::nullopt;
  return load_engine(subjects, sources, errors);
}

}  // namespace talent
