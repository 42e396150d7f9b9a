#include "talent/subject.hpp"

#include "talent/datum.hpp"
#include "talent/json_writer.hpp"

#include <cmath>

namespace talent {
namespace {

// Deepest nesting of arrays and objects, counted without parsing, so that a
// hostile input is refused before any recursive code sees it.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

std::string describe_number(double x) {
  std::string out;
  write_number(out, x);
  return out;
}

class SubjectReader {
 public:
  SubjectReader(Subject& out) : out_(out) {}

  void read_record(const RecordSchema& schema, const Datum& object, const std::string& path, Record& record) {
    record.values.assign(schema.fields.size(), Value{});
    read_object(schema, object, "", path, record);
  }

  // Fills what the input left out and the schema can work out: today's date,
  // ages from birth dates, fields copied out of a nested subject. `path` is
  // the record's JSON pointer.
  void derive(const RecordSchema& schema, Record& record, const std::string& path = "") {
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
      const FieldSpec& f = schema.fields[i];
      Value& v = record.values[i];
      if (f.default_today && !v.known()) {
        v.kind = Value::Kind::Date;
        v.date = today();
      }
      if (f.type == FieldType::Subject && v.known()) derive(*f.item, v.records[0], path + pointer_of(f.path));
    }
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
      const FieldSpec& f = schema.fields[i];
      if (f.derive.kind == Derivation::Kind::YearsSince) years_since(schema, f, record.values[i], record, path);
      else if (f.derive.kind == Derivation::Kind::FieldOf) field_of(schema, f, record.values[i], record, path);
    }
  }

 private:
  Subject& out_;

  void years_since(const RecordSchema& schema, const FieldSpec& f, Value& target, const Record& record,
                   const std::string& path) {
    const Value& from = record.values[schema.find(f.derive.from)];
    const Value& on = record.values[schema.find(f.derive.on)];
    if (!from.known() || !on.known()) return;
    const int years = completed_years(from.date, on.date);
    const std::string at = path + pointer_of(f.derive.from);
    if (target.known()) {
      if (static_cast<int>(target.number) != years)
        out_.warnings.push_back({"derived_value_mismatch", at, "",
                                 f.path + " given as " + describe_number(target.number) + ", but " + f.derive.from +
                                     " gives " + decimal(years) + "; " + f.path + " is used"});
      return;
    }
    if ((f.min && years < *f.min) || (f.max && years > *f.max)) {
      error(at, "out_of_range",
            f.derive.from + " gives " + f.path + " " + decimal(years) + ", outside " +
                describe_number(f.min.value_or(0)) + ".." + describe_number(f.max.value_or(0)));
      return;
    }
    target.kind = Value::Kind::Number;
    target.number = years;
  }

  // The field of a nested subject (a team leader's "retired", from their profile).
  void field_of(const RecordSchema& schema, const FieldSpec& f, Value& target, const Record& record,
                const std::string& path) {
    const int of = schema.find(f.derive.of);
    const Value& subject = record.values[of];
    if (!subject.known()) return;
    const int from = schema.fields[of].item->find(f.derive.from);
    const Value& source = subject.records[0].values[from];
    if (!source.known()) return;
    if (!target.known()) {
      target = source;
      return;
    }
    const FieldSpec& source_spec = schema.fields[of].item->fields[from];
    if (value_key(f, target) != value_key(source_spec, source))
      out_.warnings.push_back({"derived_value_mismatch", path + pointer_of(f.derive.of) + pointer_of(f.derive.from), "",
                               f.path + " given as " + value_key(f, target) + ", but " + f.derive.of + " gives " +
                                   value_key(source_spec, source) + "; " + f.path + " is used"});
  }

  void error(const std::string& path, const char* code, const std::string& message) {
    out_.errors.push_back({path, code, message});
  }

  void read_object(const RecordSchema& schema, const Datum& object, const std::string& prefix, const std::string& path,
                   Record& record) {
    std::string name;
    int next = 0;  // forms usually list fields in the schema's order: try the next one first
    for (const auto& [key, value] : object.members) {
      name = prefix.empty() ? key : prefix + "." + key;
      // The JSON pointer of this member, made only when something is said about it.
      auto here = [&path, &key = key] { return path + "/" + pointer_token(key); };
      int index = next < static_cast<int>(schema.fields.size()) && schema.fields[next].path == name ? next : schema.find(name);
      if (index >= 0) {
        next = index + 1;
        read_value(schema.fields[index], value, here, record.values[index]);
      } else if (schema.groups.find(name) != schema.groups.end()) {
        if (value.is_null()) continue;
        if (!value.is_object()) error(here(), "invalid_type", "expected an object");
        else read_object(schema, value, name, here(), record);
      } else {
        out_.warnings.push_back({"unknown_field", here(), "", "ignored: not a field of this form"});
      }
    }
  }

  template <class Path>
  void read_value(const FieldSpec& f, const Datum& j, const Path& here, Value& v) {
    using K = Datum::Kind;
    if (j.is_null()) return;  // unknown; an unknown list is empty
    switch (f.type) {
      case FieldType::Boolean:
        if (j.kind != K::Boolean) return error(here(), "invalid_type", "expected true or false");
        v.kind = Value::Kind::Boolean;
        v.flag = j.flag;
        return;
      case FieldType::Integer:
      case FieldType::Number: {
        if (!j.is_number()) return error(here(), "invalid_type", "expected a number");
        const double x = j.number;
        if (!std::isfinite(x)) return error(here(), "out_of_range", "not a finite number");
        if (f.type == FieldType::Integer && x != std::floor(x))
          return error(here(), "invalid_type", "expected a whole number");
        if ((f.min && x < *f.min) || (f.max && x > *f.max) || (f.above && x <= *f.above))
          return error(here(), "out_of_range", describe_number(x) + " is outside " + range_text(f));
        v.kind = Value::Kind::Number;
        v.number = x;
        return;
      }
      case FieldType::Enum:
        if (j.kind != K::Text) return error(here(), "invalid_type", "expected one of the listed values");
        v.rank = f.rank_of(j.text);
        if (v.rank < 0) return error(here(), "unknown_value", "'" + j.text + "' is not " + one_of(f));
        v.kind = Value::Kind::Enum;
        v.text = j.text;
        return;
      case FieldType::Text:
        if (j.kind != K::Text) return error(here(), "invalid_type", "expected text");
        if (f.max_length && j.text.size() > f.max_length)
          return error(here(), "out_of_range", "longer than " + decimal(static_cast<long long>(f.max_length)) + " bytes");
        v.kind = Value::Kind::Text;
        v.text = j.text;
        return;
      case FieldType::Date: {
        if (j.kind != K::Text) return error(here(), "invalid_type", "expected a date, YYYY-MM-DD");
        auto d = parse_date(j.text);
        if (!d) return error(here(), "invalid_date", "'" + j.text + "' is not a date YYYY-MM-DD");
        v.kind = Value::Kind::Date;
        v.date = *d;
        return;
      }
      case FieldType::EnumList: {
        if (j.kind != K::Array) return error(here(), "invalid_type", "expected a list");
        if (f.max_items && j.items.size() > f.max_items)
          return error(here(), "out_of_range",
                       decimal(static_cast<long long>(j.items.size())) + " entries, more than the " +
                           decimal(static_cast<long long>(f.max_items)) + " this list takes");
        v.kind = Value::Kind::EnumList;
        for (std::size_t i = 0; i < j.items.size(); ++i) {
          const std::string item = here() + "/" + decimal(static_cast<long long>(i));
          if (j.items[i].kind != K::Text) {
            error(item, "invalid_type", "expected one of the listed values");
            continue;
          }
          int rank = f.rank_of(j.items[i].text);
          if (rank < 0) error(item, "unknown_value", "'" + j.items[i].text + "' is not " + one_of(f));
          else v.ranks.push_back(rank);
        }
        return;
      }
      case FieldType::Subject: {
        if (!j.is_object()) return error(here(), "invalid_type", "expected an object");
        v.kind = Value::Kind::Records;
        v.records.emplace_back();
        read_record(*f.item, j, here(), v.records[0]);
        return;
      }
      case FieldType::RecordList: {
        if (j.kind != K::Array) return error(here(), "invalid_type", "expected a list");
        if (f.max_items && j.items.size() > f.max_items)
          return error(here(), "out_of_range",
                       decimal(static_cast<long long>(j.items.size())) + " entries, more than the " +
                           decimal(static_cast<long long>(f.max_items)) + " this list takes");
        v.kind = Value::Kind::Records;
        for (std::size_t i = 0; i < j.items.size(); ++i) {
          const std::string item = here() + "/" + decimal(static_cast<long long>(i));
          if (!j.items[i].is_object()) {
            error(item, "invalid_type", "expected an object");
            continue;
          }
          Record r;
          read_record(*f.item, j.items[i], item, r);
          v.records.push_back(std::move(r));
        }
        return;
      }
    }
  }

  static std::string one_of(const FieldSpec& f) {
    std::string s = "one of ";
    for (std::size_t i = 0; i < f.values.size(); ++i) s += (i ? ", " : "") + f.values[i];
    return s;
  }

  static std::string range_text(const FieldSpec& f) {
    std::string lo = f.above ? "(" + describe_number(*f.above) : "[" + describe_number(f.min.value_or(0));
    std::string hi = f.max ? describe_number(*f.max) + "]" : "∞)";
    return lo + ", " + hi;
  }
};

}  // namespace

Subject read_subject(const SubjectSchema& schema, std::string_view text) {
  Subject out;
  if (text.size() > kMaxInputBytes) {
    out.errors.push_back({"", "too_large", "the input is larger than " + decimal(kMaxInputBytes) + " bytes, the most that is read"});
    return out;
  }
  if (nesting_depth(text) > kMaxDepth) {
    out.errors.push_back({"", "too_deep", "the input nests deeper than " + decimal(kMaxDepth) + " levels"});
    return out;
  }
  Datum doc;
  if (!parse_datum(text, doc)) {
    out.errors.push_back({"", "invalid_json", "the input is not valid JSON (UTF-8)"});
    return out;
  }
  if (!doc.is_object()) {
    out.errors.push_back({"", "not_object", "expected a JSON object"});
    return out;
  }
  SubjectReader reader(out);
  reader.read_record(schema.record, doc, "", out.record);
  if (out.errors.empty()) reader.derive(schema.record, out.record);
  return out;
}

std::string pointer_of(const std::string& dotted) {
  std::string out = "/";
  for (char c : dotted) out += c == '.' ? '/' : c;
  return out;
}

std::string value_key(const FieldSpec& spec, const Value& v) {
  switch (v.kind) {
    case Value::Kind::Boolean: return v.flag ? "true" : "false";
    case Value::Kind::Enum: return spec.values[v.rank];
    case Value::Kind::Text: return v.text;
    case Value::Kind::Number: return describe_number(v.number);
    case Value::Kind::Date: return format_date(v.date);
    default: return "";
  }
}

}  // namespace talent
