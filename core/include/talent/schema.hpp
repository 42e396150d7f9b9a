// The shape of what the engine is asked about (a profile, a team), read from
// core/policies/subjects.json by the loader. Conditions and expressions name these fields
// by dotted path; the loader resolves every name to an index once.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace talent {

enum class FieldType { Boolean, Integer, Number, Enum, Text, Date, EnumList, RecordList, Subject };

struct RecordSchema;

// How a field is worked out when the input leaves it out.
struct Derivation {
  enum class Kind { None, YearsSince, FieldOf, OutcomeOf };
  Kind kind = Kind::None;
  // YearsSince: completed years (周岁) from the date field `from` to the date
  // field `on`. FieldOf: the field `from` of the subject in the field `of`.
  // OutcomeOf: the value of the outcome `from` for the subject in the field
  // `of` when it is eligible, `otherwise` when it is ineligible (unknown
  // while it is incomplete or for the deciding body).
  std::string from, on, of, otherwise;
};

struct FieldSpec {
  std::string path;                 // dotted, e.g. "education.level"
  FieldType type = FieldType::Boolean;
  std::vector<std::string> values;  // Enum / EnumList, in rank order
  bool ordered = false;             // Enum: may be compared with < <= > >=
  std::optional<double> min, max;   // Integer / Number, inclusive
  std::optional<double> above;      // Number: exclusive lower bound
  std::shared_ptr<RecordSchema> item;  // RecordList: an item's fields; Subject: the subject's
  std::string subject;                 // Subject: which ("profile")
  Derivation derive;
  bool default_today = false;       // Date: absent means the local date now
  std::size_t max_length = 0;       // Text: 0 means no limit
  std::size_t max_items = 0;        // EnumList / RecordList: at most this many entries; 0 means no limit
  bool absent_means_none = false;   // absent is a known "no value" (no claim, none given), not unknown

  int rank_of(const std::string& v) const;  // -1 if not a value
};

struct RecordSchema {
  std::vector<FieldSpec> fields;
  std::map<std::string, int, std::less<>> index;  // path -> position in fields
  // Input keys that are objects grouping fields ("education" -> its keys).
  std::map<std::string, std::vector<std::string>, std::less<>> groups;

  int find(std::string_view path) const;
};

struct SubjectSchema {
  std::string name;    // "profile", "team"
  std::string schema;  // "talent-profile/1"
  RecordSchema record;
};

}  // namespace talent
