// Conditions: the only logic the engine knows. Three-valued (met, not met,
// unknown) plus "the deciding body judges" (review). A condition that carries
// a text is one reason of the answer; its children are not reported apart.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "talent/subject.hpp"

namespace talent {

enum class Truth : std::uint8_t { Unmet, Unknown, Review, Met };

// The order in which a choice between alternatives prefers results.
// Default: met, then unknown (more facts could still make it met), then
// review, then unmet.
using Preference = std::vector<Truth>;
const Preference& default_preference();
// Position of `t` in `pref`: lower is preferred.
int preference_rank(const Preference& pref, Truth t);

// all(): unmet if any is; else unknown if any is; else review if any is; else met.
Truth all_of(Truth a, Truth b);

struct Text {
  std::string zh, en;
};

struct Condition;

// One condition weighed, as the answer reports it. Points into the pack.
struct Reason {
  const Condition* condition = nullptr;
  Truth truth = Truth::Unknown;
};

using Bindings = std::vector<std::pair<std::string, std::string>>;
const std::string* find_binding(const Bindings& b, const std::string& name);

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Given, ContainsAny, NotEmpty };

struct Condition {
  enum class Kind { All, Any, Compare, Exists, Every, Count, Share, Outcome, OutcomeValue, Bound };
  Kind kind = Kind::All;
  std::vector<Condition> children;  // All, Any; quantifiers: [0] is `where` when present
  int field = -1;                   // Compare and quantifiers: index in the record schema
  Op op = Op::Eq;
  std::vector<double> numbers;      // operands as numbers (bool 0/1, enum rank, date yyyymmdd)
  std::vector<std::string> strings; // operands of Text fields, Bound and OutcomeValue
  int outcome = -1;                 // Outcome, OutcomeValue
  std::string bind;                 // when met, bind this name to the value
  std::string binding;              // Bound: the name compared
  // Reporting.
  bool reports = false;
  Text text;
  std::string clause;
  bool in_principle = false;        // 原则上: the deciding body may make an exception
  bool review_when_met = false;     // met means only that the deciding body may judge
  // The reason as JSON, escaped once at load: head + met + tail.
  std::string reason_head, reason_tail;
  int reason_id = -1;  // equal for conditions that read the same (a definition used twice)
};

struct OutcomeResult;

struct EvalContext {
  const RecordSchema* schema = nullptr;
  const Record* record = nullptr;
  const std::vector<OutcomeResult>* outcomes = nullptr;  // earlier outcomes of the pack
  Bindings* bindings = nullptr;
};

// Evaluates `c`; appends to `reasons` (if given) what it weighed.
Truth evaluate_condition(const Condition& c, const EvalContext& ctx, std::vector<Reason>* reasons);

// The fewest reasons that would have to change for `c` to be met, and which.
int missing_reasons(const Condition& c, const EvalContext& ctx, std::vector<Reason>& out);

}  // namespace talent
