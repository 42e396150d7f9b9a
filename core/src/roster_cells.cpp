// Reading one cell of a roster (talent/roster.hpp): the words people type
// in a spreadsheet, as the JSON value of a profile field.
#include "roster_cells.hpp"

#include <algorithm>
#include <cmath>

#include "talent/json_writer.hpp"
#include "talent/utf8.hpp"

namespace talent::roster_cells {
namespace {

// Cell words for yes, no, unknown and "none" (an empty list).
const std::vector<std::string> kYes{"是", "有", "对", "√", "✓", "y", "yes", "true", "1"};
const std::vector<std::string> kNo{"否", "不是", "无", "没有", "×", "✗", "n", "no", "false", "0"};
const std::vector<std::string> kUnknown{"不确定", "不详", "未知", "?", "？", "unknown", "not sure"};
const std::vector<std::string> kNone{"无", "没有", "否", "none", "no", "0"};

}  // namespace

// Full-width forms (Ａ, １, ：) as ASCII and the ideographic space as a space,
// as Chinese input methods type them; then trimmed.
std::string normalise(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {  // ASCII: only trimmed
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(kSpace) - first + 1));
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8_decode(s, i, cp);
    if (n == 0) {  // not UTF-8: kept as it is (the engine will say)
      out += s[i++];
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF1B && cp != 0xFF0F) cp -= 0xFEE0;  // not ； and ／ (separators, kept)
    else if (cp == 0x3000 || cp == 0xA0) cp = ' ';
    utf8_append(out, cp);
    i += n;
  }
  const auto first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// ASCII letters compared without case; other bytes as they are.
static bool same_words(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

static bool one_of(const std::string& cell, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return same_words(cell, w); });
}

// Splits on any of `separators` (each a UTF-8 string); parts trimmed, empty
// parts dropped.
static std::vector<std::string> split(const std::string& s, const std::vector<std::string_view>& separators) {
  std::vector<std::string> parts;
  // Most cells hold one item: no byte that starts a separator, one part.
  if (std::none_of(s.begin(), s.end(), [&](char c) {
        return std::any_of(separators.begin(), separators.end(), [c](std::string_view sep) { return sep[0] == c; });
      })) {
    if (std::string part = normalise(s); !part.empty()) parts.push_back(std::move(part));
    return parts;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size();) {
    std::size_t hit = 0;
    if (i < s.size())
      for (std::string_view sep : separators)
        if (std::string_view(s).substr(i, sep.size()) == sep) {
          hit = sep.size();
          break;
        }
    if (i == s.size() || hit) {
      std::string part = normalise(std::string_view(s).substr(start, i - start));
      if (!part.empty()) parts.push_back(std::move(part));
      if (i == s.size()) break;
      i += hit;
      start = i;
    } else {
      ++i;
    }
  }
  return parts;
}

static const std::vector<std::string_view> kEntrySeparators{";", "；", "\n", "\r"};
static const std::vector<std::string_view> kItemSeparators{";", "；", "、", ",", "，", "\n", "\r"};
static const std::vector<std::string_view> kPartSeparators{"/", "／"};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// --- reading a cell -------------------------------------------------------

// A decimal number as people write it: "45", "45.0", "1,200", "45岁".
static std::optional<double> read_number(std::string s) {
  for (std::string_view unit : {"周岁", "岁", "年", "天", "元", "平方米", "m2", "㎡"})
    if (s.size() > unit.size() && s.compare(s.size() - unit.size(), unit.size(), unit) == 0) {
      s = normalise(s.substr(0, s.size() - unit.size()));
      break;
    }
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  double whole = 0, fraction = 0, scale = 1;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits = true;
      if (!dot) whole = whole * 10 + (c - '0');
      else if (scale < 1e17) fraction = fraction * 10 + (c - '0'), scale *= 10;  // past 17 digits a double holds no more
      if (whole > 1e300) return std::nullopt;  // not a number a field could hold (and no overflow to infinity)
    } else if (c == '.' && !dot) {
      dot = true;
    } else if (c == ',' && !dot) {  // thousands
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  const double x = whole + fraction / scale;
  return negative ? -x : x;
}

// "1978-05-03", "1978/5/3", "1978.5.3", "1978年5月3日", "19780503".
static std::optional<std::string> read_date(const std::string& s) {
  std::vector<int> parts;
  int n = 0, digits = 0;
  std::string rest;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool digit = i < s.size() && s[i] >= '0' && s[i] <= '9';
    if (digit) {
      n = n * 10 + (s[i] - '0');
      if (++digits > 8) return std::nullopt;
      continue;
    }
    if (digits) parts.push_back(n), n = 0, digits = 0;
    if (i == s.size()) break;
    // separators between the numbers, one character (of up to 3 bytes) each
    std::size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    const std::string_view sep = std::string_view(s).substr(i, len);
    if (sep != "-" && sep != "/" && sep != "." && sep != "年" && sep != "月" && sep != "日") return std::nullopt;
    i += len - 1;
  }
  if (parts.size() == 1 && s.size() == 8) parts = {parts[0] / 10000, parts[0] / 100 % 100, parts[0] % 100};
  if (parts.size() != 3 || parts[0] < 1000) return std::nullopt;
  const auto two = [](int x) { return std::string(x < 10 ? "0" : "") + decimal(x); };
  return decimal(parts[0]) + "-" + two(parts[1]) + "-" + two(parts[2]);
}

// The choice a cell names: its code, its words in either language, or a
// start of those words that fits one choice only.
static const RosterChoice* read_choice(const std::vector<RosterChoice>& choices, const std::string& cell, Lang lang,
                                CellError& error) {
  const std::string l = lower(cell);
  for (const auto& c : choices)
    if (same_words(c.value, cell) || c.zh_key == cell || c.en_key == l) return &c;
  // A start of the words ("博士" for 博士研究生), else a part of them
  // ("副主任" for 科室副主任), that fits one choice only.
  std::vector<const RosterChoice*> fits;
  for (const bool anywhere : {false, true}) {
    if (!fits.empty() || l.size() < 2) break;
    const auto has = [&](const std::string& words, const std::string& part, std::size_t least) {
      return part.size() >= least && (anywhere ? words.find(part) != std::string::npos : starts_with(words, part));
    };
    for (const auto& c : choices)
      if (has(c.zh_key, cell, 2) || has(c.en_key, l, anywhere ? 4 : 3)) fits.push_back(&c);
  }
  if (fits.size() == 1) return fits[0];
  std::vector<std::string> names;
  for (const auto* c : fits.empty() ? std::vector<const RosterChoice*>{} : fits) names.push_back(lang == Lang::En ? c->en : c->zh);
  if (fits.empty())
    for (const auto& c : choices) names.push_back(lang == Lang::En ? c.en : c.zh);
  error = {fits.empty() ? "bad_choice" : "ambiguous", cell, join(names, lang == Lang::En ? "; " : "；"), ""};
  return nullptr;
}

static std::optional<bool> read_boolean(const std::string& cell) {
  if (one_of(cell, kYes)) return true;
  if (one_of(cell, kNo)) return false;
  return std::nullopt;
}

// One entry of a list of records: its parts, each a choice of one of the
// entry's enum parts, a yes/no part named by its words ("二级及以上临床科室"
// or a start of them: true), "name=value", or 是/否 for the next yes/no part.
static bool read_entry(const RosterQuestion& q, const std::string& entry, int number, Lang lang, Datum& out, CellError& error);

// A cell as the JSON value of its question; nullopt for unknown (blank or
// "not sure"); false with `error` set when it cannot be read.
bool read_cell(const RosterQuestion& q, std::string_view raw, Lang lang, std::optional<Datum>& out, CellError& error) {
  out.reset();
  const std::string cell = normalise(raw);
  if (cell.empty() || one_of(cell, kUnknown)) return true;
  if (cell.size() > 4096) return error = {"too_long", "", "", ""}, false;
  if (q.type == "boolean") {
    const auto b = read_boolean(cell);
    if (!b) return error = {"bad_boolean", cell, "", ""}, false;
    out = Datum::of(*b);
  } else if (q.type == "integer" || q.type == "number") {
    const auto x = read_number(cell);
    if (!x) return error = {"bad_number", cell, "", ""}, false;
    if (q.type == "integer" && *x != std::floor(*x)) return error = {"not_whole", cell, "", ""}, false;
    out = Datum::of(*x);
  } else if (q.type == "date") {
    const auto d = read_date(cell);
    if (!d) return error = {"bad_date", cell, "", ""}, false;
    out = Datum::of(*d);
  } else if (q.type == "enum") {
    const RosterChoice* c = read_choice(q.choices, cell, lang, error);
    if (!c) return false;
    out = Datum::of(c->value);
  } else if (q.type == "text") {
    CellError ignored;
    const RosterChoice* c = q.choices.empty() ? nullptr : read_choice(q.choices, cell, lang, ignored);
    out = Datum::of(c ? c->value : cell);  // free text where no choice fits
  } else if (q.type == "list") {
    Datum list;
    list.kind = Datum::Kind::Array;
    if (one_of(cell, kNone)) return out = std::move(list), true;
    if (q.parts.empty()) {  // a list of choices (honours)
      for (const std::string& item : split(cell, kItemSeparators)) {
        const RosterChoice* c = read_choice(q.choices, item, lang, error);
        if (!c) return false;
        list.items.push_back(Datum::of(c->value));
      }
    } else {
      int number = 0;
      for (const std::string& entry : split(cell, kEntrySeparators)) {
        Datum item;
        if (!read_entry(q, entry, ++number, lang, item, error)) return false;
        list.items.push_back(std::move(item));
      }
    }
    out = std::move(list);
  } else {
    out = Datum::of(cell);
  }
  return true;
}

static bool read_entry(const RosterQuestion& q, const std::string& entry, int number, Lang lang, Datum& out, CellError& error) {
  out = Datum{};
  out.kind = Datum::Kind::Object;
  std::vector<bool> given(q.parts.size(), false);
  std::vector<std::optional<Datum>> values(q.parts.size());
  std::vector<std::string> part_names;
  for (const auto& p : q.parts) part_names.push_back(lang == Lang::En ? p.en : p.zh);
  const std::string parts_list = join(part_names, " / ");
  const auto fail = [&](const char* code, const std::string& value) {
    error = {code, value, parts_list, decimal(number)};
    return false;
  };
  const auto set = [&](std::size_t i, Datum d, const std::string& token) {
    if (given[i]) return fail("part_twice", token);
    given[i] = true;
    values[i] = std::move(d);
    return true;
  };
  for (const std::string& token : split(entry, kPartSeparators)) {
    // name=value
    if (const auto eq = token.find('='); eq != std::string::npos) {
      const std::string name = normalise(token.substr(0, eq)), value = normalise(token.substr(eq + 1));
      std::size_t i = 0;
      while (i < q.parts.size() && q.parts[i].field != name && q.parts[i].zh_key != name && q.parts[i].en_key != lower(name)) ++i;
      if (i == q.parts.size()) return fail("bad_part", token);
      std::optional<Datum> d;
      CellError inner;
      if (!read_cell(q.parts[i], value, lang, d, inner)) return fail("bad_part", token);
      if (d && !set(i, std::move(*d), token)) return false;
      continue;
    }
    // a choice of an enum part not given yet
    bool placed = false;
    for (std::size_t i = 0; i < q.parts.size() && !placed; ++i) {
      const RosterQuestion& p = q.parts[i];
      if (given[i] || p.type != "enum") continue;
      CellError ignored;
      if (const RosterChoice* c = read_choice(p.choices, token, lang, ignored)) {
        if (!set(i, Datum::of(c->value), token)) return false;
        placed = true;
      }
    }
    if (placed) continue;
    // a yes/no part named by its words: true
    std::vector<std::size_t> named;
    const std::string l = lower(token);
    for (std::size_t i = 0; i < q.parts.size(); ++i) {
      const RosterQuestion& p = q.parts[i];
      if (p.type == "boolean" && (p.field == token || starts_with(p.zh_key, token) || (l.size() >= 3 && starts_with(p.en_key, l))))
        named.push_back(i);
    }
    if (named.size() == 1 && token.size() >= 2) {
      if (!set(named[0], Datum::of(true), token)) return false;
      continue;
    }
    // 是/否: the next yes/no part in order
    if (const auto b = read_boolean(token)) {
      std::size_t i = 0;
      while (i < q.parts.size() && (given[i] || q.parts[i].type != "boolean")) ++i;
      if (i == q.parts.size()) return fail("bad_part", token);
      set(i, Datum::of(*b), token);
      continue;
    }
    return fail("bad_part", token);
  }
  for (std::size_t i = 0; i < q.parts.size(); ++i)
    if (values[i]) out.members.emplace_back(q.parts[i].field, std::move(*values[i]));
  return true;
}

// Puts `value` at the dotted `path` of the object `root`.
void put(Datum& root, std::string_view path, Datum value) {
  Datum* at = &root;
  while (true) {
    const auto dot = path.find('.');
    const std::string key(path.substr(0, dot));
    Datum* next = nullptr;
    for (auto& [k, v] : at->members)
      if (k == key) next = &v;
    if (dot == std::string_view::npos) {
      if (next) *next = std::move(value);
      else at->members.emplace_back(key, std::move(value));
      return;
    }
    if (!next) {
      Datum object;
      object.kind = Datum::Kind::Object;
      at->members.emplace_back(key, std::move(object));
      next = &at->members.back().second;
    }
    at = next;
    path.remove_prefix(dot + 1);
  }
}

}  // namespace talent::roster_cells
