// The roster (talent/roster.hpp): its questions and programmes from the
// engine's describe(), the template, the header, and each row read,
// evaluated and written as a result row.
#include "talent/roster.hpp"

#include <algorithm>

#include "roster_cells.hpp"
#include "talent/csv.hpp"
#include "talent/json_writer.hpp"

namespace talent {
namespace {

using roster_cells::normalise;
using roster_cells::lower;
using roster_cells::starts_with;
using roster_cells::join;

// --- the roster's own words --------------------------------------------------
// The table's vocabulary (not policy: the policies' words come from describe()).

struct Words {
  const char* zh;
  const char* en;
  const char* in(Lang l) const { return l == Lang::En ? en : zh; }
};

constexpr Words kRow{"行", "Row"}, kStaffId{"工号", "Staff ID"}, kName{"姓名", "Name"},
    kProblems{"问题数", "Problems"}, kCategorySuffix{"（所得类别）", " (the one reached)"},
    kAmountSuffix{"：金额（元）", ": amount (CNY)"}, kColumn{"列", "Column"}, kHeader{"列名", "Header"},
    kWhat{"问题", "What is wrong"};

// The page's words for the four statuses (a test holds them to site/text/ui.json).
Words status_words(Truth t) {
  switch (t) {
    case Truth::Met: return {"符合", "Eligible"};
    case Truth::Unmet: return {"不符合", "Not eligible"};
    case Truth::Review: return {"需主管部门认定", "For the deciding body to judge"};
    default: return {"待补充信息", "More information needed"};
  }
}

// {value} and {choices} in a message.
std::string fill_in(std::string text, const std::string& key, const std::string& value) {
  const std::string mark = "{" + key + "}";
  for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
    text.replace(at, mark.size(), value);
  return text;
}

struct Message {
  const char* code;
  Words words;
};
// What is wrong with a cell (the roster's reading) or with a value (the
// engine's input codes, contract section 5).
constexpr Message kMessages[] = {
    {"bad_number", {"“{value}”不是数字。", "\"{value}\" is not a number."}},
    {"not_whole", {"“{value}”应为整数。", "\"{value}\" should be a whole number."}},
    {"bad_date", {"“{value}”不是日期（年-月-日，如 1978-05-03）。", "\"{value}\" is not a date (year-month-day, e.g. 1978-05-03)."}},
    {"bad_boolean", {"“{value}”应填 是、否，或留空表示不确定。", "\"{value}\" should be yes or no, or blank for not sure."}},
    {"bad_choice", {"“{value}”不是可选的值。可填：{choices}。", "\"{value}\" is not one of the choices: {choices}."}},
    {"ambiguous", {"“{value}”可指多项：{choices}，请写得更完整。", "\"{value}\" could be several: {choices}; please write more of it."}},
    {"bad_part", {"第{entry}条中的“{value}”无法识别。可填：{choices}。", "In entry {entry}, \"{value}\" is not understood. Parts: {choices}."}},
    {"part_twice", {"第{entry}条中“{value}”重复填写。", "In entry {entry}, \"{value}\" is given twice."}},
    {"too_long", {"内容过长。", "Too long."}},
    {"out_of_range", {"“{value}”超出允许范围（{choices}）。", "\"{value}\" is outside the allowed range ({choices})."}},
    {"too_many", {"条目太多：最多 {choices} 条。", "Too many entries: at most {choices}."}},
    {"unknown_value", {"“{value}”不是可选的值。", "\"{value}\" is not one of the choices."}},
    {"invalid_date", {"“{value}”不是有效日期。", "\"{value}\" is not a valid date."}},
    {"invalid_type", {"“{value}”格式不对。", "\"{value}\" has the wrong form."}},
    {"unknown_column", {"此列不是模板中的问题，已忽略。", "Not a question of the template: ignored."}},
    {"column_twice", {"此问题已在第{value}列出现，本列已忽略。", "This question is already in column {value}: this one is ignored."}},
    {"no_questions", {"没有一列是模板中的问题：请使用自查模板（第一行为列名）。",
                      "No column is a question of the template: please use the self-check template (column names in the first row)."}},
    {"other", {"输入有误：{value}", "Not accepted: {value}"}},
};

std::string message(std::string_view code, Lang lang, const std::string& value = "", const std::string& choices = "",
                    const std::string& entry = "") {
  for (const Message& m : kMessages)
    if (code == m.code) return fill_in(fill_in(fill_in(m.words.in(lang), "value", value), "choices", choices), "entry", entry);
  return fill_in(kMessages[std::size(kMessages) - 1].words.in(lang), "value", value);
}

// --- describe() as questions and programmes ------------------------------

std::string text_of(const Datum* d) { return d && d->kind == Datum::Kind::Text ? d->text : std::string(); }

RosterQuestion question_of(const Datum& q) {
  RosterQuestion out;
  out.field = text_of(q.find("field"));
  out.type = text_of(q.find("type"));
  if (const Datum* label = q.find("label")) out.zh = text_of(label->find("zh")), out.en = text_of(label->find("en"));
  if (const Datum* min = q.find("min"); min && min->is_number()) out.min = min->number;
  if (const Datum* max = q.find("max"); max && max->is_number()) out.max = max->number;
  if (const Datum* n = q.find("max_items"); n && n->is_number()) out.max_items = static_cast<std::size_t>(n->number);
  const Datum* options = q.find("options");
  if (const Datum* values = q.find("values"))
    for (const Datum& v : values->items) {
      RosterChoice c{v.text, v.text, v.text, {}, {}};
      if (const Datum* o = options ? options->find(v.text) : nullptr) c.zh = text_of(o->find("zh")), c.en = text_of(o->find("en"));
      out.choices.push_back(std::move(c));
    }
  else if (options)  // a text question's suggestions
    for (const auto& [value, o] : options->members) out.choices.push_back({value, text_of(o.find("zh")), text_of(o.find("en")), {}, {}});
  if (const Datum* fields = q.find("fields"))
    for (const Datum& f : fields->items) out.parts.push_back(question_of(f));
  // A cell is normalised before it is compared (full-width forms as ASCII):
  // so are the words it is compared with.
  const auto keys = [](auto& words) {
    words.zh_key = normalise(words.zh);
    words.en_key = lower(normalise(words.en));
  };
  keys(out);
  for (auto& c : out.choices) keys(c);
  return out;
}

std::string header_of(const RosterQuestion& q) { return q.zh + " / " + q.en + " [" + q.field + "]"; }

// What a guide row says a column takes.
std::string guide_of(const RosterQuestion& q, Lang lang) {
  const bool en = lang == Lang::En;
  const auto names = [&](const std::vector<RosterChoice>& choices) {
    std::vector<std::string> out;
    for (const auto& c : choices) out.push_back(en ? c.en : c.zh);
    return join(out, en ? " | " : " | ");
  };
  const auto range = [&]() {
    std::string out;
    if (q.min) write_number(out, *q.min);
    out += "–";
    if (q.max) write_number(out, *q.max);
    return out;
  };
  if (q.type == "boolean") return en ? "yes / no (blank: not sure)" : "是 / 否（留空：不确定）";
  if (q.type == "integer") return (en ? "whole number " : "整数 ") + range();
  if (q.type == "number") return (en ? "number " : "数字 ") + range();
  if (q.type == "date") return en ? "date, e.g. 1978-05-03" : "日期，如 1978-05-03";
  if (q.type == "enum" || q.type == "text") return names(q.choices);
  if (q.type == "list" && q.parts.empty())
    return (en ? "any of, separated by ; : " : "可多选，用；分隔：") + names(q.choices) + (en ? " (none: none)" : "（没有：无）");
  if (q.type == "list") {
    std::vector<std::string> parts;
    for (const auto& p : q.parts) parts.push_back(p.type == "boolean" ? (en ? "[" + p.en + "]" : "[" + p.zh + "]") : names(p.choices));
    return (en ? "entries separated by ; each as parts separated by / : " : "多条用；分隔，每条各部分用 / 分隔：") +
           join(parts, " / ") + (en ? " ([…]: write it if it applies; none: none)" : "（[…]：适用时写上；没有：无）");
  }
  return {};
}

}  // namespace

Lang lang_of(std::string_view name) { return name == "en" ? Lang::En : Lang::Zh; }

Roster::Roster(const Engine& engine) : engine_(engine) {
  Datum described;
  if (!parse_datum(engine.parts().describe_json, described)) return;
  if (const Datum* qs = described.find("questions"))
    for (const Datum& q : qs->items) questions_.push_back(question_of(q));
  std::vector<Programme> all;
  if (const Datum* policies = described.find("policies"))
    for (const Datum& p : policies->items)
      if (const Datum* outcomes = p.find("outcomes"))
        for (const Datum& o : outcomes->items) {
          Programme programme;
          programme.id = text_of(o.find("id"));
          if (const Datum* label = o.find("label")) programme.zh = text_of(label->find("zh")), programme.en = text_of(label->find("en"));
          all.push_back(std::move(programme));
        }
  // Only the outcomes about a profile (not team checks); the parts of an
  // aggregate ("fcg.category.A" of "fcg.category") are said by its value.
  const auto about_profile = [&](Programme& p) -> const Outcome* {
    std::size_t position = 0;
    for (const PolicyPack& pack : engine.packs())
      for (const Outcome& o : pack.outcomes) {
        if (o.id == p.id) return p.position = position, &o;
        ++position;
      }
    return nullptr;
  };
  for (Programme& p : all) {
    const Outcome* outcome = about_profile(p);
    if (!outcome) continue;
    bool is_part = false;
    for (const Programme& other : all) {
      if (other.id.size() < p.id.size() && starts_with(p.id, other.id + ".")) is_part = true;
      if (other.id.size() > p.id.size() && starts_with(other.id, p.id + ".")) p.has_parts = true;
    }
    if (is_part) continue;
    for (const Benefit& b : outcome->benefits) {
      const bool has_amount = std::any_of(b.fields.begin(), b.fields.end(), [](const auto& f) {
        return f.first == "amount" || f.first == "amount_min" || f.first == "amount_max";
      });
      if (has_amount) {
        p.amount_benefit = b.id;
        break;
      }
    }
    programmes_.push_back(std::move(p));
  }
}

std::string Roster::template_csv(Lang lang) const {
  std::string out;
  std::vector<std::string> header{std::string(kStaffId.zh) + " / " + kStaffId.en + " [id]",
                                  std::string(kName.zh) + " / " + kName.en + " [name]"};
  // The day of the check is not a doctor's answer: a column the template
  // leaves out (today), which a file may add to check as of another day.
  const auto in_template = [](const RosterQuestion& q) { return q.field != "as_of"; };
  for (const auto& q : questions_)
    if (in_template(q)) header.push_back(header_of(q));
  append_csv_record(out, header);
  const bool en = lang == Lang::En;
  std::vector<std::string> guide{en ? "# Guide (rows starting with # are not read): one doctor per row; a blank cell means not sure"
                                    : "# 填写说明（以 # 开头的行不会被读取）：每行一位医生；留空表示不确定",
                                 en ? "name (optional)" : "姓名（可不填）"};
  for (const auto& q : questions_)
    if (in_template(q)) guide.push_back(guide_of(q, lang));
  append_csv_record(out, guide);
  // The example: a C-category deputy director (a comment: delete or keep it),
  // by value codes; each cell is written in the template's words.
  const std::vector<std::pair<std::string, std::string>> example{
      {"age", "48"}, {"retired", "false"}, {"city", "other"}, {"conduct_ok", "true"}, {"healthy", "true"},
      {"physician", "true"}, {"education.level", "doctorate"}, {"education.full_time", "true"}, {"title", "senior"},
      {"phd_supervisor", "true"}, {"hospital_grade", "tertiary_a"}, {"honors", ""}, {"society_roles", ""},
      {"posts", "nhc/deputy_director/second_level"}};
  const auto choice = [&](const std::vector<RosterChoice>& choices, const std::string& code) -> std::string {
    for (const auto& c : choices)
      if (c.value == code) return en ? c.en : c.zh;
    return code;
  };
  // A part of a list entry: a choice of one of its enum parts, or a yes/no
  // part by its words (true).
  const auto part = [&](const RosterQuestion& q, const std::string& code) -> std::string {
    for (const auto& p : q.parts) {
      if (p.type == "boolean" && p.field == code) return en ? p.en : p.zh;
      if (const std::string said = choice(p.choices, code); said != code) return said;
    }
    return code;
  };
  std::vector<std::string> row{en ? "# example E0001" : "# 示例 E0001", en ? "Wang Fang" : "王芳"};
  for (const auto& q : questions_) {
    if (!in_template(q)) continue;
    std::string cell;
    for (const auto& [field, code] : example) {
      if (field != q.field) continue;
      if (q.type == "boolean") cell = code == "true" ? (en ? "yes" : "是") : (en ? "no" : "否");
      else if (q.type == "list" && code.empty()) cell = en ? "none" : "无";
      else if (q.parts.empty()) cell = choice(q.choices, code);
      else
        for (std::size_t at = 0, next; at <= code.size(); at = next + 1) {  // an entry: its parts by "/"
          next = std::min(code.find('/', at), code.size());
          cell += (at ? "/" : "") + part(q, code.substr(at, next - at));
        }
    }
    row.push_back(cell);
  }
  append_csv_record(out, row);
  return out;
}

Roster::Layout Roster::read_header(const std::vector<std::string_view>& cells, Lang lang) const {
  Layout layout;
  layout.question_of.assign(cells.size(), -1);
  layout.headers.assign(cells.begin(), cells.end());
  std::vector<int> column_of(questions_.size(), 0);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const std::string cell = normalise(cells[c]);
    if (cell.empty()) continue;
    // "[field]" names it; else the field, or its words in either language.
    std::string key = cell;
    if (const auto open = cell.rfind('['); open != std::string::npos && cell.back() == ']')
      key = cell.substr(open + 1, cell.size() - open - 2);
    const std::string l = lower(key);
    if (l == "id" || key == kStaffId.zh || l == "staff id" || key == "编号" || key == "员工号") {
      if (layout.id_column < 0) layout.id_column = static_cast<int>(c);
      continue;
    }
    if (l == "name" || key == kName.zh) {
      if (layout.name_column < 0) layout.name_column = static_cast<int>(c);
      continue;
    }
    int found = -1;
    for (std::size_t q = 0; q < questions_.size() && found < 0; ++q) {
      const RosterQuestion& question = questions_[q];
      if (question.field == key || question.zh == key || lower(question.en) == l || header_of(question) == cell)
        found = static_cast<int>(q);
    }
    const int column = static_cast<int>(c) + 1;
    if (found < 0) {
      layout.problems.push_back({1, column, std::string(cells[c]), "", "unknown_column", message("unknown_column", lang)});
    } else if (column_of[static_cast<std::size_t>(found)]) {
      layout.problems.push_back({1, column, std::string(cells[c]), questions_[static_cast<std::size_t>(found)].field, "column_twice",
                                 message("column_twice", lang, decimal(column_of[static_cast<std::size_t>(found)]))});
    } else {
      column_of[static_cast<std::size_t>(found)] = column;
      layout.question_of[c] = found;
    }
  }
  if (std::none_of(layout.question_of.begin(), layout.question_of.end(), [](int q) { return q >= 0; })) {
    layout.fatal = true;
    layout.problems.push_back({1, 0, "", "", "no_questions", message("no_questions", lang)});
  }
  return layout;
}

bool Roster::skipped(const std::vector<std::string_view>& cells) {
  if (!cells.empty() && starts_with(normalise(cells[0]), "#")) return true;
  return std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return normalise(c).empty(); });
}

void Roster::check_row(const Layout& layout, int row, const std::vector<std::string_view>& cells, Lang lang,
                       RosterResultRow& out) const {
  out.row = row;
  out.errors.clear();
  out.cells.clear();
  out.profile.clear();
  out.assessment = nullptr;
  const auto cell_at = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? normalise(cells[static_cast<std::size_t>(c)]) : std::string(); };
  out.id = cell_at(layout.id_column);
  out.name = cell_at(layout.name_column);
  Datum profile;
  profile.kind = Datum::Kind::Object;
  std::vector<int> column_of(questions_.size(), 0);
  for (std::size_t c = 0; c < cells.size() && c < layout.question_of.size(); ++c) {
    const int q = layout.question_of[c];
    if (q < 0) continue;
    const RosterQuestion& question = questions_[static_cast<std::size_t>(q)];
    column_of[static_cast<std::size_t>(q)] = static_cast<int>(c) + 1;
    std::optional<Datum> value;
    roster_cells::CellError error;
    if (!roster_cells::read_cell(question, cells[c], lang, value, error)) {
      out.errors.push_back({row, static_cast<int>(c) + 1, layout.headers[c], question.field, error.code,
                            message(error.code, lang, error.value, error.choices, error.entry)});
      continue;
    }
    if (value) roster_cells::put(profile, question.field, std::move(*value));
  }
  if (!out.errors.empty()) return write_result(assessment_, lang, out);
  JsonWriter writer;
  write_datum(writer, profile);
  out.profile = writer.take();
  assessment_ = engine_.assess(out.profile);
  // The engine's word on a value (a range, a date that does not exist),
  // placed in the column it came from.
  for (const InputError& e : assessment_.errors) {
    int column = 0;
    std::string field;
    for (std::size_t q = 0; q < questions_.size(); ++q) {
      const std::string pointer = pointer_of(questions_[q].field);
      if (e.path == pointer || starts_with(e.path, pointer + "/")) column = column_of[q], field = questions_[q].field;
    }
    std::string value = column ? normalise(cells[static_cast<std::size_t>(column - 1)]) : e.message;
    std::string range, code = e.code;
    for (const auto& q : questions_) {
      if (q.field != field) continue;
      if (q.max_items && code == "out_of_range") code = "too_many", range = decimal(static_cast<long long>(q.max_items));
      else if (q.min || q.max) {
        if (q.min) write_number(range, *q.min);
        range += "–";
        if (q.max) write_number(range, *q.max);
      }
    }
    out.errors.push_back({row, column, column ? layout.headers[static_cast<std::size_t>(column - 1)] : std::string(), field,
                          code, message(code, lang, value, range)});
  }
  if (out.errors.empty()) out.assessment = &assessment_;
  write_result(assessment_, lang, out);
}

void Roster::write_result(const Assessment& a, Lang lang, RosterResultRow& out) const {
  out.cells = {decimal(out.row), out.id, out.name, decimal(static_cast<long long>(out.errors.size()))};
  // Every answer lists the outcomes in the packs' order: where the
  // programme's should be, else searched for.
  const auto find = [&](const Programme& p) -> const OutcomeAnswer* {
    if (p.position < a.outcomes.size() && a.outcomes[p.position].outcome->id == p.id) return &a.outcomes[p.position];
    for (const OutcomeAnswer& o : a.outcomes)
      if (o.outcome->id == p.id) return &o;
    return nullptr;
  };
  for (const Programme& p : programmes_) {
    const OutcomeAnswer* o = out.assessment ? find(p) : nullptr;
    out.cells.push_back(o ? status_words(o->truth).in(lang) : "");
    if (p.has_parts) out.cells.push_back(o && o->truth == Truth::Met ? o->value : "");
    if (p.amount_benefit.empty()) continue;
    std::string amount;
    if (o && o->truth != Truth::Unmet)
      for (const BenefitAnswer& b : o->benefits) {
        if (b.benefit->id != p.amount_benefit) continue;
        const Datum *one = nullptr, *lo = nullptr, *hi = nullptr;
        for (const auto& [name, d] : b.fields) {
          if (!d.is_number()) continue;
          if (name == "amount") one = &d;
          if (name == "amount_min") lo = &d;
          if (name == "amount_max") hi = &d;
        }
        if (one) write_number(amount, one->number);
        else if (lo && hi) write_number(amount, lo->number), amount += "–", write_number(amount, hi->number);
        else if (lo || hi) write_number(amount, (lo ? lo : hi)->number);
      }
    out.cells.push_back(amount);
  }
}

std::vector<std::string> Roster::result_header(Lang lang) const {
  std::vector<std::string> out{kRow.in(lang), kStaffId.in(lang), kName.in(lang), kProblems.in(lang)};
  for (const Programme& p : programmes_) {
    const std::string label = lang == Lang::En ? p.en : p.zh;
    out.push_back(label);
    if (p.has_parts) out.push_back(label + kCategorySuffix.in(lang));
    if (!p.amount_benefit.empty()) out.push_back(label + kAmountSuffix.in(lang));
  }
  return out;
}

std::vector<std::string> Roster::result_keys() const {
  std::vector<std::string> out{"row", "id", "name", "problems"};
  for (const Programme& p : programmes_) {
    out.push_back(p.id);
    if (p.has_parts) out.push_back(p.id + ":value");
    if (!p.amount_benefit.empty()) out.push_back(p.id + ":amount");
  }
  return out;
}

bool Roster::is_programme(std::string_view id) const {
  return std::any_of(programmes_.begin(), programmes_.end(), [&](const Programme& p) { return p.id == id; });
}

std::vector<std::string> Roster::error_header(Lang lang) const {
  return {kRow.in(lang), kColumn.in(lang), kHeader.in(lang), kWhat.in(lang)};
}

std::vector<std::string> Roster::error_record(const RosterProblem& p) const {
  return {p.row ? decimal(p.row) : std::string(), p.column ? decimal(p.column) : std::string(), p.header, p.message};
}


bool RosterCsv::read(int record, const std::vector<std::string_view>& cells, std::string& results, std::string& problems) {
  if (Roster::skipped(cells)) return !layout_.fatal;
  if (!header_record_) {
    header_record_ = record;
    layout_ = roster_.read_header(cells, lang_);
    for (const auto& p : layout_.problems) append_csv_record(problems, roster_.error_record(p));
    if (layout_.fatal) return false;
    append_csv_record(results, roster_.result_header(lang_));
    return true;
  }
  if (layout_.fatal) return false;
  roster_.check_row(layout_, record, cells, lang_, result_);
  ++rows_;
  if (!result_.errors.empty()) ++rows_with_errors_;
  for (const auto& p : result_.errors) append_csv_record(problems, roster_.error_record(p));
  append_csv_record(results, result_.cells);
  return true;
}

}  // namespace talent
