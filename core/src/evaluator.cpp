#include "talent/evaluator.hpp"

#include <algorithm>

#include "expression.hpp"

namespace talent {

const char* status_name(Truth t) {
  switch (t) {
    case Truth::Met: return "eligible";
    case Truth::Review: return "review";
    case Truth::Unknown: return "incomplete";
    default: return "ineligible";
  }
}

Json reason_json(const Reason& r) {
  Json j = Json::object();
  j["clause"] = *r.clause;
  j["met"] = r.truth == Truth::Met || r.truth == Truth::Review ? Json(true)
             : r.truth == Truth::Unmet                          ? Json(false)
                                                                : Json();
  j["text"] = r.text->zh;
  j["text_en"] = r.text->en;
  if (r.truth == Truth::Review) j["review"] = true;
  if (r.in_principle) j["in_principle"] = true;
  return j;
}

namespace {

bool decided(Truth t) { return t == Truth::Met || t == Truth::Review; }

Json reasons_json(const std::vector<Reason>& reasons) {
  Json out = Json::array();
  std::vector<const Reason*> seen;
  for (const Reason& r : reasons) {
    // The same condition reached twice (a shared definition) is said once.
    auto same = [&](const Reason* s) { return s->text == r.text && s->clause == r.clause; };
    if (std::any_of(seen.begin(), seen.end(), same)) continue;
    seen.push_back(&r);
    out.push_back(reason_json(r));
  }
  return out;
}

class OutcomeEvaluator {
 public:
  OutcomeEvaluator(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                   const Record& record)
      : pack_(pack), outcomes_(outcomes), schema_(schema), record_(record) {
    results_.reserve(outcomes.size());
  }

  void run(Json& out) {
    for (const Outcome& o : outcomes_) {
      OutcomeResult r = evaluate(o);
      if (o.benefits_flat) write(o, r, out);
      else write(o, r, out[o.id]);
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
    Truth truth = Truth::Met;
    for (const Condition& c : o.required) truth = all_of(truth, evaluate_condition(c, context(r.bindings), &r.reasons));
    if (!o.routes.empty()) {
      std::vector<std::vector<Reason>> parts(o.routes.size());
      std::vector<Bindings> bindings(o.routes.size(), r.bindings);
      for (std::size_t i = 0; i < o.routes.size(); ++i) {
        const Route& route = o.routes[i];
        const Truth t = evaluate_condition(route.when, context(bindings[i]), &parts[i]);
        r.route_truths.push_back(t);
        const std::string* bound = route.value_binding.empty() ? nullptr : find_binding(bindings[i], route.value_binding);
        r.route_values.push_back(bound ? *bound : decided(t) || route.value_binding.empty() ? route.value : "");
      }
      Truth best = Truth::Unmet;
      for (Truth t : o.preference) {
        auto it = std::find(r.route_truths.begin(), r.route_truths.end(), t);
        if (it != r.route_truths.end()) {
          best = t;
          r.route = static_cast<int>(it - r.route_truths.begin());
          break;
        }
      }
      // A route that holds is explained by itself; when none holds, every
      // route says what it lacked.
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (!decided(best) || static_cast<int>(i) == r.route) r.reasons.insert(r.reasons.end(), parts[i].begin(), parts[i].end());
      if (r.route >= 0) r.bindings = bindings[r.route];
      truth = all_of(truth, best);
    }
    r.truth = truth;
    if (decided(truth) && r.route >= 0) r.value = r.route_values[r.route];
    return r;
  }

  void write(const Outcome& o, const OutcomeResult& r, Json& out) {
    out["status"] = status_name(r.truth);
    out["value"] = r.value.empty() ? Json() : Json(r.value);
    if (decided(r.truth) && r.route >= 0) out["clause"] = o.routes[r.route].clause;
    out["reasons"] = reasons_json(r.reasons);
    Bindings scratch = r.bindings;
    Json priority = Json::array();
    for (const Condition& c : o.priority) {
      std::vector<Reason> reasons;
      if (evaluate_condition(c, context(scratch), &reasons) == Truth::Met) priority.push_back(reason_json(reasons.back()));
    }
    out["priority"] = std::move(priority);
    Json notes = Json::array();
    if (r.truth != Truth::Met)
      for (const Condition& c : o.notes) {
        std::vector<Reason> reasons;
        if (evaluate_condition(c, context(scratch), &reasons) == Truth::Met) notes.push_back(reason_json(reasons.back()));
      }
    if (!notes.empty()) out["notes"] = std::move(notes);
    if (o.benefits_flat) write_benefits(o, r, out);
    else {
      Json benefits = Json::object();
      write_benefits(o, r, benefits);
      out["benefits"] = std::move(benefits);
    }
    if (!o.closest_key.empty()) out["closest"] = closest(o, r);
  }

  void write_benefits(const Outcome& o, const OutcomeResult& r, Json& out) {
    if (!decided(r.truth)) return;
    const auto* allowed = r.route >= 0 && o.routes[r.route].benefits ? &*o.routes[r.route].benefits : nullptr;
    for (const Benefit& b : o.benefits) {
      if (allowed && std::find(allowed->begin(), allowed->end(), b.id) == allowed->end()) continue;
      Bindings scratch = r.bindings;
      if (b.when && evaluate_condition(*b.when, context(scratch), nullptr) != Truth::Met) continue;
      std::vector<std::optional<Json>> fields;
      Json benefit = Json::object();
      for (const auto& [name, expr] : b.fields) {
        fields.push_back(evaluate_expr(expr, ExprContext{pack_, &schema_, &record_, r.bindings, &fields}));
        if (fields.back()) benefit[name] = *fields.back();
      }
      benefit["clause"] = b.clause;
      out[b.id] = std::move(benefit);
    }
  }

  // For each route above the one reached (all when none is): the criterion
  // with the fewest unmet conditions, and those conditions.
  Json closest(const Outcome& o, const OutcomeResult& r) {
    Json out = Json::array();
    const std::size_t above = decided(r.truth) && r.route >= 0 ? static_cast<std::size_t>(r.route) : o.routes.size();
    for (std::size_t i = 0; i < above; ++i) {
      const Route& route = o.routes[i];
      if (!route.closest) continue;
      const bool via_outcome = route.when.kind == Condition::Kind::Outcome && !route.when.reports;
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
      Json entry = Json::object();
      entry[o.closest_key] = route.value;
      entry["clause"] = clause;
      entry["missing"] = reasons_json(best_missing);
      out.push_back(std::move(entry));
    }
    return out;
  }
};

}  // namespace

void evaluate_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                       const Record& record, Json& out) {
  OutcomeEvaluator(pack, outcomes, schema, record).run(out);
}

}  // namespace talent
