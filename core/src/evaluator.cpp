#include "talent/evaluator.hpp"

#include <algorithm>
#include <map>

#include "expression.hpp"

namespace talent {

std::string_view status_name(Truth t) {
  switch (t) {
    case Truth::Met: return "eligible";
    case Truth::Review: return "review";
    case Truth::Unknown: return "incomplete";
    default: return "ineligible";
  }
}

namespace {

void prepare(Condition& c, std::map<std::string, int>& ids) {
  if (c.reports) {
    c.reason_head = "{\"clause\":" + json_quoted(c.clause) + ",\"met\":";
    c.reason_tail = ",\"text\":" + json_quoted(c.text.zh) + ",\"text_en\":" + json_quoted(c.text.en);
    c.reason_id = ids.emplace(c.reason_head + c.reason_tail, static_cast<int>(ids.size())).first->second;
  }
  for (Condition& child : c.children) prepare(child, ids);
}

}  // namespace

void prepare_reasons(PolicyPack& pack) {
  std::map<std::string, int> ids;
  for (auto* list : {&pack.outcomes, &pack.team_checks})
    for (Outcome& o : *list) {
      for (Condition& c : o.required) prepare(c, ids);
      for (Route& r : o.routes) prepare(r.when, ids);
      for (Condition& c : o.priority) prepare(c, ids);
      for (Condition& c : o.notes) prepare(c, ids);
    }
}

namespace {

bool decided(Truth t) { return t == Truth::Met || t == Truth::Review; }


// The "met" of a reason. Each literal is its own string_view, so that its
// length is known when compiling (a choice between char pointers is measured
// at run time).
std::string_view met_json(Truth t) {
  if (decided(t)) return "true";
  if (t == Truth::Unmet) return "false";
  return "null";
}

void write_reason(const Reason& r, JsonWriter& w) {
  const Condition& c = *r.condition;
  w.raw(c.reason_head);
  w.put(met_json(r.truth));
  w.put(c.reason_tail);
  if (r.truth == Truth::Review) w.put(",\"review\":true");
  if (c.in_principle) w.put(",\"in_principle\":true");
  w.put('}');
}

void write_reasons(const std::vector<Reason>& reasons, JsonWriter& w) {
  w.begin_array();
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    // The same condition reached twice (a shared definition) is said once.
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = reasons[j].condition->reason_id == reasons[i].condition->reason_id;
    if (!seen) write_reason(reasons[i], w);
  }
  w.end_array();
}

class OutcomeEvaluator {
 public:
  OutcomeEvaluator(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                   const Record& record)
      : pack_(pack), outcomes_(outcomes), schema_(schema), record_(record) {
    results_.reserve(outcomes.size());
  }

  void run(JsonWriter& w) {
    for (const Outcome& o : outcomes_) {
      OutcomeResult r = evaluate(o);
      if (o.benefits_flat) write(o, r, w);
      else {
        w.key(o.id);
        w.begin_object();
        write(o, r, w);
        w.end_object();
      }
      results_.push_back(std::move(r));
    }
  }

 private:
  const PolicyPack& pack_;
  const std::vector<Outcome>& outcomes_;
  const RecordSchema& schema_;
  const Record& record_;
  std::vector<OutcomeResult> results_;

  EvalContext context(Bindings& b) const { return EvalContext{&schema_, &record_, &results_, &b}; }

  OutcomeResult evaluate(const Outcome& o) {
    OutcomeResult r;
    r.preference = &o.preference;
    r.reasons.reserve(32);  // most outcomes weigh fewer; saves the growth steps
    Truth truth = Truth::Met;
    for (const Condition& c : o.required) truth = all_of(truth, evaluate_condition(c, context(r.bindings), &r.reasons));
    if (!o.routes.empty()) {
      // Each route writes its reasons after the others', and binds names
      // on top of what the requirements bound.
      const std::size_t base = r.reasons.size(), base_bindings = r.bindings.size();
      std::vector<std::size_t> starts;
      Bindings chosen;
      starts.reserve(o.routes.size() + 1);
      r.route_truths.reserve(o.routes.size());
      r.route_values.reserve(o.routes.size());
      for (const Route& route : o.routes) {
        starts.push_back(r.reasons.size());
        const Truth t = evaluate_condition(route.when, context(r.bindings), &r.reasons);
        r.route_truths.push_back(t);
        const std::string* bound = route.value_binding.empty() ? nullptr : find_binding(r.bindings, route.value_binding);
        r.route_values.push_back(bound ? *bound : decided(t) || route.value_binding.empty() ? route.value : "");
        if (r.route < 0 || preference_rank(o.preference, t) < preference_rank(o.preference, r.route_truths[r.route])) {
          r.route = static_cast<int>(r.route_truths.size() - 1);
          chosen.assign(r.bindings.begin() + static_cast<std::ptrdiff_t>(base_bindings), r.bindings.end());
        }
        r.bindings.resize(base_bindings);
      }
      starts.push_back(r.reasons.size());
      const Truth best = r.route_truths[r.route];
      // A route that holds is explained by itself; when none holds, every
      // route says what it lacked.
      if (decided(best)) {
        auto at = [&](std::size_t i) { return r.reasons.begin() + static_cast<std::ptrdiff_t>(i); };
        r.reasons.erase(at(starts[r.route + 1]), r.reasons.end());
        r.reasons.erase(at(base), at(starts[r.route]));
      }
      r.bindings.insert(r.bindings.end(), chosen.begin(), chosen.end());
      truth = all_of(truth, best);
    }
    r.truth = truth;
    if (decided(truth) && r.route >= 0) r.value = r.route_values[r.route];
    return r;
  }

  void write(const Outcome& o, const OutcomeResult& r, JsonWriter& w) {
    w.key("status");
    w.string(status_name(r.truth));
    w.key("value");
    if (r.value.empty()) w.null();
    else w.string(r.value);
    if (decided(r.truth) && r.route >= 0) {
      w.key("clause");
      w.string(o.routes[r.route].clause);
    }
    w.key("reasons");
    write_reasons(r.reasons, w);
    Bindings scratch = r.bindings;
    w.key("priority");
    w.begin_array();
    for (const Condition& c : o.priority) {
      std::vector<Reason> reasons;
      if (evaluate_condition(c, context(scratch), &reasons) == Truth::Met) write_reason(reasons.back(), w);
    }
    w.end_array();
    if (r.truth != Truth::Met) {
      std::vector<Reason> notes;
      for (const Condition& c : o.notes)
        if (evaluate_condition(c, context(scratch), &notes) != Truth::Met) notes.pop_back();
      if (!notes.empty()) {
        w.key("notes");
        write_reasons(notes, w);
      }
    }
    if (o.benefits_flat) write_benefits(o, r, w);
    else {
      w.key("benefits");
      w.begin_object();
      write_benefits(o, r, w);
      w.end_object();
    }
    if (!o.closest_key.empty()) {
      w.key("closest");
      write_closest(o, r, w);
    }
  }

  void write_benefits(const Outcome& o, const OutcomeResult& r, JsonWriter& w) {
    if (!decided(r.truth)) return;
    const auto* allowed = r.route >= 0 && o.routes[r.route].benefits ? &*o.routes[r.route].benefits : nullptr;
    for (const Benefit& b : o.benefits) {
      if (allowed && std::find(allowed->begin(), allowed->end(), b.id) == allowed->end()) continue;
      Bindings scratch = r.bindings;
      if (b.when && evaluate_condition(*b.when, context(scratch), nullptr) != Truth::Met) continue;
      std::vector<std::optional<Datum>> fields;
      w.key(b.id);
      w.begin_object();
      for (const auto& [name, expr] : b.fields) {
        fields.push_back(evaluate_expr(expr, ExprContext{pack_, &schema_, &record_, r.bindings, &fields}));
        if (fields.back()) {
          w.key(name);
          write_datum(w, *fields.back());
        }
      }
      w.key("clause");
      w.string(b.clause);
      w.end_object();
    }
  }

  // For each route above the one reached (all when none is): the criterion
  // with the fewest unmet conditions, and those conditions.
  void write_closest(const Outcome& o, const OutcomeResult& r, JsonWriter& w) {
    w.begin_array();
    const std::size_t above = decided(r.truth) && r.route >= 0 ? static_cast<std::size_t>(r.route) : o.routes.size();
    for (std::size_t i = 0; i < above; ++i) {
      const Route& route = o.routes[i];
      if (!route.closest) continue;
      const bool via_outcome = route.when.kind == Condition::Kind::Outcome;
      const Outcome& target = via_outcome ? outcomes_[route.when.outcome] : o;
      int best = -1, best_met = -1;
      std::string clause;
      std::vector<Reason> best_missing;
      auto consider = [&](const Route& candidate) {
        if (!candidate.closest) return;
        Bindings scratch;
        std::vector<Reason> missing, weighed;
        int n = 0;
        for (const Condition& c : target.required) n += missing_reasons(c, context(scratch), missing);
        n += missing_reasons(candidate.when, context(scratch), missing);
        // Of two criteria missing as much, the one the person is further along.
        evaluate_condition(candidate.when, context(scratch), &weighed);
        const int met = static_cast<int>(std::count_if(weighed.begin(), weighed.end(), [](const Reason& r) { return decided(r.truth); }));
        if (best < 0 || n < best || (n == best && met > best_met))
          best = n, best_met = met, clause = candidate.clause, best_missing = std::move(missing);
      };
      if (via_outcome) for (const Route& candidate : target.routes) consider(candidate);
      else consider(route);
      if (best < 0) continue;
      w.begin_object();
      w.key(o.closest_key);
      w.string(route.value);
      w.key("clause");
      w.string(clause);
      w.key("missing");
      write_reasons(best_missing, w);
      w.end_object();
    }
    w.end_array();
  }
};

}  // namespace

void write_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                    const Record& record, JsonWriter& w) {
  OutcomeEvaluator(pack, outcomes, schema, record).run(w);
}

}  // namespace talent
