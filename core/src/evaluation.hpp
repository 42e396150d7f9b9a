// The evaluator's working state, shared by its parts (conditions, figures,
// outcomes); not part of the engine's interface.
#pragma once
#include <optional>
#include <vector>

#include "talent/assessment.hpp"
#include "talent/condition.hpp"
#include "talent/policy_pack.hpp"
#include "talent/schema.hpp"
#include "talent/subject.hpp"

namespace talent {

// An outcome as later conditions of its pack see it: how each route came
// out, not only the one chosen.
struct OutcomeState {
  Truth truth = Truth::Incomplete;
  Truth required = Truth::Met;  // its requirements together, which every route needs too
  int route = -1;  // the preferred route, if any
  std::string value;  // empty: null
  std::vector<Truth> route_truths;
  std::vector<std::string> route_values;
  const Preference* preference = nullptr;
  Bindings bindings;
  std::vector<Reason> reasons;  // as weighed, a reason reached twice listed twice
  const Outcome* outcome = nullptr;
};

struct EvalContext {
  const PolicyPack* pack = nullptr;
  const RecordSchema* schema = nullptr;
  const Record* record = nullptr;
  const std::vector<OutcomeState>* outcomes = nullptr;  // earlier outcomes of the pack
  Bindings* bindings = nullptr;
};

// Evaluates `c`; appends to `reasons` (if given) what it weighed.
Truth evaluate_condition(const Condition& c, const EvalContext& ctx, std::vector<Reason>* reasons);

// The unknown fields (indexes in ctx.schema) on which `c`, if incomplete,
// still waits, added to `out`: what an answer would have to give for `c` to
// be decided. Inside a list's items, `list` is the list's field: it stands
// for its items' fields. Outcome references add the referenced outcome's.
void open_fields(const Condition& c, const EvalContext& ctx, int list, std::vector<int>& out);

// The same for an outcome: its requirements and its incomplete routes (only
// those whose value is in `values`, when given).
void outcome_open_fields(const OutcomeState& r, const EvalContext& ctx, const std::vector<std::string>* values,
                         std::vector<int>& out);

// The fewest reasons that would have to change for `c` to be met, and which.
int missing_reasons(const Condition& c, const EvalContext& ctx, std::vector<Reason>& out);

struct FigureContext {
  const PolicyPack& pack;
  const RecordSchema* schema;
  const Record* record;
  const Bindings& bindings;
  const std::vector<std::optional<Datum>>* fields;  // earlier fields of the benefit
};

// A benefit figure; nullopt when the profile does not give what it needs.
std::optional<Datum> evaluate_figure(const Expr& e, const FigureContext& ctx);

}  // namespace talent
