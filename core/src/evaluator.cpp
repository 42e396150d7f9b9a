// Outcomes: requirements, then the preferred route; what a route gives
// (benefits), what the deciding body may still weigh (priority, notes) and
// what is missing for the routes above (closest).
#include "talent/evaluator.hpp"

#include <algorithm>

#include "evaluation.hpp"

namespace talent {

namespace {

// The same reason reached twice on one route (a shared definition) is said
// once; a condition two routes share is said under each, so that each route
// reads whole.
std::vector<Reason> each_once(const std::vector<Reason>& reasons) {
  std::vector<Reason> out;
  out.reserve(reasons.size());
  for (const Reason& r : reasons)
    if (std::none_of(out.begin(), out.end(), [&](const Reason& seen) { return seen.text == r.text && seen.route == r.route; }))
      out.push_back(r);
  return out;
}

class OutcomeEvaluator {
 public:
  OutcomeEvaluator(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                   const Record& record)
      : pack_(pack), outcomes_(outcomes), schema_(schema), record_(record) {
    states_.reserve(outcomes.size());
  }

  void run(std::vector<OutcomeAnswer>& out) {
    for (const Outcome& o : outcomes_) {
      OutcomeState state = evaluate(o);
      out.push_back(answer(o, state));
      states_.push_back(std::move(state));
    }
  }

 private:
  const PolicyPack& pack_;
  const std::vector<Outcome>& outcomes_;
  const RecordSchema& schema_;
  const Record& record_;
  std::vector<OutcomeState> states_;

  EvalContext context(Bindings& b) const { return EvalContext{&pack_, &schema_, &record_, &states_, &b}; }

  OutcomeState evaluate(const Outcome& o) {
    OutcomeState r;
    r.preference = &o.preference;
    r.outcome = &o;
    r.reasons.reserve(32);  // most outcomes weigh fewer; saves the growth steps
    Truth truth = Truth::Met;
    for (const Condition& c : o.required) truth = all_of(truth, evaluate_condition(c, context(r.bindings), &r.reasons));
    // Reasons taken over from another outcome belong to this one's requirements.
    for (Reason& reason : r.reasons) reason.route = nullptr;
    r.required = truth;
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
        for (std::size_t i = starts.back(); i < r.reasons.size(); ++i) r.reasons[i].route = &route;
        r.route_truths.push_back(t);
        const std::string* bound = route.value_bound.empty() ? nullptr : find_binding(r.bindings, route.value_bound);
        r.route_values.push_back(bound ? *bound : decided(t) || route.value_bound.empty() ? route.value : "");
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
      const Route& route = o.routes[r.route];
      if (!route.bind.empty() && !r.route_values[r.route].empty()) r.bindings.emplace_back(route.bind, r.route_values[r.route]);
      truth = all_of(truth, best);
    }
    r.truth = truth;
    if (decided(truth) && r.route >= 0) r.value = r.route_values[r.route];
    return r;
  }

  OutcomeAnswer answer(const Outcome& o, const OutcomeState& r) {
    OutcomeAnswer a;
    a.outcome = &o;
    a.truth = r.truth;
    a.value = r.value;
    if (decided(r.truth) && r.route >= 0) a.route = &o.routes[r.route];
    a.reasons = each_once(r.reasons);
    Bindings scratch = r.bindings;
    for (const Condition& c : o.priority) {
      std::vector<Reason> reasons;
      if (evaluate_condition(c, context(scratch), &reasons) == Truth::Met) a.priority.push_back(reasons.back());
    }
    if (r.truth != Truth::Met) {
      std::vector<Reason> notes;
      for (const Condition& c : o.notes)
        if (evaluate_condition(c, context(scratch), &notes) != Truth::Met) notes.pop_back();
      a.notes = each_once(notes);
    }
    if (decided(r.truth)) {
      add_benefits(o, r, a.benefits);
      add_obligations(o, r, a.obligations);
    }
    if (!o.closest_key.empty()) add_closest(o, r, a.closest);
    if (o.under_review && r.truth == Truth::Met)
      for (int i = 0; i < r.route && a.under_review.empty(); ++i)
        if (r.route_truths[i] == Truth::Review) a.under_review = r.route_values[i];
    if (r.truth == Truth::Incomplete) {
      Bindings bound = r.bindings;
      outcome_open_fields(r, context(bound), nullptr, a.open_fields);
    }
    return a;
  }

  // Whether the deciding route gives the item `id` of a list (benefits,
  // obligations): all when the route names none.
  static bool route_gives(const std::optional<std::vector<std::string>>& listed, const std::string& id) {
    return !listed || std::find(listed->begin(), listed->end(), id) != listed->end();
  }

  // The figures of a benefit or an obligation, the known ones in order;
  // `all` gets every figure, known or not, by position.
  std::vector<std::pair<std::string_view, Datum>> figures(const std::vector<std::pair<std::string, Expr>>& exprs,
                                                          const OutcomeState& r,
                                                          std::vector<std::optional<Datum>>& all) {
    std::vector<std::pair<std::string_view, Datum>> known;
    all.reserve(exprs.size());
    for (const auto& [name, expr] : exprs) {
      all.push_back(evaluate_figure(expr, FigureContext{pack_, &schema_, &record_, r.bindings, &all}));
      if (all.back()) known.emplace_back(name, *all.back());
    }
    return known;
  }

  void add_obligations(const Outcome& o, const OutcomeState& r, std::vector<ObligationAnswer>& out) {
    const auto& listed = r.route >= 0 ? o.routes[r.route].obligations : std::nullopt;
    for (const Obligation& ob : o.obligations) {
      if (!route_gives(listed, ob.id)) continue;
      Bindings scratch = r.bindings;
      if (ob.when && evaluate_condition(*ob.when, context(scratch), nullptr) != Truth::Met) continue;
      std::vector<std::optional<Datum>> all;
      ObligationAnswer answer{&ob, {}, figures(ob.fields, r, all)};
      bool complete = true;
      answer.text = {fill_in(ob.text.zh, ob.fields, all, complete), fill_in(ob.text.en, ob.fields, all, complete)};
      if (!complete && ob.text_unknown) answer.text = *ob.text_unknown;
      out.push_back(std::move(answer));
    }
  }

  // " year" or " years" for {years|year|years} and a count of 1 or not;
  // nothing for a plain {name}.
  static std::string noun_for(std::string_view placeholder, double count) {
    const std::size_t first = placeholder.find('|');
    if (first == std::string_view::npos) return {};
    const std::size_t second = placeholder.find('|', first + 1);
    if (second == std::string_view::npos) return {};
    const std::string_view noun = count == 1 ? placeholder.substr(first + 1, second - first - 1) : placeholder.substr(second + 1);
    return " " + std::string(noun);
  }

  // `text` with each {name} replaced by that figure; `complete` turns false
  // if a figure it names is unknown (then "…" stands in for it). English
  // counts agree with their noun: {years|year|years} is "1 year", "5 years".
  static std::string fill_in(const std::string& text, const std::vector<std::pair<std::string, Expr>>& exprs,
                             const std::vector<std::optional<Datum>>& values, bool& complete) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t open = text.find('{', i), close = open == std::string::npos ? open : text.find('}', open);
      if (close == std::string::npos) {
        out.append(text, i, std::string::npos);
        break;
      }
      out.append(text, i, open - i);
      const std::string_view inside(text.data() + open + 1, close - open - 1);
      const std::string_view name = inside.substr(0, inside.find('|'));
      const Datum* value = nullptr;
      for (std::size_t k = 0; k < exprs.size(); ++k)
        if (exprs[k].first == name && values[k]) value = &*values[k];
      if (!value) complete = false, out += "…";
      else if (value->is_number()) write_number(out, value->number), out += noun_for(inside, value->number);
      else out += value->text;
      i = close + 1;
    }
    return out;
  }

  void add_benefits(const Outcome& o, const OutcomeState& r, std::vector<BenefitAnswer>& out) {
    const auto& listed = r.route >= 0 ? o.routes[r.route].benefits : std::nullopt;
    for (const Benefit& b : o.benefits) {
      if (!route_gives(listed, b.id)) continue;
      Bindings scratch = r.bindings;
      if (b.when && evaluate_condition(*b.when, context(scratch), nullptr) != Truth::Met) continue;
      std::vector<std::optional<Datum>> all;
      BenefitAnswer answer{&b, figures(b.fields, r, all), std::nullopt};
      if (b.value) answer.value = evaluate_figure(*b.value, FigureContext{pack_, &schema_, &record_, r.bindings, &all});
      out.push_back(std::move(answer));
    }
  }

  // For each route above the one reached (all when none is): the criterion
  // with the fewest unmet conditions, and those conditions.
  void add_closest(const Outcome& o, const OutcomeState& r, std::vector<ClosestAnswer>& out) {
    const std::size_t above = decided(r.truth) && r.route >= 0 ? static_cast<std::size_t>(r.route) : o.routes.size();
    for (std::size_t i = 0; i < above; ++i) {
      const Route& route = o.routes[i];
      if (!route.closest) continue;
      const bool via_outcome = route.when.kind == Condition::Kind::Outcome;
      const Outcome& target = via_outcome ? outcomes_[route.when.outcome] : o;
      int best = -1, best_met = -1;
      std::string_view clause;
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
        const int met = static_cast<int>(std::count_if(weighed.begin(), weighed.end(), [](const Reason& x) { return decided(x.truth); }));
        if (best < 0 || n < best || (n == best && met > best_met))
          best = n, best_met = met, clause = candidate.clause, best_missing = std::move(missing);
      };
      if (via_outcome) for (const Route& candidate : target.routes) consider(candidate);
      else consider(route);
      if (best < 0) continue;
      out.push_back({route.value, clause, each_once(best_missing)});
    }
  }
};

}  // namespace

void evaluate_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                       const Record& record, std::vector<OutcomeAnswer>& out) {
  OutcomeEvaluator(pack, outcomes, schema, record).run(out);
}

}  // namespace talent
