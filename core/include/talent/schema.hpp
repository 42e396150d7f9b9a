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

enum class FieldType { Boolean, Integer, Number, Enum, Text, Date, EnumList, RecordList };

struct RecordSchema;

struct FieldSpec {
  std::string path;                 // dotted, e.g. "education.level"
  FieldType type = FieldType::Boolean;
  std::vector<std::string> values;  // Enum / EnumList, in rank order
  bool ordered = false;             // Enum: may be compared with < <= > >=
  std::optional<double> min, max;   // Integer / Number, inclusive
  std::optional<double> above;      // Number: exclusive lower bound
  std::shared_ptr<RecordSchema> item;  // RecordList
  // Derivation: an Integer field that, when absent, is the completed years
  // from the Date field `derive_from` to the Date field `derive_on`.
  std::string derive_from, derive_on;
  bool default_today = false;       // Date: absent means the local date now
  std::size_t max_length = 0;       // Text: 0 means no limit
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
