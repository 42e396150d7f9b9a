// The strict reader of policy packs. Anything it does not understand is an
// error with a stable id and the JSON pointer of the entry, never a guess.
#include <algorithm>
#include <set>
#include <tuple>

#include "loaders.hpp"
#include "policy_files.hpp"
#include "talent/json_writer.hpp"

namespace talent {
namespace {

using Keys = std::set<std::string>;

const Keys kCommonConditionKeys = {"clause", "text", "in_principle", "when_met", "bind"};

const std::map<std::string, Op> kOps = {{"==", Op::Eq},       {"!=", Op::Ne},         {"<", Op::Lt},
                                        {"<=", Op::Le},       {">", Op::Gt},          {">=", Op::Ge},
                                        {"in", Op::In},       {"not_in", Op::NotIn},  {"given", Op::Given},
                                        {"contains_any", Op::ContainsAny}, {"not_empty", Op::NotEmpty}};

const std::map<std::string, Expr::Kind> kExprOps = {
    {"add", Expr::Kind::Add}, {"sub", Expr::Kind::Sub}, {"mul", Expr::Kind::Mul}, {"min", Expr::Kind::Min},
    {"max", Expr::Kind::Max}, {"lt", Expr::Kind::Lt},   {"le", Expr::Kind::Le},   {"gt", Expr::Kind::Gt},
    {"ge", Expr::Kind::Ge}};

// An obligation's own keys, which its figures may not take.
const Keys kObligationKeys = {"id", "kind", "clause", "text", "text_en"};

const std::map<std::string, Truth> kTruthNames = {
    {"met", Truth::Met}, {"review", Truth::Review}, {"incomplete", Truth::Incomplete}, {"unmet", Truth::Unmet}};

Datum to_datum(const Json& j) {
  Datum d;
  if (j.is_boolean()) d = Datum::of(j.get<bool>());
  else if (j.is_number()) d = Datum::of(j.get<double>());
  else if (j.is_string()) d = Datum::of(j.get<std::string>());
  else if (j.is_array()) {
    d.kind = Datum::Kind::Array;
    for (const Json& item : j) d.items.push_back(to_datum(item));
  } else if (j.is_object()) {
    d.kind = Datum::Kind::Object;
    for (auto it = j.begin(); it != j.end(); ++it) d.members.emplace_back(it.key(), to_datum(it.value()));
  }
  return d;
}

class PackLoader {
 public:
  PackLoader(const LoadedSubjects& subjects, const std::string& folder, LoadErrors& errors)
      : subjects_(subjects.schemas), errors_(errors), pack_file_(folder + "/pack.json"),
        clauses_file_(folder + "/clauses.json") {}

  std::optional<LoadedPack> load(const Json& doc, const Json& clauses) {
    const std::size_t errors_before = errors_.size();
    if (!doc.is_object()) {
      fail("pack.invalid_type", "", "a pack must be a JSON object");
      return std::nullopt;
    }
    only(doc, "", {"id", "title", "version", "version_date", "source", "in_force", "warnings", "definitions", "parameters",
                   "outcomes", "team_checks"});
    pack_.id = string_at(doc, "id", "");
    pack_.version = string_at(doc, "version", "");
    // When this version of the rules was set, shown beside it (the page's
    // footer and printout); build-time text only (version(), describe()).
    loaded_.version_date = format_date(date_at(doc, "version_date", ""));
    pack_.source = string_at(doc, "source", "");
    pack_.title = text_at(doc, "title", "");
    read_clauses(clauses);
    read_in_force(doc);
    for_each_item(doc, "warnings", "", [&](const Json& w, const std::string& p) { read_warning(w, p); });
    const Json* subject_profile = find_subject("profile");
    if (!subject_profile) return std::nullopt;
    if (const Json* defs = member(doc, "definitions")) read_definitions(*defs);
    if (const Json* params = member(doc, "parameters")) read_parameters(*params);
    read_outcomes(doc, "outcomes", "profile", pack_.outcomes);
    read_outcomes(doc, "team_checks", "team", pack_.team_checks);
    check_parameter_keys();
    for (const auto& [name, definition] : definitions_)
      if (!used_definitions_.count(name))
        fail("pack.unused_definition", definition.second, "no condition uses this definition (a misspelt \"use\"?)");
    for (const Parameter& p : pack_.parameters)
      if (!used_parameters_.count(p.id))
        fail("pack.unused_parameter", "/parameters/" + pointer_token(p.id), "no figure uses this parameter (a misspelt \"param\"?)");
    describe();
    if (errors_.size() != errors_before) return std::nullopt;
    return std::move(loaded_);
  }

 private:
  const std::map<std::string, SubjectSchema>& subjects_;
  LoadErrors& errors_;
  const std::string pack_file_, clauses_file_;
  LoadedPack loaded_;
  PolicyPack& pack_ = loaded_.pack;
  std::map<std::string, int> clause_index_;
  std::map<std::string, int> parameter_index_;
  std::map<std::tuple<std::string, std::string, std::string, bool>, int> reason_index_;
  std::map<std::string, Text> labels_;  // outcome id -> label, for describe()
  std::map<std::string, std::pair<const Json*, std::string>> definitions_;  // name -> (json, path)
  std::set<std::string> using_;      // definitions being expanded, against cycles
  std::set<std::string> used_definitions_, used_parameters_;
  std::set<std::string> bind_names_;
  const RecordSchema* schema_ = nullptr;
  std::vector<const Outcome*> earlier_;  // outcomes a condition may refer to
  std::set<std::string> outcome_ids_;

  const Json* find_subject(const char* name) {
    if (!subjects_.count(name)) {
      fail("pack.unknown_field", "", std::string("no subject schema '") + name + "'");
      return nullptr;
    }
    static const Json present = true;
    return &present;
  }

  // A list of non-empty strings; anything else in it is an error.
  std::vector<std::string> names(const Json& list, const std::string& path) {
    std::vector<std::string> out;
    if (!list.is_array()) {
      fail("pack.invalid_type", path, "expected a list of names");
      return out;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].is_string() && !list[i].get_ref<const std::string&>().empty()) out.push_back(list[i].get<std::string>());
      else fail("pack.invalid_type", path + "/" + std::to_string(i), "expected a non-empty string");
    }
    return out;
  }

  void fail(const char* id, const std::string& path, const std::string& message) {
    errors_.push_back({id, pack_file_, path, message});
  }
  void fail_in_clauses(const char* id, const std::string& path, const std::string& message) {
    errors_.push_back({id, clauses_file_, path, message});
  }

  void only(const Json& object, const std::string& path, const Keys& allowed) {
    for (auto it = object.begin(); it != object.end(); ++it)
      if (!allowed.count(it.key()))
        fail("pack.unknown_key", path + "/" + pointer_token(it.key()), "unknown key '" + it.key() + "'");
  }

  std::string string_at(const Json& object, const char* key, const std::string& path, bool required = true) {
    const Json* v = member(object, key);
    if (!v) {
      if (required) fail("pack.missing_key", path + "/" + key, std::string("'") + key + "' is required");
      return "";
    }
    if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
      fail("pack.invalid_type", path + "/" + key, "expected a non-empty string");
      return "";
    }
    return v->get<std::string>();
  }

  Text read_text(const Json& j, const std::string& path) {
    Text t;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "a text is {\"zh\": ..., \"en\": ...}");
      return t;
    }
    only(j, path, {"zh", "en"});
    t.zh = string_at(j, "zh", path);
    t.en = string_at(j, "en", path);
    return t;
  }

  Text text_at(const Json& object, const char* key, const std::string& path) {
    const Json* v = member(object, key);
    if (!v) {
      fail("pack.missing_key", path + "/" + key, std::string("'") + key + "' is required");
      return {};
    }
    return read_text(*v, path + "/" + key);
  }

  void read_clauses(const Json& clauses) {
    if (!clauses.is_object()) {
      fail_in_clauses("pack.invalid_type", "", "the clause table must be an object");
      return;
    }
    for (auto it = clauses.begin(); it != clauses.end(); ++it) {
      const std::string path = "/" + pointer_token(it.key());
      if (it.key().rfind(pack_.id + ":", 0) != 0)
        fail_in_clauses("pack.invalid_clause_id", path, "clause ids start with '" + pack_.id + ":'");
      clause_index_[it.key()] = static_cast<int>(loaded_.clauses.size());
      const std::size_t before = errors_.size();
      Text text = read_text(it.value(), path);
      for (std::size_t i = before; i < errors_.size(); ++i) errors_[i].file = clauses_file_;
      loaded_.clauses.emplace_back(it.key(), std::move(text));
    }
  }

  void check_clause(const std::string& clause, const std::string& path) {
    if (!clause_index_.count(clause))
      fail("pack.unknown_clause", path, "clause '" + clause + "' is not in the clause table");
  }

  std::string clause_at(const Json& object, const std::string& path, bool required) {
    std::string c = string_at(object, "clause", path, required);
    if (!c.empty()) check_clause(c, path + "/clause");
    return c;
  }

  Date date_at(const Json& object, const char* key, const std::string& path) {
    std::string s = string_at(object, key, path);
    auto d = parse_date(s);
    if (!d) {
      if (!s.empty()) fail("pack.invalid_value", path + "/" + key, "expected a date YYYY-MM-DD");
      return {};
    }
    return *d;
  }

  void read_in_force(const Json& doc) {
    const Json* f = member(doc, "in_force");
    if (!f || !f->is_object()) {
      fail("pack.missing_key", "/in_force", "a pack declares the period it is in force");
      return;
    }
    only(*f, "/in_force", {"from", "to", "clause"});
    pack_.in_force_from = date_at(*f, "from", "/in_force");
    pack_.in_force_to = date_at(*f, "to", "/in_force");
    clause_at(*f, "/in_force", true);
  }

  void read_definitions(const Json& defs) {
    if (!defs.is_object()) return fail("pack.invalid_type", "/definitions", "expected an object");
    for (auto it = defs.begin(); it != defs.end(); ++it)
      definitions_[it.key()] = {&it.value(), "/definitions/" + pointer_token(it.key())};
  }

  // ---- parameters ----

  void read_parameters(const Json& params) {
    if (!params.is_object()) return fail("pack.invalid_type", "/parameters", "expected an object");
    for (auto it = params.begin(); it != params.end(); ++it) {
      const std::string path = "/parameters/" + pointer_token(it.key());
      const Json& p = it.value();
      if (!p.is_object()) {
        fail("pack.invalid_type", path, "a parameter is an object");
        continue;
      }
      only(p, path, {"clause", "unit", "by", "values", "value", "note"});
      Parameter param;
      param.id = it.key();
      param.clause = clause_at(p, path, true);
      param.unit = string_at(p, "unit", path, false);
      if (const Json* by = member(p, "by")) {
        param.by = names(*by, path + "/by");
        const Json* values = member(p, "values");
        if (!values) fail("pack.missing_key", path + "/values", "a table parameter needs 'values'");
        else {
          param.values = to_datum(*values);
          check_table(*values, param.by.size(), path + "/values");
        }
      } else if (const Json* value = member(p, "value")) {
        if (!value->is_number() && !value->is_boolean() && !value->is_string())
          fail("pack.invalid_type", path + "/value", "a parameter value is a number, a boolean or a string");
        param.values = to_datum(*value);
      } else {
        fail("pack.missing_key", path, "a parameter has a 'value', or 'by' and 'values'");
      }
      parameter_index_[param.id] = static_cast<int>(pack_.parameters.size());
      pack_.parameters.push_back(std::move(param));
    }
  }

  void check_table(const Json& table, std::size_t depth, const std::string& path) {
    if (depth == 0) {
      if (!table.is_number() && !table.is_boolean() && !table.is_string())
        fail("pack.invalid_type", path, "a table leaf is a number, a boolean or a string");
      return;
    }
    if (!table.is_object()) return fail("pack.invalid_type", path, "expected a table (object) here");
    for (auto it = table.begin(); it != table.end(); ++it)
      check_table(it.value(), depth - 1, path + "/" + pointer_token(it.key()));
  }

  bool field_anywhere(const std::string& name) const {
    for (const auto& [_, subject] : subjects_) {
      if (subject.record.find(name) >= 0) return true;
      for (const auto& f : subject.record.fields)
        if (f.item && f.item->find(name) >= 0) return true;
    }
    return false;
  }

  void check_parameter_keys() {
    for (const auto& p : pack_.parameters)
      for (const auto& name : p.by)
        if (!bind_names_.count(name) && !field_anywhere(name))
          fail("pack.unknown_field", "/parameters/" + pointer_token(p.id) + "/by",
               "'" + name + "' is neither a field nor a name bound by a condition");
  }

  // ---- conditions ----

  // The entry of the pack's reason table for this clause and sentence;
  // conditions that read the same share one (an answer says it once).
  int reason(const std::string& clause, const Text& text, bool in_principle) {
    auto [it, fresh] = reason_index_.emplace(std::tuple(clause, text.zh, text.en, in_principle),
                                             static_cast<int>(pack_.reasons.size()));
    if (fresh) pack_.reasons.push_back({clause, text, in_principle});
    return it->second;
  }

  struct Scope {
    const RecordSchema* schema;
    std::string clause;  // inherited clause
    bool reporting;      // reasons are collected here: leaves need a text
    bool covered;        // an ancestor carries the text
  };

  Condition read_condition(const Json& j, const std::string& path, Scope scope) {
    Condition c;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "a condition is an object");
      return c;
    }
    if (const Json* use = member(j, "use")) return expand_definition(*use, j, path, scope);
    if (member(j, "clause")) scope.clause = clause_at(j, path, true);
    const bool in_principle = flag(j, "in_principle", path);
    if (const Json* t = member(j, "text")) {
      // A text is reported where reasons are collected and no ancestor's
      // text already covers it (a definition may be used in both places).
      const Text text = read_text(*t, path + "/text");
      if (scope.reporting && !scope.covered) {
        if (scope.clause.empty())
          fail("pack.missing_clause", path, "this condition is given as a reason: it needs a \"clause\", here or on a group or route around it");
        c.reason = reason(scope.clause, text, in_principle);
      }
      scope.covered = true;
    }
    if (const Json* wm = member(j, "when_met")) {
      if (*wm != "review") fail("pack.invalid_value", path + "/when_met", "the only value is \"review\"");
      c.review_when_met = true;
    }
    if (const Json* b = member(j, "bind")) {
      if (!b->is_string()) fail("pack.invalid_type", path + "/bind", "expected a name");
      else bind_names_.insert(c.bind = b->get<std::string>());
    }
    if (member(j, "all") || member(j, "any")) read_group(j, path, scope, c);
    else if (const Json* inner = member(j, "not")) {
      Keys keys = kCommonConditionKeys;
      keys.insert("not");
      only(j, path, keys);
      c.kind = Condition::Kind::Not;
      // What it negates is not reported apart: the `not` carries the reason.
      Scope quiet = scope;
      quiet.covered = true;
      c.children.push_back(read_condition(*inner, path + "/not", quiet));
    }
    else if (member(j, "field")) read_compare(j, path, scope, c);
    else if (member(j, "exists") || member(j, "every") || member(j, "count") || member(j, "share"))
      read_quantifier(j, path, scope, c);
    else if (member(j, "outcome")) read_outcome_ref(j, path, scope, c);
    else if (member(j, "bound")) read_bound(j, path, scope, c);
    else fail("pack.invalid_type", path, "not a condition: expected all, any, field, exists, every, count, share, outcome, bound or use");
    const bool structural = c.kind == Condition::Kind::All || c.kind == Condition::Kind::Any ||
                            (c.kind == Condition::Kind::Outcome && c.strings.empty());
    if (scope.reporting && !scope.covered && !structural)
      fail("pack.missing_text", path,
           "this condition is given as a reason: it needs a \"text\": {\"zh\": ..., \"en\": ...}, here or on a group around it");
    return c;
  }

  bool flag(const Json& j, const char* key, const std::string& path) {
    const Json* v = member(j, key);
    if (!v) return false;
    if (!v->is_boolean()) fail("pack.invalid_type", path + "/" + key, "expected true or false");
    return v->is_boolean() && v->get<bool>();
  }

  Condition expand_definition(const Json& use, const Json& j, const std::string& path, const Scope& scope) {
    only(j, path, {"use"});
    if (!use.is_string() || !definitions_.count(use.get<std::string>())) {
      fail("pack.unknown_definition", path + "/use",
           use.is_string() ? "no definition '" + use.get<std::string>() + "' in \"definitions\"" : "expected the name of a definition");
      return {};
    }
    const std::string name = use.get<std::string>();
    if (using_.count(name)) {
      fail("pack.invalid_value", path + "/use", "definition '" + name + "' uses itself");
      return {};
    }
    using_.insert(name);
    used_definitions_.insert(name);
    auto [def, def_path] = definitions_[name];
    Condition c = read_condition(*def, def_path, scope);
    using_.erase(name);
    return c;
  }

  void read_group(const Json& j, const std::string& path, const Scope& scope, Condition& c) {
    const bool all = member(j, "all") != nullptr;
    const char* key = all ? "all" : "any";
    Keys keys = kCommonConditionKeys;
    keys.insert(key);
    only(j, path, keys);
    c.kind = all ? Condition::Kind::All : Condition::Kind::Any;
    const Json& items = *member(j, key);
    if (!items.is_array() || items.empty()) return fail("pack.invalid_type", path + "/" + key, "expected a non-empty list");
    for (std::size_t i = 0; i < items.size(); ++i)
      c.children.push_back(read_condition(items[i], path + "/" + key + "/" + std::to_string(i), scope));
  }

  const FieldSpec* resolve_field(const Json& name, const RecordSchema& schema, const std::string& path, int& index) {
    if (!name.is_string()) {
      fail("pack.invalid_type", path, "expected a field name");
      return nullptr;
    }
    index = schema.find(name.get<std::string>());
    if (index < 0) {
      fail("pack.unknown_field", path, "'" + name.get<std::string>() + "' is not a field of the form (see subjects.json)");
      return nullptr;
    }
    return &schema.fields[index];
  }

  // One operand as the evaluator compares it (see as_number in condition.cpp).
  bool operand(const FieldSpec& f, const Json& v, const std::string& path, Condition& c) {
    switch (f.type) {
      case FieldType::Boolean:
        if (!v.is_boolean()) break;
        c.numbers.push_back(v.get<bool>() ? 1 : 0);
        return true;
      case FieldType::Integer:
      case FieldType::Number:
        if (!v.is_number()) break;
        c.numbers.push_back(v.get<double>());
        return true;
      case FieldType::Enum:
      case FieldType::EnumList: {
        if (!v.is_string()) break;
        int rank = f.rank_of(v.get<std::string>());
        if (rank < 0) {
          fail("pack.unknown_value", path, "'" + v.get<std::string>() + "' is not a value of " + f.path);
          return false;
        }
        c.numbers.push_back(rank);
        return true;
      }
      case FieldType::Text:
        if (!v.is_string()) break;
        c.strings.push_back(v.get<std::string>());
        return true;
      case FieldType::Date: {
        auto d = v.is_string() ? parse_date(v.get<std::string>()) : std::nullopt;
        if (!d) break;
        c.numbers.push_back(d->year * 10000.0 + d->month * 100 + d->day);
        return true;
      }
      default: break;
    }
    fail("pack.invalid_value", path, "operand does not fit field " + f.path);
    return false;
  }

  void read_compare(const Json& j, const std::string& path, const Scope& scope, Condition& c) {
    Keys keys = kCommonConditionKeys;
    keys.insert({"field", "op", "value"});
    only(j, path, keys);
    c.kind = Condition::Kind::Compare;
    const FieldSpec* f = resolve_field(*member(j, "field"), *scope.schema, path + "/field", c.field);
    if (!f) return;
    const std::string op_name = string_at(j, "op", path);
    auto op = kOps.find(op_name);
    if (op == kOps.end()) {
      if (!op_name.empty()) fail("pack.invalid_value", path + "/op", "unknown operator '" + op_name + "'");
      return;
    }
    c.op = op->second;
    const bool list = f->type == FieldType::EnumList || f->type == FieldType::RecordList;
    const bool ordered = f->type == FieldType::Integer || f->type == FieldType::Number || f->type == FieldType::Date ||
                         (f->type == FieldType::Enum && f->ordered);
    const bool fits = c.op == Op::Given ? !list
                      : c.op == Op::NotEmpty ? list
                      : c.op == Op::ContainsAny ? f->type == FieldType::EnumList
                      : (c.op == Op::Eq || c.op == Op::Ne || c.op == Op::In || c.op == Op::NotIn) ? !list
                                                                                                    : ordered;
    if (!fits) return fail("pack.invalid_value", path + "/op", "operator '" + op_name + "' does not apply to " + f->path);
    const Json* value = member(j, "value");
    const bool needs_value = c.op != Op::Given && c.op != Op::NotEmpty;
    if (needs_value != (value != nullptr))
      return fail("pack.invalid_value", path + "/value", needs_value ? "a value is required" : "this operator takes no value");
    if (!value) return;
    const bool many = c.op == Op::In || c.op == Op::NotIn || c.op == Op::ContainsAny;
    if (many != value->is_array())
      return fail("pack.invalid_value", path + "/value", many ? "expected a list of values" : "expected one value");
    if (many)
      for (std::size_t i = 0; i < value->size(); ++i) operand(*f, (*value)[i], path + "/value/" + std::to_string(i), c);
    else
      operand(*f, *value, path + "/value", c);
    if (!c.bind.empty() && (list || c.op == Op::Ne || c.op == Op::NotIn))
      fail("pack.invalid_value", path + "/bind", "only a comparison that fixes one value can bind it");
  }

  void read_quantifier(const Json& j, const std::string& path, const Scope& scope, Condition& c) {
    const char* key = member(j, "exists") ? "exists" : member(j, "every") ? "every" : member(j, "count") ? "count" : "share";
    const std::string k = key;
    c.kind = k == "exists" ? Condition::Kind::Exists : k == "every" ? Condition::Kind::Every
             : k == "count" ? Condition::Kind::Count : Condition::Kind::Share;
    const bool counting = c.kind == Condition::Kind::Count || c.kind == Condition::Kind::Share;
    Keys keys = {"clause", "text", "in_principle", "when_met", key, "where"};
    if (counting) keys.insert({"op", "value"});
    only(j, path, keys);
    const FieldSpec* f = resolve_field(*member(j, key), *scope.schema, path + "/" + key, c.field);
    if (!f) return;
    if (f->type != FieldType::RecordList) return fail("pack.invalid_value", path + "/" + key, f->path + " is not a list of records");
    if (const Json* where = member(j, "where")) {
      Scope inner{f->item.get(), scope.clause, false, true};
      c.children.push_back(read_condition(*where, path + "/where", inner));
    } else if (!counting) {
      fail("pack.missing_key", path + "/where", "exists and every need 'where'");
    }
    if (!counting) return;
    auto op = kOps.find(string_at(j, "op", path));
    const Json* value = member(j, "value");
    if (op == kOps.end() || op->second < Op::Lt || op->second > Op::Ge)
      return fail("pack.invalid_value", path + "/op", "count and share compare with < <= > >=");
    if (!value || !value->is_number()) return fail("pack.invalid_value", path + "/value", "expected a number");
    c.op = op->second;
    c.numbers.push_back(value->get<double>());
  }

  const Outcome* find_earlier(const Json& id, const std::string& path, int& index) {
    if (id.is_string())
      for (std::size_t i = 0; i < earlier_.size(); ++i)
        if (earlier_[i]->id == id.get<std::string>()) {
          index = static_cast<int>(i);
          return earlier_[i];
        }
    fail("pack.unknown_outcome", path,
         (id.is_string() ? "'" + id.get<std::string>() + "' is" : std::string("this is")) +
             " not an outcome declared above this one in the same list: a condition may only refer to an earlier outcome");
    return nullptr;
  }

  void read_outcome_ref(const Json& j, const std::string& path, const Scope& scope, Condition& c) {
    Keys keys = kCommonConditionKeys;
    keys.insert({"outcome", "value_in"});
    only(j, path, keys);
    c.kind = Condition::Kind::Outcome;
    const Outcome* target = find_earlier(*member(j, "outcome"), path + "/outcome", c.outcome);
    if (!target) return;
    if (const Json* in = member(j, "value_in")) {
      c.kind = Condition::Kind::OutcomeValue;
      std::set<std::string> values;
      for (const Route& r : target->routes) values.insert(r.value);
      if (!in->is_array() || in->empty()) return fail("pack.invalid_value", path + "/value_in", "expected a list of values");
      for (const Json& v : *in) {
        if (!v.is_string() || !values.count(v.get<std::string>()))
          fail("pack.unknown_value", path + "/value_in", "not a value of " + target->id);
        else c.strings.push_back(v.get<std::string>());
      }
    }
    (void)scope;
  }

  void read_bound(const Json& j, const std::string& path, const Scope&, Condition& c) {
    Keys keys = kCommonConditionKeys;
    keys.insert({"bound", "op", "value"});
    only(j, path, keys);
    c.kind = Condition::Kind::Bound;
    c.bound = string_at(j, "bound", path);
    if (!bind_names_.count(c.bound)) fail("pack.unknown_field", path + "/bound", "no condition binds '" + c.bound + "'");
    const std::string op = string_at(j, "op", path);
    const Json* value = member(j, "value");
    if ((op != "in" && op != "not_in") || !value || !value->is_array())
      return fail("pack.invalid_value", path, "a bound condition is {\"bound\": name, \"op\": \"in\"|\"not_in\", \"value\": [...]}");
    c.op = op == "in" ? Op::In : Op::NotIn;
    c.strings = names(*value, path + "/value");
  }

  // ---- expressions ----

  Expr read_expr(const Json& j, const std::string& path, const RecordSchema& schema,
                 const std::vector<std::pair<std::string, Expr>>& earlier_fields) {
    Expr e;
    if (j.is_number() || j.is_boolean() || j.is_string() || j.is_null()) {
      e.literal = to_datum(j);
      return e;
    }
    if (!j.is_object() || j.empty()) {
      fail("pack.invalid_type", path, "an expression is a literal or an object");
      return e;
    }
    const std::string op = j.begin().key();
    const Json& arg = j.begin().value();
    if (op == "param") {
      only(j, path, {"param"});
      e.kind = Expr::Kind::Param;
      auto it = arg.is_string() ? parameter_index_.find(arg.get<std::string>()) : parameter_index_.end();
      if (it == parameter_index_.end())
        fail("pack.unknown_parameter", path + "/param",
             arg.is_string() ? "no parameter '" + arg.get<std::string>() + "' in \"parameters\"" : "expected the name of a parameter");
      else e.index = it->second, used_parameters_.insert(it->first);
    } else if (op == "field") {
      only(j, path, {"field"});
      e.kind = Expr::Kind::Field;
      resolve_field(arg, schema, path + "/field", e.index);
    } else if (op == "ref") {
      only(j, path, {"ref"});
      e.kind = Expr::Kind::Ref;
      for (std::size_t i = 0; i < earlier_fields.size(); ++i)
        if (arg.is_string() && earlier_fields[i].first == arg.get<std::string>()) e.index = static_cast<int>(i);
      if (e.index < 0) fail("pack.unknown_field", path + "/ref", "refers to no earlier field of this benefit");
    } else if (op == "bound") {
      only(j, path, {"bound"});
      e.kind = Expr::Kind::Bound;
      e.bound = arg.is_string() ? arg.get<std::string>() : "";
      if (!bind_names_.count(e.bound)) fail("pack.unknown_field", path + "/bound", "no condition binds '" + e.bound + "'");
    } else if (op == "in") {
      only(j, path, {"in"});
      e.kind = Expr::Kind::In;
      if (!arg.is_array() || arg.size() != 2 || !arg[1].is_array())
        fail("pack.invalid_value", path + "/in", "in is [expression, [values…]]");
      else {
        e.args.push_back(read_expr(arg[0], path + "/in/0", schema, earlier_fields));
        e.keys = names(arg[1], path + "/in/1");
      }
    } else if (kExprOps.count(op)) {
      only(j, path, {op});
      e.kind = kExprOps.at(op);
      const bool binary = e.kind >= Expr::Kind::Sub && e.kind != Expr::Kind::Mul && e.kind != Expr::Kind::Min &&
                          e.kind != Expr::Kind::Max;
      if (!arg.is_array() || arg.size() < 2 || (binary && arg.size() != 2))
        fail("pack.invalid_value", path + "/" + op, binary ? "expected two operands" : "expected two or more operands");
      else
        for (std::size_t i = 0; i < arg.size(); ++i)
          e.args.push_back(read_expr(arg[i], path + "/" + op + "/" + std::to_string(i), schema, earlier_fields));
    } else if (op == "if") {
      only(j, path, {"if", "then", "else", "unknown"});
      e.kind = Expr::Kind::If;
      for (const char* k : {"if", "then", "else"}) {
        const Json* part = member(j, k);
        if (!part) fail("pack.missing_key", path + "/" + k, "if needs if, then and else");
        else e.args.push_back(read_expr(*part, path + "/" + k, schema, earlier_fields));
      }
      if (const Json* u = member(j, "unknown")) {
        e.args.push_back(read_expr(*u, path + "/unknown", schema, earlier_fields));
        e.has_unknown_branch = true;
      }
    } else if (op == "each") {
      only(j, path, {"each", "value"});
      e.kind = Expr::Kind::Each;
      const FieldSpec* f = resolve_field(arg, schema, path + "/each", e.index);
      const Json* value = member(j, "value");
      if (f && (f->type != FieldType::RecordList || !value))
        fail("pack.invalid_value", path, "each is {\"each\": list of records, \"value\": expression}");
      else if (f)
        e.args.push_back(read_expr(*value, path + "/value", *f->item, {}));
    } else if (op == "object") {
      only(j, path, {"object"});
      e.kind = Expr::Kind::Object;
      if (!arg.is_object()) fail("pack.invalid_type", path + "/object", "expected an object of expressions");
      else
        for (auto it = arg.begin(); it != arg.end(); ++it) {
          e.keys.push_back(it.key());
          e.args.push_back(read_expr(it.value(), path + "/object/" + pointer_token(it.key()), schema, earlier_fields));
        }
    } else {
      fail("pack.invalid_type", path, "unknown expression '" + op + "'");
    }
    return e;
  }

  // ---- outcomes ----

  void read_outcomes(const Json& doc, const char* key, const char* subject, std::vector<Outcome>& out) {
    const Json* list = member(doc, key);
    if (!list) return;
    const std::string path = std::string("/") + key;
    if (!list->is_array()) return fail("pack.invalid_type", path, "expected a list of outcomes");
    schema_ = &subjects_.at(subject).record;
    earlier_.clear();
    out.reserve(list->size());  // earlier_ points into `out`
    for (std::size_t i = 0; i < list->size(); ++i) {
      out.push_back(read_outcome((*list)[i], path + "/" + std::to_string(i)));
      earlier_.push_back(&out.back());
    }
  }

  Outcome read_outcome(const Json& j, const std::string& path) {
    Outcome o;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "an outcome is an object");
      return o;
    }
    only(j, path, {"id", "label", "requires", "routes", "prefer", "priority", "notes", "benefits", "obligations", "selection",
                   "closest", "under_review", "benefits_at_top"});
    o.id = string_at(j, "id", path);
    if (!o.id.empty() && !outcome_ids_.insert(o.id).second) fail("pack.duplicate_id", path + "/id", "outcome '" + o.id + "' is declared twice");
    if (o.id.rfind(pack_.id + ".", 0) != 0) fail("pack.invalid_value", path + "/id", "outcome ids start with '" + pack_.id + ".'");
    labels_[o.id] = text_at(j, "label", path);
    const Scope top{schema_, "", true, false};
    for_each_item(j, "requires", path, [&](const Json& c, const std::string& p) { o.required.push_back(read_condition(c, p, top)); });
    for_each_item(j, "routes", path, [&](const Json& r, const std::string& p) { o.routes.push_back(read_route(r, p)); });
    name_routes(o.routes, path);
    o.preference = default_preference();
    if (const Json* prefer = member(j, "prefer")) read_preference(*prefer, path + "/prefer", o.preference);
    for_each_item(j, "priority", path, [&](const Json& c, const std::string& p) {
      o.priority.push_back(read_condition(c, p, top));
      if (!o.priority.back().reports()) fail("pack.missing_text", p, "a priority needs its own text and clause");
    });
    for_each_item(j, "notes", path, [&](const Json& c, const std::string& p) {
      o.notes.push_back(read_condition(c, p, top));
      if (!o.notes.back().reports()) fail("pack.missing_text", p, "a note needs its own text and clause");
    });
    std::set<std::string> benefit_ids;
    for_each_item(j, "benefits", path, [&](const Json& b, const std::string& p) {
      o.benefits.push_back(read_benefit(b, p));
      if (!benefit_ids.insert(o.benefits.back().id).second) fail("pack.duplicate_id", p + "/id", "benefit declared twice");
    });
    std::set<std::string> obligation_ids;
    for_each_item(j, "obligations", path, [&](const Json& b, const std::string& p) {
      o.obligations.push_back(read_obligation(b, p));
      if (!obligation_ids.insert(o.obligations.back().id).second) fail("pack.duplicate_id", p + "/id", "obligation declared twice");
    });
    for (std::size_t r = 0; r < o.routes.size(); ++r) {
      const std::string at = path + "/routes/" + std::to_string(r);
      if (o.routes[r].benefits)
        for (const auto& id : *o.routes[r].benefits)
          if (!benefit_ids.count(id)) fail("pack.unknown_value", at + "/benefits", "no benefit '" + id + "' in this outcome");
      if (o.routes[r].obligations)
        for (const auto& id : *o.routes[r].obligations)
          if (!obligation_ids.count(id)) fail("pack.unknown_value", at + "/obligations", "no obligation '" + id + "' in this outcome");
    }
    if (const Json* selection = member(j, "selection")) {
      if (!selection->is_object() || !member(*selection, "kind") || !(*member(*selection, "kind")).is_string())
        fail("pack.invalid_type", path + "/selection", "a selection is an object with a \"kind\" and a \"clause\"");
      else clause_at(*selection, path + "/selection", true);
      o.selection = to_datum(*selection);
    }
    o.under_review = flag(j, "under_review", path);
    if (const Json* closest = member(j, "closest")) {
      if (!closest->is_string()) fail("pack.invalid_type", path + "/closest", "expected the name of the value, e.g. \"category\"");
      else o.closest_key = closest->get<std::string>();
    }
    o.benefits_at_top = flag(j, "benefits_at_top", path);
    if (o.required.empty() && o.routes.empty()) fail("pack.missing_key", path, "an outcome needs requires or routes");
    return o;
  }

  template <typename F>
  void for_each_item(const Json& j, const char* key, const std::string& path, F f) {
    const Json* list = member(j, key);
    if (!list) return;
    if (!list->is_array()) return fail("pack.invalid_type", path + "/" + key, "expected a list");
    for (std::size_t i = 0; i < list->size(); ++i) f((*list)[i], path + "/" + key + "/" + std::to_string(i));
  }

  void read_preference(const Json& j, const std::string& path, Preference& out) {
    Preference p;
    if (j.is_array())
      for (const Json& name : j)
        if (name.is_string() && kTruthNames.count(name.get<std::string>())) p.push_back(kTruthNames.at(name.get<std::string>()));
    if (p.size() != 4 || std::set<Truth>(p.begin(), p.end()).size() != 4)
      return fail("pack.invalid_value", path, "prefer lists met, review, incomplete and unmet once each");
    out = p;
  }

  Route read_route(const Json& j, const std::string& path) {
    Route r;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "a route is an object");
      return r;
    }
    only(j, path, {"id", "clause", "when", "value", "bind", "benefits", "obligations", "closest"});
    if (member(j, "id")) r.id = string_at(j, "id", path);
    r.clause = clause_at(j, path, true);
    const Json* when = member(j, "when");
    if (!when) fail("pack.missing_key", path + "/when", "a route needs 'when'");
    else r.when = read_condition(*when, path + "/when", Scope{schema_, r.clause, true, false});
    if (const Json* v = member(j, "value")) {
      if (v->is_string()) r.value = v->get<std::string>();
      else if (const Json* b = member(*v, "bound"); b && b->is_string() && v->size() == 1) {
        r.value_bound = b->get<std::string>();
        if (!bind_names_.count(r.value_bound))
          fail("pack.unknown_field", path + "/value/bound", "no condition binds '" + r.value_bound + "'");
      } else fail("pack.invalid_value", path + "/value", "a route value is a string or {\"bound\": name}");
    }
    if (member(j, "bind")) bind_names_.insert(r.bind = string_at(j, "bind", path));
    if (const Json* b = member(j, "benefits")) r.benefits = names(*b, path + "/benefits");
    if (const Json* b = member(j, "obligations")) r.obligations = names(*b, path + "/obligations");
    r.closest = !member(j, "closest") || flag(j, "closest", path);
    return r;
  }

  // A route's name in the answers: its own "id", else its value when that
  // tells it apart (a tier, a letter), else its clause, else the clause with
  // its place ("fcg:2.relax#2"). Named routes must differ.
  void name_routes(std::vector<Route>& routes, const std::string& path) {
    const auto count = [&](auto same) { return std::count_if(routes.begin(), routes.end(), same); };
    for (std::size_t i = 0; i < routes.size(); ++i) {
      Route& r = routes[i];
      if (!r.id.empty()) continue;
      if (!r.value.empty() && count([&](const Route& o) { return o.value == r.value; }) == 1) r.id = r.value;
      else if (count([&](const Route& o) { return o.clause == r.clause; }) == 1) r.id = r.clause;
      else r.id = r.clause + "#" + std::to_string(i + 1);
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < routes.size(); ++i)
      if (!seen.insert(routes[i].id).second)
        fail("pack.duplicate_id", path + "/routes/" + std::to_string(i) + "/id", "route '" + routes[i].id + "' is named twice");
  }

  Benefit read_benefit(const Json& j, const std::string& path) {
    Benefit b;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "a benefit is an object");
      return b;
    }
    only(j, path, {"id", "clause", "when", "fields", "value"});
    b.id = string_at(j, "id", path);
    b.clause = clause_at(j, path, true);
    if (const Json* when = member(j, "when")) b.when = read_condition(*when, path + "/when", Scope{schema_, b.clause, false, true});
    if (const Json* value = member(j, "value")) {
      if (member(j, "fields")) fail("pack.invalid_value", path + "/value", "a benefit has fields or one value, not both");
      b.value = read_expr(*value, path + "/value", *schema_, {});
      return b;
    }
    const Json* fields = member(j, "fields");
    if (!fields || !fields->is_object() || fields->empty()) {
      fail("pack.missing_key", path + "/fields", "a benefit needs fields (or one value)");
      return b;
    }
    for (auto it = fields->begin(); it != fields->end(); ++it) {
      if (it.key() == "clause") fail("pack.invalid_value", path + "/fields/clause", "'clause' is the benefit's own key");
      Expr e = read_expr(it.value(), path + "/fields/" + pointer_token(it.key()), *schema_, b.fields);
      b.fields.emplace_back(it.key(), std::move(e));
    }
    return b;
  }

  // What a route asks in return. Its `quote`, the words of the clause it
  // rests on, must be in that clause's text: the obligation is held to the
  // document like every other text.
  Obligation read_obligation(const Json& j, const std::string& path) {
    static const Keys kKinds = {"service", "report", "lock", "condition", "clawback", "duty", "note"};
    Obligation ob;
    if (!j.is_object()) {
      fail("pack.invalid_type", path, "an obligation is an object");
      return ob;
    }
    only(j, path, {"id", "kind", "clause", "quote", "text", "text_unknown", "when", "fields"});
    ob.id = string_at(j, "id", path);
    ob.kind = string_at(j, "kind", path);
    if (!ob.kind.empty() && !kKinds.count(ob.kind))
      fail("pack.invalid_value", path + "/kind", "an obligation's kind is service, report, lock, condition, clawback, duty or note");
    ob.clause = clause_at(j, path, true);
    ob.text = text_at(j, "text", path);
    if (member(j, "text_unknown")) ob.text_unknown = text_at(j, "text_unknown", path);
    if (const Json* when = member(j, "when")) ob.when = read_condition(*when, path + "/when", Scope{schema_, ob.clause, false, true});
    if (const Json* fields = member(j, "fields")) {
      if (!fields->is_object()) fail("pack.invalid_type", path + "/fields", "expected an object of figures");
      else
        for (auto it = fields->begin(); it != fields->end(); ++it) {
          if (kObligationKeys.count(it.key())) fail("pack.invalid_value", path + "/fields/" + pointer_token(it.key()), "'" + it.key() + "' is the obligation's own key");
          Expr e = read_expr(it.value(), path + "/fields/" + pointer_token(it.key()), *schema_, ob.fields);
          ob.fields.emplace_back(it.key(), std::move(e));
        }
    }
    for (const std::string* text : {&ob.text.zh, &ob.text.en})
      for (const std::string& name : placeholders(*text))
        if (std::none_of(ob.fields.begin(), ob.fields.end(), [&](const auto& f) { return f.first == name; }))
          fail("pack.unknown_field", path + "/text", "{" + name + "} names no figure of this obligation");
    const std::string quote = string_at(j, "quote", path);
    const auto clause = clause_index_.find(ob.clause);
    if (!quote.empty() && clause != clause_index_.end() &&
        without_whitespace(loaded_.clauses[static_cast<std::size_t>(clause->second)].second.zh).find(without_whitespace(quote)) ==
            std::string::npos)
      fail("pack.quote_mismatch", path + "/quote", "the quote is not in the text of clause " + ob.clause);
    return ob;
  }

  static std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      const std::size_t close = text.find('}', open);
      if (close == std::string::npos) break;
      // {years|year|years}: the figure's name, then its noun in the singular and plural.
      const std::string inside = text.substr(open + 1, close - open - 1);
      out.push_back(inside.substr(0, inside.find('|')));
    }
    return out;
  }

  void read_warning(const Json& j, const std::string& path) {
    if (!j.is_object()) return fail("pack.invalid_type", path, "a warning is an object");
    only(j, path, {"code", "clause", "from", "message"});
    PackWarning w;
    w.code = string_at(j, "code", path);
    w.clause = clause_at(j, path, true);
    w.from = date_at(j, "from", path);
    w.message = string_at(j, "message", path);
    pack_.warnings.push_back(std::move(w));
  }

  // ---- describe ----

  void describe() {
    Json outcomes = Json::array();
    for (const auto* list : {&pack_.outcomes, &pack_.team_checks})
      for (const Outcome& o : *list) {
        Json clauses = Json::array();
        for (const Route& r : o.routes) clauses.push_back(r.clause);
        const Text& label = labels_[o.id];
        outcomes.push_back({{"id", o.id}, {"label", {{"zh", label.zh}, {"en", label.en}}}, {"route_clauses", clauses}});
      }
    loaded_.description = Json{{"id", pack_.id},
                         {"title", {{"zh", pack_.title.zh}, {"en", pack_.title.en}}},
                         {"version", pack_.version},
                         {"version_date", loaded_.version_date},
                         {"source", pack_.source},
                         {"in_force", {{"from", format_date(pack_.in_force_from)}, {"to", format_date(pack_.in_force_to)}}},
                         {"outcomes", outcomes}};
  }
};

}  // namespace

std::optional<LoadedPack> load_pack(const Json& pack, const Json& clauses, const LoadedSubjects& subjects,
                                    const std::string& folder, LoadErrors& errors) {
  PackLoader loader(subjects, folder, errors);
  return loader.load(pack, clauses);
}

}  // namespace talent
