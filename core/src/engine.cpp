#include "talent/engine.hpp"

#include "talent/evaluator.hpp"
#include "talent/json_writer.hpp"
#include "talent/subject.hpp"

namespace talent {

namespace {

void write_problems(JsonWriter& w, const std::vector<Warning>& warnings, const std::vector<InputError>& errors) {
  w.key("warnings");
  w.begin_array();
  for (const Warning& x : warnings) {
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
  for (const InputError& e : errors) {
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

const Value* as_of_value(const SubjectSchema& s, const Subject& subject) {
  int i = s.record.find("as_of");
  if (i < 0 || !subject.errors.empty() || subject.record.values.empty()) return nullptr;
  const Value& v = subject.record.values[i];
  return v.known() ? &v : nullptr;
}

}  // namespace

std::string Engine::evaluate(std::string_view profile) const {
  std::string answer;
  const std::size_t length = evaluate(profile, answer).size();
  answer.resize(length);
  return answer;
}

std::string_view Engine::evaluate(std::string_view profile, std::string& buffer) const {
  const SubjectSchema& schema = subjects_.at("profile");
  Subject subject = read_subject(schema, profile);
  const Value* as_of = as_of_value(schema, subject);
  JsonWriter w(std::move(buffer));
  w.reserve(48 * 1024);  // a full answer is about 33 KB
  w.begin_object();
  w.key("schema");
  w.string(kResultSchema);
  w.key("as_of");
  if (as_of) w.string(format_date(as_of->date));
  else w.null();
  w.key("policies");
  w.raw(policies_text_);
  w.key("outcomes");
  w.begin_object();
  if (subject.errors.empty()) {
    for (const PolicyPack& pack : packs_) {
      if (as_of && (as_of->date < pack.in_force_from || pack.in_force_to < as_of->date))
        subject.warnings.push_back({"policy_not_in_force", "", pack.id,
                                    pack.id + " is in force from " + format_date(pack.in_force_from) + " to " +
                                        format_date(pack.in_force_to)});
      write_outcomes(pack, pack.outcomes, schema.record, subject.record, w);
    }
  }
  w.end_object();
  write_problems(w, subject.warnings, subject.errors);
  w.end_object();
  return w.finish(buffer);
}

std::string Engine::check_team(std::string_view team) const {
  const SubjectSchema& schema = subjects_.at("team");
  Subject subject = read_subject(schema, team);
  JsonWriter w;
  w.begin_object();
  w.key("schema");
  w.string(kTeamResultSchema);
  w.key("policies");
  w.raw(team_policies_text_);
  if (subject.errors.empty())
    for (const PolicyPack& pack : packs_)
      if (!pack.team_checks.empty()) write_outcomes(pack, pack.team_checks, schema.record, subject.record, w);
  write_problems(w, subject.warnings, subject.errors);
  w.end_object();
  return w.take();
}

std::string Engine::describe() const {
  std::string out;
  out.reserve(describe_text_.size() * 2);
  append_ascii(out, describe_text_);
  return out;
}

std::string Engine::version() const { return version_text_; }

}  // namespace talent
