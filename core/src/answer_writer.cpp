#include "talent/answer_writer.hpp"

namespace talent {

AnswerText::AnswerText(const std::vector<PolicyPack>& packs, std::string policies, std::string team_policies)
    : policies_(std::move(policies)), team_policies_(std::move(team_policies)) {
  for (const PolicyPack& pack : packs) {
    PackText p{pack.reasons.data(), {}};
    p.reasons.reserve(pack.reasons.size());
    for (const ReasonText& r : pack.reasons)
      p.reasons.push_back({"{\"clause\":" + json_quoted(r.clause) + ",\"met\":",
                           ",\"text\":" + json_quoted(r.text.zh) + ",\"text_en\":" + json_quoted(r.text.en)});
    packs_.push_back(std::move(p));
  }
}

const AnswerText::Fragments& AnswerText::fragments(const ReasonText& r) const {
  for (const PackText& p : packs_)
    if (&r >= p.first && &r < p.first + p.reasons.size()) return p.reasons[static_cast<std::size_t>(&r - p.first)];
  static const Fragments none{"{\"clause\":\"\",\"met\":", ",\"text\":\"\",\"text_en\":\"\""};
  return none;  // not a reason of these packs: cannot happen
}

namespace {

// The "met" of a reason. Each literal is its own string_view, so that its
// length is known when compiling (a choice between char pointers is measured
// at run time).
std::string_view met_json(Truth t) {
  if (decided(t)) return "true";
  if (t == Truth::Unmet) return "false";
  return "null";
}

void write_reason(const Reason& r, const AnswerText& text, JsonWriter& w) {
  w.raw(text.head(*r.text));
  w.put(met_json(r.truth));
  w.put(text.tail(*r.text));
  if (r.truth == Truth::Review) w.put(",\"review\":true");
  if (r.text->in_principle) w.put(",\"in_principle\":true");
  if (r.route) {
    w.put(",\"route\":");
    w.quoted(r.route->id);
  }
  w.put('}');
}

void write_reasons(const std::vector<Reason>& reasons, const AnswerText& text, JsonWriter& w) {
  w.begin_array();
  for (const Reason& r : reasons) write_reason(r, text, w);
  w.end_array();
}

void write_benefit_fields(const BenefitAnswer& b, JsonWriter& w) {
  for (const auto& [name, value] : b.fields) {
    w.key(name);
    write_datum(w, value);
  }
}

void write_benefits(const OutcomeAnswer& a, JsonWriter& w) {
  for (const BenefitAnswer& b : a.benefits) {
    w.key(b.benefit->id);
    if (b.benefit->value) {
      if (b.value) write_datum(w, *b.value);
      else w.null();
      continue;
    }
    w.begin_object();
    write_benefit_fields(b, w);
    w.key("clause");
    w.string(b.benefit->clause);
    w.end_object();
  }
}

void write_obligations(const OutcomeAnswer& a, JsonWriter& w) {
  w.begin_array();
  for (const ObligationAnswer& ob : a.obligations) {
    w.begin_object();
    w.key("id");
    w.string(ob.obligation->id);
    w.key("kind");
    w.string(ob.obligation->kind);
    w.key("clause");
    w.string(ob.obligation->clause);
    w.key("text");
    w.string(ob.text.zh);
    w.key("text_en");
    w.string(ob.text.en);
    for (const auto& [name, value] : ob.fields) {
      w.key(name);
      write_datum(w, value);
    }
    w.end_object();
  }
  w.end_array();
}

void write_open_questions(const Assessment& a, JsonWriter& w) {
  w.key("open_questions");
  w.begin_array();
  for (const OpenQuestion& q : a.open_questions) {
    w.begin_object();
    w.key("field");
    w.string(q.field);
    w.key("outcomes");
    w.begin_array();
    for (std::string_view id : q.outcomes) w.string(id);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void write_problems(const Assessment& a, JsonWriter& w) {
  w.key("warnings");
  w.begin_array();
  for (const Warning& x : a.warnings) {
    w.begin_object();
    w.key("code");
    w.string(x.code);
    if (!x.path.empty()) w.key("path"), w.string(x.path);
    if (!x.policy.empty()) w.key("policy"), w.string(x.policy);
    w.key("message");
    w.string(x.message);
    w.end_object();
  }
  w.end_array();
  w.key("errors");
  w.begin_array();
  for (const InputError& e : a.errors) {
    w.begin_object();
    w.key("path");
    w.string(e.path);
    w.key("code");
    w.string(e.code);
    w.key("message");
    w.string(e.message);
    w.end_object();
  }
  w.end_array();
}

// One member per outcome, or, for an outcome whose benefits sit at the top,
// its members straight into the object open.
void write_outcomes(const Assessment& a, const AnswerText& text, JsonWriter& w) {
  for (const OutcomeAnswer& o : a.outcomes) {
    if (o.outcome->benefits_at_top) {
      write_outcome_members(o, text, w);
      continue;
    }
    w.key(o.outcome->id);
    w.begin_object();
    write_outcome_members(o, text, w);
    w.end_object();
  }
}

}  // namespace

void write_outcome_members(const OutcomeAnswer& a, const AnswerText& text, JsonWriter& w) {
  const Outcome& o = *a.outcome;
  w.key("status");
  w.string(status_name(a.truth));
  w.key("value");
  if (a.value.empty()) w.null();
  else w.string(a.value);
  if (a.route) {
    w.key("clause");
    w.string(a.route->clause);
  }
  if (!a.under_review.empty()) {
    w.key("under_review");
    w.string(a.under_review);
  }
  w.key("reasons");
  write_reasons(a.reasons, text, w);
  w.key("priority");
  write_reasons(a.priority, text, w);
  if (!a.notes.empty()) {
    w.key("notes");
    write_reasons(a.notes, text, w);
  }
  if (o.benefits_at_top) write_benefits(a, w);
  else {
    w.key("benefits");
    w.begin_object();
    write_benefits(a, w);
    w.end_object();
  }
  w.key("obligations");
  write_obligations(a, w);
  if (o.selection) {
    w.key("selection");
    write_datum(w, *o.selection);
  }
  if (!o.closest_key.empty()) {
    w.key("closest");
    w.begin_array();
    for (const ClosestAnswer& c : a.closest) {
      w.begin_object();
      w.key(o.closest_key);
      w.string(c.value);
      w.key("clause");
      w.string(c.clause);
      w.key("missing");
      write_reasons(c.missing, text, w);
      w.end_object();
    }
    w.end_array();
  }
}

void write_assessment(const Assessment& a, const AnswerText& text, JsonWriter& w) {
  w.begin_object();
  w.key("schema");
  w.string(kResultSchema);
  w.key("as_of");
  if (a.as_of) w.string(format_date(*a.as_of));
  else w.null();
  w.key("policies");
  w.raw(text.policies());
  w.key("outcomes");
  w.begin_object();
  write_outcomes(a, text, w);
  w.end_object();
  write_open_questions(a, w);
  write_problems(a, w);
  w.end_object();
}

void write_team_check(const Assessment& a, const AnswerText& text, JsonWriter& w) {
  w.begin_object();
  w.key("schema");
  w.string(kTeamResultSchema);
  w.key("policies");
  w.raw(text.team_policies());
  write_outcomes(a, text, w);
  write_problems(a, w);
  w.end_object();
}

}  // namespace talent
