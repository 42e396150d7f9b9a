// A policy as the engine runs it: its reasons, parameters and outcomes. The
// loader (talent/loader.hpp) builds it from core/policies/<id>/ at build
// time; the shipped engine reads it back from the engine image.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "talent/condition.hpp"
#include "talent/dates.hpp"
#include "talent/datum.hpp"
#include "talent/truth.hpp"

namespace talent {

struct Text {
  std::string zh, en;
};

// One reason a pack can give: a condition's clause and sentence. Conditions
// that read the same (a definition used twice) share one entry, so an
// answer says it once.
struct ReasonText {
  std::string clause;
  Text text;
  bool in_principle = false;  // 原则上: the deciding body may make an exception
};

// A benefit figure: a literal, a parameter, a profile field, an earlier field
// of the same benefit, a bound name, or arithmetic on those.
struct Expr {
  enum class Kind { Literal, Param, Field, Ref, Bound, Add, Sub, Mul, Min, Max, Lt, Le, Gt, Ge, In, If, Each, Object };
  Kind kind = Kind::Literal;
  Datum literal;
  int index = -1;                 // Param: parameter; Field, Each: field; Ref: earlier field
  std::string bound;              // Bound: the bound name
  std::vector<Expr> args;         // operands; If: condition, then, else[, unknown]
  std::vector<std::string> keys;  // Object: the keys; In: the values looked for
  bool has_unknown_branch = false;
};

// One parameter record (OpenFisca style): a value or a table keyed by
// bound names or profile fields, with the clause that sets it.
struct Parameter {
  std::string id, clause, unit;
  std::vector<std::string> by;  // bound names or field paths, outermost first
  Datum values;                 // a value, or tables nested as deep as `by` is long
};

struct Benefit {
  std::string id, clause;
  std::optional<Condition> when;
  std::vector<std::pair<std::string, Expr>> fields;
  std::optional<Expr> value;  // instead of fields: the benefit is this one value (a team's members' pay)
};

// What a route asks in return (contract 7.3): a service period, a report, a
// lock, a condition, a clawback, a duty or a note on how a figure is meant.
// Its text may name its figures as {name}.
struct Obligation {
  std::string id, kind, clause;
  Text text;
  std::optional<Text> text_unknown;  // said instead while a figure the text names is unknown
  std::optional<Condition> when;
  std::vector<std::pair<std::string, Expr>> fields;
};

struct Route {
  std::string id;           // names the route in each reason it weighs (answers' "route"); unique in its outcome
  std::string clause;
  Condition when;
  std::string value;        // literal value of the outcome on this route
  std::string value_bound;  // or the bound name that gives it
  std::string bind;         // when chosen, bind this name to its value (figures may be keyed by it)
  std::optional<std::vector<std::string>> benefits;     // the outcome's benefits this route gives; all if absent
  std::optional<std::vector<std::string>> obligations;  // the same for its obligations
  bool closest = true;      // may be named as "what is missing"
};

struct Outcome {
  std::string id;
  std::vector<Condition> required;  // "requires": all must hold
  std::vector<Route> routes;        // then one of these (none: requires alone decide)
  Preference preference;            // how routes are chosen
  std::vector<Condition> priority;  // 优先/倾斜: listed when met, never change the status
  std::vector<Condition> notes;     // what the deciding body may still do: listed when met and the outcome is not
  std::vector<Benefit> benefits;
  std::vector<Obligation> obligations;
  std::optional<Datum> selection;   // how the door opens: a competition, a committee… (written as it is)
  std::string closest_key;          // non-empty: report what is missing for the routes above the one reached
  bool under_review = false;        // met: name the highest route above the one reached that is in review
  bool benefits_at_top = false;     // team checks: benefits at the top of the answer
};

// A warning every answer carries from a date on (a trial period that may
// have ended).
struct PackWarning {
  std::string code, clause, message;
  Date from;
};

struct PolicyPack {
  std::string id, version, source;
  Text title;
  Date in_force_from, in_force_to;
  std::vector<PackWarning> warnings;
  std::vector<ReasonText> reasons;   // Condition::reason indexes here
  std::vector<Parameter> parameters;
  std::vector<Outcome> outcomes;     // about a profile, in evaluation order
  std::vector<Outcome> team_checks;  // about a team
};

}  // namespace talent
