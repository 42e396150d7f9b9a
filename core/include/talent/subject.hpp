// A profile or team as the engine sees it: every field of its schema, each
// known or unknown, after the input has been checked (contract section 5).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "talent/dates.hpp"
#include "talent/schema.hpp"

namespace talent {

struct Record;

struct Value {
  enum class Kind { Unknown, Boolean, Number, Enum, Text, Date, EnumList, Records };
  Kind kind = Kind::Unknown;
  bool flag = false;          // Boolean
  double number = 0;          // Number (and Integer)
  int rank = -1;              // Enum: position in the field's values
  std::string text;           // Text, and Enum's value
  talent::Date date;          // Date
  std::vector<int> ranks;     // EnumList
  std::vector<Record> records;  // Records

  bool known() const { return kind != Kind::Unknown; }
};

struct Record {
  std::vector<Value> values;  // indexed like RecordSchema::fields
};

struct InputError {
  std::string path, code, message;
};

// Written as {"code", then "path" or "policy" when set, "message"}.
struct Warning {
  std::string code, path, policy, message;
};

struct Subject {
  Record record;
  std::vector<InputError> errors;  // non-empty: nothing else may be used
  std::vector<Warning> warnings;
};

// Input limits of contract section 5.
inline constexpr std::size_t kMaxInputBytes = 64 * 1024;
inline constexpr int kMaxDepth = 32;

Subject read_subject(const SubjectSchema& schema, std::string_view text);

// The JSON pointer of a dotted field path ("leader.profile" -> "/leader/profile").
std::string pointer_of(const std::string& dotted);

// Text form of a known value, as tables and bindings key on it
// ("true"/"false", the enum value, the number without trailing zeros).
std::string value_key(const FieldSpec& spec, const Value& v);

}  // namespace talent
