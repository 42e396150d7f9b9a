// What the engine decided, as plain values: the complete answer before it is
// written as JSON (answer_writer.hpp). Pointers lead into the engine's packs
// and stay valid as long as the engine does.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "talent/dates.hpp"
#include "talent/datum.hpp"
#include "talent/policy_pack.hpp"
#include "talent/subject.hpp"
#include "talent/truth.hpp"

namespace talent {

// One condition weighed: which reason, and its truth (met: decided(truth)).
struct Reason {
  const ReasonText* text = nullptr;
  Truth truth = Truth::Incomplete;
  const Route* route = nullptr;  // the route it was weighed for; none for the outcome's requirements
};

struct BenefitAnswer {
  const Benefit* benefit = nullptr;
  std::vector<std::pair<std::string_view, Datum>> fields;  // the figures known, in the pack's order
  std::optional<Datum> value;  // a benefit that is one value (Benefit::value), when known
};

struct ObligationAnswer {
  const Obligation* obligation = nullptr;
  Text text;  // its figures written in
  std::vector<std::pair<std::string_view, Datum>> fields;
};

// For a route above the one reached: the criterion with the fewest unmet
// conditions, and those conditions.
struct ClosestAnswer {
  std::string_view value;   // the route's value ("B")
  std::string_view clause;  // the criterion's clause
  std::vector<Reason> missing;
};

struct OutcomeAnswer {
  const Outcome* outcome = nullptr;
  Truth truth = Truth::Incomplete;
  std::string value;           // empty: null
  const Route* route = nullptr;  // the deciding route, when decided
  std::vector<Reason> reasons;   // every condition weighed, each once
  std::vector<Reason> priority;  // met priorities
  std::vector<Reason> notes;     // met notes of an outcome that is not met
  std::vector<BenefitAnswer> benefits;
  std::vector<ObligationAnswer> obligations;  // eligible or review only
  std::vector<ClosestAnswer> closest;  // when the outcome names a closest key
  std::string under_review;            // a route above the one reached that the deciding body weighs
  std::vector<int> open_fields;        // incomplete: the unknown fields (schema indexes) it waits on
};

// An unknown field on which incomplete outcomes wait (contract 7.7).
struct OpenQuestion {
  std::string field;                      // dotted; a list by its own name
  std::vector<std::string_view> outcomes;  // the incomplete outcomes that wait on it
};

struct Assessment {
  std::optional<Date> as_of;           // unset when the input has errors
  std::vector<OutcomeAnswer> outcomes;  // every pack's outcomes (or team checks), in pack order
  std::vector<OpenQuestion> open_questions;  // most outcomes first, then in the schema's order
  std::vector<Warning> warnings;
  std::vector<InputError> errors;       // non-empty: no outcomes
};

}  // namespace talent
