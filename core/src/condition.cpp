// Evaluating conditions: three values plus review, and what is missing.
#include <algorithm>

#include "evaluation.hpp"

namespace talent {

const std::string* find_binding(const Bindings& b, const std::string& name) {
  for (const auto& [k, v] : b)
    if (k == name) return &v;
  return nullptr;
}

namespace {

// Every compared value as a number: booleans 0/1, enums by rank, dates yyyymmdd.
double as_number(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Boolean: return v.flag ? 1 : 0;
    case Value::Kind::Enum: return v.rank;
    case Value::Kind::Date: return v.date.year * 10000.0 + v.date.month * 100 + v.date.day;
    default: return v.number;
  }
}

bool compare(Op op, double x, double y) {
  switch (op) {
    case Op::Eq: return x == y;
    case Op::Ne: return x != y;
    case Op::Lt: return x < y;
    case Op::Le: return x <= y;
    case Op::Gt: return x > y;
    case Op::Ge: return x >= y;
    default: return false;
  }
}

template <typename T>
bool member_of(const std::vector<T>& set, const T& x) {
  return std::find(set.begin(), set.end(), x) != set.end();
}

Truth compare_value(const Condition& c, const FieldSpec& spec, const Value& v) {
  if (c.op == Op::Given) return v.known() ? Truth::Met : spec.absent_means_none ? Truth::Unmet : Truth::Incomplete;
  // A list not given is unknown ([] is "none"): looking for an entry in it
  // is incomplete (contract 7.1).
  const bool list = spec.type == FieldType::EnumList || spec.type == FieldType::RecordList;
  if (list && !v.known() && !spec.absent_means_none) return Truth::Incomplete;
  if (spec.type == FieldType::EnumList) {
    if (c.op == Op::NotEmpty) return v.ranks.empty() ? Truth::Unmet : Truth::Met;
    for (int r : v.ranks)
      if (member_of(c.numbers, static_cast<double>(r))) return Truth::Met;
    return Truth::Unmet;
  }
  if (spec.type == FieldType::RecordList) return v.records.empty() ? Truth::Unmet : Truth::Met;
  if (!v.known()) {
    if (!spec.absent_means_none) return Truth::Incomplete;
    // No value at all: only "is not" holds.
    return c.op == Op::Ne || c.op == Op::NotIn ? Truth::Met : Truth::Unmet;
  }
  bool met;
  if (spec.type == FieldType::Text) {
    met = c.op == Op::In   ? member_of(c.strings, v.text)
          : c.op == Op::NotIn ? !member_of(c.strings, v.text)
          : c.op == Op::Eq  ? v.text == c.strings[0]
                            : v.text != c.strings[0];
  } else {
    const double x = as_number(v);
    met = c.op == Op::In      ? member_of(c.numbers, x)
          : c.op == Op::NotIn ? !member_of(c.numbers, x)
                              : compare(c.op, x, c.numbers[0]);
  }
  return met ? Truth::Met : Truth::Unmet;
}

// A count known only to lie in [lo, hi] meets `op threshold` when every
// count in the range does; ops are monotonic, so the ends decide.
Truth compare_range(Op op, double lo, double hi, double threshold) {
  const bool at_lo = compare(op, lo, threshold), at_hi = compare(op, hi, threshold);
  if (at_lo && at_hi) return Truth::Met;
  if (!at_lo && !at_hi) return Truth::Unmet;
  return Truth::Incomplete;
}

Truth evaluate_quantifier(const Condition& c, const EvalContext& ctx) {
  const FieldSpec& spec = ctx.schema->fields[c.field];
  const Value& list = ctx.record->values[c.field];
  if (!list.known() && !spec.absent_means_none) return Truth::Incomplete;  // a list not given (contract 7.1)
  const std::vector<Record>& items = list.records;
  // Tallied as the items are weighed: the best (for exists), the all_of (for
  // every), and how many are met and how many not (for count and share).
  Truth any = Truth::Unmet, every = Truth::Met;
  double met = 0, unmet = 0;
  Bindings ignored;
  for (const Record& item : items) {
    EvalContext inner{ctx.pack, spec.item.get(), &item, ctx.outcomes, &ignored};
    const Truth t = c.children.empty() ? Truth::Met : evaluate_condition(c.children[0], inner, nullptr);
    if (preference_rank(default_preference(), t) < preference_rank(default_preference(), any)) any = t;
    every = all_of(every, t);
    met += t == Truth::Met;
    unmet += t == Truth::Unmet;
  }
  const double n = static_cast<double>(items.size()), open = n - met - unmet;
  switch (c.kind) {
    case Condition::Kind::Exists: return any;
    case Condition::Kind::Every: return every;
    case Condition::Kind::Count: return compare_range(c.op, met, met + open, c.numbers[0]);
    default: return items.empty() ? Truth::Unmet : compare_range(c.op, met / n, (met + open) / n, c.numbers[0]);
  }
}

// Truth of a condition on its own, before reporting; bindings as a side effect.
Truth evaluate_leaf(const Condition& c, const EvalContext& ctx, std::vector<Reason>* reasons) {
  switch (c.kind) {
    case Condition::Kind::Compare: {
      const FieldSpec& spec = ctx.schema->fields[c.field];
      const Value& v = ctx.record->values[c.field];
      Truth t = compare_value(c, spec, v);
      if (t == Truth::Met && !c.bind.empty()) ctx.bindings->emplace_back(c.bind, value_key(spec, v));
      return t;
    }
    case Condition::Kind::Outcome: {
      const OutcomeState& r = (*ctx.outcomes)[c.outcome];
      if (!c.reports() && reasons) reasons->insert(reasons->end(), r.reasons.begin(), r.reasons.end());
      if (decided(r.truth) && !c.bind.empty() && !r.value.empty())
        ctx.bindings->emplace_back(c.bind, r.value);
      return r.truth;
    }
    case Condition::Kind::OutcomeValue: {
      // The referenced outcome's choice again, among the allowed values only
      // (each route together with the outcome's requirements).
      const OutcomeState& r = (*ctx.outcomes)[c.outcome];
      Truth t = Truth::Unmet;
      std::size_t chosen = 0;
      for (std::size_t i = 0; i < r.route_truths.size(); ++i) {
        const Truth route = member_of(c.strings, r.route_values[i]) ? all_of(r.required, r.route_truths[i]) : Truth::Unmet;
        if (preference_rank(*r.preference, route) < preference_rank(*r.preference, t)) t = route, chosen = i;
      }
      if (decided(t) && !c.bind.empty()) ctx.bindings->emplace_back(c.bind, r.route_values[chosen]);
      return t;
    }
    case Condition::Kind::Bound: {
      const std::string* v = find_binding(*ctx.bindings, c.bound);
      if (!v) return Truth::Incomplete;
      const bool in = member_of(c.strings, *v);
      return (c.op == Op::NotIn || c.op == Op::Ne) != in ? Truth::Met : Truth::Unmet;
    }
    default: return evaluate_quantifier(c, ctx);
  }
}

}  // namespace

Truth evaluate_condition(const Condition& c, const EvalContext& ctx, std::vector<Reason>* reasons) {
  std::vector<Reason>* inner = c.reports() ? nullptr : reasons;
  Truth t;
  if (c.kind == Condition::Kind::All) {
    t = Truth::Met;
    for (const Condition& child : c.children) t = all_of(t, evaluate_condition(child, ctx, inner));
  } else if (c.kind == Condition::Kind::Not) {
    // Holds when its condition is known not to hold; what the deciding body
    // may still grant (review) counts as holding.
    const Truth inside = evaluate_condition(c.children[0], ctx, nullptr);
    t = inside == Truth::Incomplete ? Truth::Incomplete : decided(inside) ? Truth::Unmet : Truth::Met;
  } else if (c.kind == Condition::Kind::Any) {
    // The first alternative with the best result (met, then unknown, then
    // review) decides. Each writes its reasons in place; if the choice is
    // satisfied, only the winner's stay: it is what satisfies it. If not,
    // every alternative says what it lacked.
    const std::size_t begin = inner ? inner->size() : 0;
    std::size_t win_from = begin, win_to = begin;
    int best = 4;
    t = Truth::Unmet;
    for (const Condition& child : c.children) {
      const std::size_t from = inner ? inner->size() : 0;
      const Truth truth = evaluate_condition(child, ctx, inner);
      if (preference_rank(default_preference(), truth) < best) {
        best = preference_rank(default_preference(), truth);
        t = truth;
        win_from = from;
        win_to = inner ? inner->size() : 0;
      }
    }
    if (inner && decided(t)) {
      auto at = [&](std::size_t i) { return inner->begin() + static_cast<std::ptrdiff_t>(i); };
      inner->erase(at(win_to), inner->end());
      inner->erase(at(begin), at(win_from));
    }
  } else {
    t = evaluate_leaf(c, ctx, inner);
  }
  if (t == Truth::Met && c.review_when_met) t = Truth::Review;
  if (c.reports() && reasons) {
    // A reference to an outcome that holds is explained by what makes it
    // hold; one that does not is a single reason.
    if (c.kind == Condition::Kind::Outcome && decided(t)) {
      const auto& spliced = (*ctx.outcomes)[c.outcome].reasons;
      reasons->insert(reasons->end(), spliced.begin(), spliced.end());
    } else {
      reasons->push_back({&ctx.pack->reasons[c.reason], t});
    }
  }
  return t;
}

int missing_reasons(const Condition& c, const EvalContext& ctx, std::vector<Reason>& out) {
  if (c.reports() || c.kind == Condition::Kind::Outcome) {
    std::vector<Reason> weighed;
    Truth t = evaluate_condition(c, ctx, &weighed);
    if (c.reports()) {
      if (decided(t)) return 0;
      out.push_back(weighed.back());
      return 1;
    }
    int n = 0;
    for (const Reason& r : weighed)
      if (!decided(r.truth)) out.push_back(r), ++n;
    return n;
  }
  if (c.kind == Condition::Kind::All) {
    int n = 0;
    for (const Condition& child : c.children) n += missing_reasons(child, ctx, out);
    return n;
  }
  if (c.kind != Condition::Kind::Any) {  // an unreported leaf or `not`: missing, with nothing to say
    Bindings scratch = *ctx.bindings;
    EvalContext own = ctx;
    own.bindings = &scratch;
    return decided(evaluate_condition(c, own, nullptr)) ? 0 : 1;
  }
  // Any: the cheapest alternative.
  int best = -1;
  std::vector<Reason> best_reasons;
  for (const Condition& child : c.children) {
    std::vector<Reason> r;
    int n = missing_reasons(child, ctx, r);
    if (best < 0 || n < best) best = n, best_reasons = std::move(r);
  }
  out.insert(out.end(), best_reasons.begin(), best_reasons.end());
  return std::max(best, 0);
}

}  // namespace talent

namespace talent {

namespace {

void add_field(std::vector<int>& out, int field) {
  if (std::find(out.begin(), out.end(), field) == out.end()) out.push_back(field);
}

}  // namespace

void outcome_open_fields(const OutcomeState& r, const EvalContext& ctx, const std::vector<std::string>* values,
                         std::vector<int>& out) {
  const Outcome& o = *r.outcome;
  Bindings scratch = r.bindings;
  EvalContext own = ctx;
  own.bindings = &scratch;
  for (const Condition& c : o.required) open_fields(c, own, -1, out);
  for (std::size_t i = 0; i < o.routes.size(); ++i)
    if (r.route_truths[i] == Truth::Incomplete && (!values || member_of(*values, o.routes[i].value)))
      open_fields(o.routes[i].when, own, -1, out);
}

void open_fields(const Condition& c, const EvalContext& ctx, int list, std::vector<int>& out) {
  Bindings scratch = *ctx.bindings;
  EvalContext own = ctx;
  own.bindings = &scratch;
  if (evaluate_condition(c, own, nullptr) != Truth::Incomplete) return;
  switch (c.kind) {
    case Condition::Kind::All:
    case Condition::Kind::Any:
    case Condition::Kind::Not:
      for (const Condition& child : c.children) open_fields(child, own, list, out);
      return;
    case Condition::Kind::Compare: add_field(out, list >= 0 ? list : c.field); return;
    case Condition::Kind::Exists:
    case Condition::Kind::Every:
    case Condition::Kind::Count:
    case Condition::Kind::Share: add_field(out, list >= 0 ? list : c.field); return;  // the list, or its items
    case Condition::Kind::Outcome:
      outcome_open_fields((*ctx.outcomes)[c.outcome], own, nullptr, out);
      return;
    case Condition::Kind::OutcomeValue:
      outcome_open_fields((*ctx.outcomes)[c.outcome], own, &c.strings, out);
      return;
    case Condition::Kind::Bound: return;  // waits on the condition that binds the name
  }
}

}  // namespace talent
