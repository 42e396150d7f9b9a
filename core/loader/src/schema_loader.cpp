// Reading core/policies/subjects.json (the profile and team forms) into
// SubjectSchema. Build time and tests only.
#include <algorithm>
#include <set>

#include "loaders.hpp"

namespace talent {

namespace {

const std::set<std::string> kFieldKeys = {"type",  "values", "ordered", "min",   "max",     "above",
                                          "derive", "default", "label", "options", "group",
                                          "item",  "fields", "max_length", "max_items", "absent_means_none", "subject"};

// Where problems go: each names the subjects file.
struct Problems {
  LoadErrors& errors;
  const std::string& file;
  void add(const std::string& id, const std::string& path, const std::string& msg) const {
    errors.push_back({id, file, path, msg});
  }
};

void fail(const Problems& problems, const std::string& id, const std::string& path, const std::string& msg) {
  problems.add(id, path, msg);
}

std::vector<std::string> read_strings(const Json& j, const std::string& path, const Problems& errors) {
  std::vector<std::string> out;
  if (!j.is_array()) {
    fail(errors, "schema.invalid_type", path, "expected an array of strings");
    return out;
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_string()) fail(errors, "schema.invalid_type", path + "/" + std::to_string(i), "expected a string");
    else out.push_back(j[i].get<std::string>());
  }
  return out;
}

std::optional<double> read_number(const Json& spec, const char* key, const std::string& path, const Problems& errors) {
  const Json* v = member(spec, key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    fail(errors, "schema.invalid_type", path + "/" + key, "expected a number");
    return std::nullopt;
  }
  return v->get<double>();
}

bool read_flag(const Json& spec, const char* key, const std::string& path, const Problems& errors) {
  const Json* v = member(spec, key);
  if (!v) return false;
  if (!v->is_boolean()) fail(errors, "schema.invalid_type", path + "/" + key, "expected true or false");
  return v->is_boolean() && v->get<bool>();
}

struct SchemaReader {
  const Problems& errors;
  Json questions = Json::array();

  // Adds the fields of `spec_fields` (an object of field specs) to `record`,
  // with `prefix` before their names; `presentation` collects questions.
  void read_fields(const Json& spec_fields, const std::string& prefix, const std::string& path, RecordSchema& record,
                   Json* presentation) {
    if (!spec_fields.is_object()) {
      fail(errors, "schema.invalid_type", path, "expected an object of fields");
      return;
    }
    for (auto it = spec_fields.begin(); it != spec_fields.end(); ++it) {
      const std::string key = it.key();
      const std::string field_path = path + "/" + pointer_token(key);
      const Json& spec = it.value();
      if (!spec.is_object()) {
        fail(errors, "schema.invalid_type", field_path, "a field spec must be an object");
        continue;
      }
      for (auto k = spec.begin(); k != spec.end(); ++k)
        if (!kFieldKeys.count(k.key()))
          fail(errors, "schema.unknown_key", field_path + "/" + pointer_token(k.key()), "unknown key '" + k.key() + "'");
      const Json* type = member(spec, "type");
      if (!type || !type->is_string()) {
        fail(errors, "schema.invalid_type", field_path + "/type", "a field needs a type");
        continue;
      }
      const std::string t = type->get<std::string>();
      const std::string name = prefix.empty() ? key : prefix + "." + key;
      if (t == "object") {
        const Json* sub = member(spec, "fields");
        if (!sub) {
          fail(errors, "schema.invalid_type", field_path, "an object field needs 'fields'");
          continue;
        }
        auto& group = record.groups[name];
        for (auto s = sub->begin(); sub->is_object() && s != sub->end(); ++s) group.push_back(s.key());
        read_fields(*sub, name, field_path + "/fields", record, presentation);
        continue;
      }
      FieldSpec field;
      field.path = name;
      if (!read_scalar(spec, t, field_path, field)) continue;
      if (record.index.count(name)) {
        fail(errors, "schema.duplicate_id", field_path, "field '" + name + "' declared twice");
        continue;
      }
      record.index[name] = static_cast<int>(record.fields.size());
      record.fields.push_back(std::move(field));
      if (presentation) presentation->push_back(question(name, spec));
    }
  }

  // {"years_since": date field, "on": date field} (an integer field);
  // {"field": name, "of": subject field}; {"outcome": id, "of": subject
  // field, "otherwise": value} (an enum field). The names are checked once
  // every subject is read (check_derivations).
  Derivation read_derivation(const Json& d, const FieldSpec& field, const std::string& path) {
    Derivation out;
    const auto text = [&](const char* key) {
      const Json* v = member(d, key);
      return v && v->is_string() ? v->get<std::string>() : std::string();
    };
    if (d.is_object() && d.size() == 2 && !text("years_since").empty() && !text("on").empty() &&
        field.type == FieldType::Integer)
      out = {Derivation::Kind::YearsSince, text("years_since"), text("on"), "", ""};
    else if (d.is_object() && d.size() == 2 && !text("field").empty() && !text("of").empty())
      out = {Derivation::Kind::FieldOf, text("field"), "", text("of"), ""};
    else if (d.is_object() && d.size() == 3 && !text("outcome").empty() && !text("of").empty() &&
             field.type == FieldType::Enum && field.rank_of(text("otherwise")) >= 0)
      out = {Derivation::Kind::OutcomeOf, text("outcome"), "", text("of"), text("otherwise")};
    else
      fail(errors, "schema.invalid_type", path,
           "derive is {\"years_since\": date field, \"on\": date field}, {\"field\": name, \"of\": subject field} "
           "or {\"outcome\": id, \"of\": subject field, \"otherwise\": one of the values}");
    return out;
  }

  bool read_scalar(const Json& spec, const std::string& t, const std::string& path, FieldSpec& field) {
    static const std::map<std::string, FieldType> kTypes = {
        {"boolean", FieldType::Boolean}, {"integer", FieldType::Integer}, {"number", FieldType::Number},
        {"enum", FieldType::Enum},       {"text", FieldType::Text},       {"date", FieldType::Date}};
    if (t == "subject") {  // another subject nested (a team leader's profile); its fields come later
      field.type = FieldType::Subject;
      const Json* name = member(spec, "subject");
      if (!name || !name->is_string()) {
        fail(errors, "schema.invalid_type", path + "/subject", "a subject field names the subject, e.g. \"profile\"");
        return false;
      }
      field.subject = name->get<std::string>();
      return true;
    }
    if (t == "list") {
      if (auto n = read_number(spec, "max_items", path, errors)) {
        if (*n < 1 || *n != static_cast<double>(static_cast<std::size_t>(*n)))
          fail(errors, "schema.invalid_type", path + "/max_items", "max_items is a whole number of at least 1");
        else field.max_items = static_cast<std::size_t>(*n);
      }
      const Json* item = member(spec, "item");
      const Json* item_type = item ? member(*item, "type") : nullptr;
      if (!item_type || !item_type->is_string()) {
        fail(errors, "schema.invalid_type", path + "/item", "a list needs an item with a type");
        return false;
      }
      if (*item_type == "enum") {
        field.type = FieldType::EnumList;
        if (const Json* v = member(*item, "values")) field.values = read_strings(*v, path + "/item/values", errors);
      } else if (*item_type == "object") {
        field.type = FieldType::RecordList;
        field.item = std::make_shared<RecordSchema>();
        const Json* sub = member(*item, "fields");
        if (!sub) {
          fail(errors, "schema.invalid_type", path + "/item", "an object item needs 'fields'");
          return false;
        }
        read_fields(*sub, "", path + "/item/fields", *field.item, nullptr);
      } else {
        fail(errors, "schema.invalid_type", path + "/item/type", "list items are enums or objects");
        return false;
      }
      return true;
    }
    auto found = kTypes.find(t);
    if (found == kTypes.end()) {
      fail(errors, "schema.invalid_type", path + "/type", "unknown type '" + t + "'");
      return false;
    }
    field.type = found->second;
    if (const Json* v = member(spec, "values")) field.values = read_strings(*v, path + "/values", errors);
    if (field.type == FieldType::Enum && field.values.empty())
      fail(errors, "schema.invalid_type", path, "an enum needs values");
    field.ordered = read_flag(spec, "ordered", path, errors);
    field.absent_means_none = read_flag(spec, "absent_means_none", path, errors);
    field.min = read_number(spec, "min", path, errors);
    field.max = read_number(spec, "max", path, errors);
    field.above = read_number(spec, "above", path, errors);
    if (auto len = read_number(spec, "max_length", path, errors)) field.max_length = static_cast<std::size_t>(*len);
    if (const Json* d = member(spec, "default")) {
      if (field.type == FieldType::Date && *d == "today") field.default_today = true;
      else fail(errors, "schema.invalid_type", path + "/default", "only a date may default, to \"today\"");
    }
    if (const Json* d = member(spec, "derive")) field.derive = read_derivation(*d, field, path + "/derive");
    return true;
  }

  static Json question(const std::string& name, const Json& spec) {
    Json q = Json::object();
    q["field"] = name;
    // absent_means_none tells the page that leaving the question empty is an
    // answer ("none"), not an unknown.
    for (const char* key : {"type", "group", "label", "values", "min", "max", "max_items", "options", "absent_means_none"})
      if (const Json* v = member(spec, key)) q[key] = *v;
    if (const Json* item = member(spec, "item")) {
      if (const Json* v = member(*item, "values")) q["values"] = *v;
      if (const Json* v = member(*item, "options")) q["options"] = *v;
      if (const Json* f = member(*item, "fields")) {
        Json sub = Json::array();
        for (auto it = f->begin(); it != f->end(); ++it) sub.push_back(question(it.key(), it.value()));
        q["fields"] = sub;
      }
    }
    return q;
  }
};

// Nested subjects get their fields; every derivation names fields that are
// there, of the right type.
void resolve(std::map<std::string, SubjectSchema>& subjects, const Problems& errors) {
  for (auto& [name, subject] : subjects)
    for (FieldSpec& f : subject.record.fields) {
      if (f.type != FieldType::Subject) continue;
      auto other = subjects.find(f.subject);
      const auto nests = [](const SubjectSchema& s) {
        return std::any_of(s.record.fields.begin(), s.record.fields.end(),
                           [](const FieldSpec& x) { return x.type == FieldType::Subject; });
      };
      // One level only: the nested subject nests none itself.
      if (other == subjects.end() || other->first == name || nests(other->second)) {
        errors.add("schema.unknown_field", "/" + name, "'" + f.path + "' nests '" + f.subject + "', not another subject without nested subjects");
        continue;
      }
      f.item = std::make_shared<RecordSchema>(other->second.record);
    }
  for (const auto& [name, subject] : subjects) {
    const RecordSchema& record = subject.record;
    const std::string path = "/" + name;
    for (const auto& f : record.fields) {
      const Derivation& d = f.derive;
      const auto field = [&](const std::string& n) { return record.find(n) < 0 ? nullptr : &record.fields[record.find(n)]; };
      if (d.kind == Derivation::Kind::YearsSince) {
        for (const auto& n : {d.from, d.on})
          if (!field(n) || field(n)->type != FieldType::Date)
            errors.add("schema.unknown_field", path, "'" + f.path + "' derives from '" + n + "', not a date field");
      } else if (d.kind != Derivation::Kind::None) {
        const FieldSpec* of = field(d.of);
        if (!of || of->type != FieldType::Subject || !of->item) {
          errors.add("schema.unknown_field", path, "'" + f.path + "' derives from '" + d.of + "', not a subject field");
          continue;
        }
        if (d.kind == Derivation::Kind::FieldOf) {
          const int from = of->item->find(d.from);
          if (from < 0 || of->item->fields[from].type != f.type || of->item->fields[from].values != f.values)
            errors.add("schema.unknown_field", path, "'" + f.path + "' copies '" + d.from + "', not a field of the same type");
        }
      }
    }
  }
}

}  // namespace

LoadedSubjects load_subjects(const Json& doc, const std::string& file, LoadErrors& errors) {
  const Problems problems{errors, file};
  LoadedSubjects out;
  if (!doc.is_object()) {
    problems.add("schema.invalid_type", "", "the subjects file must be an object");
    return out;
  }
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string path = "/" + pointer_token(it.key());
    const Json& s = it.value();
    SubjectSchema subject;
    subject.name = it.key();
    const Json* schema = member(s, "schema");
    const Json* fields = member(s, "fields");
    if (!schema || !schema->is_string() || !fields) {
      problems.add("schema.invalid_type", path, "a subject needs 'schema' and 'fields'");
      continue;
    }
    for (auto k = s.begin(); k != s.end(); ++k)
      if (k.key() != "schema" && k.key() != "fields")
        problems.add("schema.unknown_key", path + "/" + pointer_token(k.key()), "unknown key '" + k.key() + "'");
    subject.schema = schema->get<std::string>();
    SchemaReader reader{problems};
    reader.read_fields(*fields, "", path + "/fields", subject.record, &reader.questions);
    out.questions[subject.name] = std::move(reader.questions);
    out.schemas.emplace(subject.name, std::move(subject));
  }
  resolve(out.schemas, problems);
  return out;
}

}  // namespace talent
