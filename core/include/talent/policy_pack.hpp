// A policy as data: its clauses, parameters and outcomes, loaded from a pack
// file (core/policies/<id>/pack.json) and its clause table (clauses.json).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "talent/condition.hpp"
#include "talent/dates.hpp"
#include "talent/datum.hpp"
#include "talent/json.hpp"
#include "talent/load_error.hpp"
#include "talent/schema.hpp"

namespace talent {

// A benefit figure: a literal, a parameter, a profile field, an earlier field
// of the same benefit, a binding, or arithmetic on those.
struct Expr {
  enum class Kind { Literal, Param, Field, Ref, Bound, Add, Sub, Mul, Min, Max, Lt, Le, Gt, Ge, If, Each, Object };
  Kind kind = Kind::Literal;
  Datum literal;
  int index = -1;                 // Param: parameter; Field, Each: field; Ref: earlier field
  std::string name;               // Bound
  std::vector<Expr> args;         // operands; If: condition, then, else[, unknown]
  std::vector<std::string> keys;  // Object
  bool has_unknown_branch = false;
};

// One parameter record (OpenFisca style): a value or a table keyed by
// bindings or profile fields, with the clause that sets it.
struct Parameter {
  std::string id, clause, unit;
  std::vector<std::string> by;  // binding names or field paths, outermost first
  Datum values;                 // a value, or tables nested as deep as `by` is long
};

struct Benefit {
  std::string id, clause;
  std::optional<Condition> when;
  std::vector<std::pair<std::string, Expr>> fields;
};

struct Route {
  std::string clause;
  Condition when;
  std::string value;          // literal value of the outcome on this route
  std::string value_binding;  // or the binding that gives it
  std::optional<std::vector<std::string>> benefits;  // the outcome's benefits this route gives; all if absent
  bool closest = true;        // may be named as "what is missing"
};

struct Outcome {
  std::string id;
  Text label;
  std::vector<Condition> required;  // "requires": all must hold
  std::vector<Route> routes;        // then one of these (none: requires alone decide)
  Preference preference;            // how routes are chosen
  std::vector<Condition> priority;  // 优先/倾斜: listed when met, never change the status
  std::vector<Condition> notes;     // what the deciding body may still do: listed when met and the outcome is not
  std::vector<Benefit> benefits;
  std::string closest_key;          // non-empty: report what is missing for the routes above the one reached
  bool benefits_flat = false;       // team checks: benefits at the top of the answer
};

struct OutcomeResult {
  Truth truth = Truth::Unknown;
  int route = -1;                    // the deciding route, if any
  std::string value;                 // empty: null
  std::vector<Truth> route_truths;
  std::vector<std::string> route_values;
  const Preference* preference = nullptr;
  Bindings bindings;
  std::vector<Reason> reasons;
};

struct PolicyPack {
  std::string id, version, source;
  Text title;
  Date in_force_from, in_force_to;
  std::vector<std::pair<std::string, Text>> clauses;  // in document order
  std::map<std::string, int> clause_index;
  std::vector<Parameter> parameters;
  std::map<std::string, int> parameter_index;
  std::vector<Outcome> outcomes;     // about a profile, in evaluation order
  std::vector<Outcome> team_checks;  // about a team
  std::string description;           // JSON for describe(): title, dates, outcome labels (load time only)
};

// Loads one pack. `clauses` is its clause table. Errors carry stable ids and
// JSON pointers into the pack ("/outcomes/3/requires/0") or the clause table
// ("clauses.json/fcg:2.1").
std::optional<PolicyPack> load_pack(const Json& pack, const Json& clauses,
                                    const std::map<std::string, SubjectSchema>& subjects, LoadErrors& errors);

}  // namespace talent
