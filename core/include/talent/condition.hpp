// Conditions: the only logic the engine knows (see truth.hpp for their
// values). A condition that carries a reason (a clause and a sentence) is
// one reason of the answer; its children are not reported apart.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace talent {

// Names bound by met conditions ("category" -> "C"), in binding order.
using Bindings = std::vector<std::pair<std::string, std::string>>;
const std::string* find_binding(const Bindings& b, const std::string& name);

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Given, ContainsAny, NotEmpty };

struct Condition {
  enum class Kind { All, Any, Not, Compare, Exists, Every, Count, Share, Outcome, OutcomeValue, Bound };
  Kind kind = Kind::All;
  std::vector<Condition> children;  // All, Any; Not: [0]; quantifiers: [0] is `where` when present
  int field = -1;                   // Compare and quantifiers: index in the record schema
  Op op = Op::Eq;
  std::vector<double> numbers;      // operands as numbers (bool 0/1, enum rank, date yyyymmdd)
  std::vector<std::string> strings; // operands of Text fields, Bound and OutcomeValue
  int outcome = -1;                 // Outcome, OutcomeValue: index among the earlier outcomes
  std::string bind;                 // when met, bind this name to the value
  std::string bound;                // Bound: the bound name compared
  int reason = -1;                  // index in PolicyPack::reasons; -1: not reported
  bool review_when_met = false;     // met means only that the deciding body may judge

  bool reports() const { return reason >= 0; }
};

}  // namespace talent
