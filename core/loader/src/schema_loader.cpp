// Reading core/policies/subjects.json (the profile and team forms) into
// SubjectSchema. Build time and tests only.
#include <set>

#include "loaders.hpp"

namespace talent {

namespace {

const std::set<std::string> kFieldKeys = {"type",  "values", "ordered", "min",   "max",     "above",
                                          "derive", "default", "label", "options", "group",
                                          "item",  "fields", "max_length", "absent_means_none"};

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

  bool read_scalar(const Json& spec, const std::string& t, const std::string& path, FieldSpec& field) {
    static const std::map<std::string, FieldType> kTypes = {
        {"boolean", FieldType::Boolean}, {"integer", FieldType::Integer}, {"number", FieldType::Number},
        {"enum", FieldType::Enum},       {"text", FieldType::Text},       {"date", FieldType::Date}};
    if (t == "list") {
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
    if (const Json* d = member(spec, "derive")) {
      const Json* from = member(*d, "years_since");
      const Json* on = member(*d, "on");
      if (field.type != FieldType::Integer || !from || !on || !from->is_string() || !on->is_string() || d->size() != 2)
        fail(errors, "schema.invalid_type", path + "/derive", "derive is {\"years_since\": date field, \"on\": date field}");
      else {
        field.derive_from = from->get<std::string>();
        field.derive_on = on->get<std::string>();
      }
    }
    return true;
  }

  static Json question(const std::string& name, const Json& spec) {
    Json q = Json::object();
    q["field"] = name;
    // absent_means_none tells the page that leaving the question empty is an
    // answer ("none"), not an unknown.
    for (const char* key : {"type", "group", "label", "values", "min", "max", "options", "absent_means_none"})
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

void check_derivations(const RecordSchema& record, const std::string& path, const Problems& errors) {
  for (const auto& f : record.fields) {
    if (f.derive_from.empty()) continue;
    for (const auto& name : {f.derive_from, f.derive_on}) {
      int i = record.find(name);
      if (i < 0 || record.fields[i].type != FieldType::Date)
        errors.add("schema.unknown_field", path, "'" + f.path + "' derives from '" + name + "', not a date field");
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
    check_derivations(subject.record, path, problems);
    out.questions[subject.name] = std::move(reader.questions);
    out.schemas.emplace(subject.name, std::move(subject));
  }
  return out;
}

}  // namespace talent
