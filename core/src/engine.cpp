#include "talent/engine.hpp"

#include <algorithm>
#include <utility>

#include "talent/answer_writer.hpp"
#include "talent/evaluator.hpp"
#include "talent/json_writer.hpp"
#include "talent/subject.hpp"

namespace talent {

namespace {

std::optional<Date> as_of_of(const SubjectSchema& s, const Subject& subject) {
  const int i = s.record.find("as_of");
  if (i < 0 || !subject.errors.empty() || subject.record.values.empty()) return std::nullopt;
  const Value& v = subject.record.values[i];
  if (!v.known()) return std::nullopt;
  return v.date;
}

Assessment without_outcomes(Subject& subject) {
  Assessment a;
  a.warnings = std::move(subject.warnings);
  a.errors = std::move(subject.errors);
  return a;
}

// The unknown fields incomplete outcomes wait on, each with those outcomes:
// the most outcomes first, then in the order of the schema (and describe()).
std::vector<OpenQuestion> open_questions(const RecordSchema& schema, const std::vector<OutcomeAnswer>& outcomes) {
  std::vector<std::vector<std::string_view>> waiting(schema.fields.size());
  std::size_t most = 0;
  for (const OutcomeAnswer& o : outcomes)
    for (int f : o.open_fields) {
      auto& ids = waiting[static_cast<std::size_t>(f)];
      ids.push_back(o.outcome->id);
      most = std::max(most, ids.size());
    }
  // By count, most first, each count in schema order: a pass per count is
  // enough (counts are at most the number of outcomes) and spares the
  // module a sorting routine.
  std::vector<OpenQuestion> out;
  for (std::size_t n = most; n > 0; --n)
    for (std::size_t f = 0; f < waiting.size(); ++f)
      if (waiting[f].size() == n) out.push_back({schema.fields[f].path, std::exchange(waiting[f], {})});
  return out;
}

}  // namespace

Engine::Engine(Parts parts)
    : parts_(std::move(parts)), text_(parts_.packs, parts_.policies_json, parts_.team_policies_json) {}

Assessment Engine::assess(std::string_view profile) const {
  const SubjectSchema& schema = subject("profile");
  Subject s = read_subject(schema, profile);
  const std::optional<Date> as_of = as_of_of(schema, s);
  Assessment a = without_outcomes(s);
  a.as_of = as_of;
  if (!a.errors.empty()) return a;
  for (const PolicyPack& pack : parts_.packs) {
    if (as_of && (*as_of < pack.in_force_from || pack.in_force_to < *as_of))
      a.warnings.push_back({"policy_not_in_force", "", pack.id,
                            pack.id + " is in force from " + format_date(pack.in_force_from) + " to " +
                                format_date(pack.in_force_to)});
    for (const PackWarning& w : pack.warnings)
      if (as_of && w.from <= *as_of) a.warnings.push_back({w.code, "", pack.id, w.message});
    evaluate_outcomes(pack, pack.outcomes, schema.record, s.record, a.outcomes);
  }
  a.open_questions = open_questions(schema.record, a.outcomes);
  return a;
}

// Fields worked out from an outcome of a nested subject: a team leader's
// category is what the engine decides for the leader's profile.
void Engine::derive_from_outcomes(const RecordSchema& schema, Subject& s) const {
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldSpec& f = schema.fields[i];
    if (f.derive.kind != Derivation::Kind::OutcomeOf) continue;
    const int of = schema.find(f.derive.of);
    const Value& nested = s.record.values[of];
    if (!nested.known()) continue;
    std::vector<OutcomeAnswer> answers;
    for (const PolicyPack& pack : parts_.packs)
      evaluate_outcomes(pack, pack.outcomes, *schema.fields[of].item, nested.records[0], answers);
    std::string derived;
    for (const OutcomeAnswer& a : answers)
      if (a.outcome->id == f.derive.from)
        derived = a.truth == Truth::Met ? a.value : a.truth == Truth::Unmet ? f.derive.otherwise : "";
    if (f.rank_of(derived) < 0) continue;  // incomplete, for the deciding body, or not a value of the field
    Value& target = s.record.values[i];
    if (target.known()) {
      if (target.text != derived)
        s.warnings.push_back({"derived_value_mismatch", pointer_of(f.derive.of), "",
                              f.path + " given as " + target.text + ", but " + f.derive.of + " gives " + derived +
                                  "; " + f.path + " is used"});
      continue;
    }
    target.kind = Value::Kind::Enum;
    target.rank = f.rank_of(derived);
    target.text = derived;
  }
}

Assessment Engine::assess_team(std::string_view team) const {
  const SubjectSchema& schema = subject("team");
  Subject s = read_subject(schema, team);
  if (s.errors.empty()) derive_from_outcomes(schema.record, s);
  Assessment a = without_outcomes(s);
  if (!a.errors.empty()) return a;
  for (const PolicyPack& pack : parts_.packs)
    if (!pack.team_checks.empty()) evaluate_outcomes(pack, pack.team_checks, schema.record, s.record, a.outcomes);
  return a;
}

std::string Engine::evaluate(std::string_view profile) const {
  std::string answer;
  const std::size_t length = evaluate(profile, answer).size();
  answer.resize(length);
  return answer;
}

std::string_view Engine::evaluate(std::string_view profile, std::string& buffer) const {
  const Assessment a = assess(profile);
  JsonWriter w(std::move(buffer));
  w.reserve(48 * 1024);  // a full answer is about 33 KB
  write_assessment(a, text_, w);
  return w.finish(buffer);
}

std::string Engine::check_team(std::string_view team) const {
  const Assessment a = assess_team(team);
  JsonWriter w;
  write_team_check(a, text_, w);
  return w.take();
}

std::string Engine::not_text(bool team) const {
  Assessment a;
  a.errors.push_back({"", "invalid_type", "the input must be JSON text (a string) or its UTF-8 bytes (a Uint8Array)"});
  JsonWriter w;
  if (team) write_team_check(a, text_, w);
  else write_assessment(a, text_, w);
  return w.take();
}

std::string Engine::describe() const {
  std::string out;
  out.reserve(parts_.describe_json.size() * 2);
  append_ascii(out, parts_.describe_json);
  return out;
}

std::string Engine::version() const { return parts_.version_json; }

}  // namespace talent
