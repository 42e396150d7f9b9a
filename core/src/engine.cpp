#include "talent/engine.hpp"

#include "talent/evaluator.hpp"
#include "talent/json_writer.hpp"
#include "talent/subject.hpp"

#ifndef TALENT_ENGINE_VERSION
#error "TALENT_ENGINE_VERSION is set by core/CMakeLists.txt"
#endif

namespace talent {


namespace {


Json policies_json(const std::vector<PolicyPack>& packs, bool team_only) {
  Json out = Json::array();
  for (const PolicyPack& p : packs) {
    if (team_only && p.team_checks.empty()) continue;
    out.push_back({{"id", p.id},
                   {"title", p.title.zh},
                   {"title_en", p.title.en},
                   {"version", p.version},
                   {"source", p.source},
                   {"in_force", {{"from", format_date(p.in_force_from)}, {"to", format_date(p.in_force_to)}}}});
  }
  return out;
}

Json errors_json(const std::vector<InputError>& errors) {
  Json out = Json::array();
  for (const InputError& e : errors) out.push_back({{"path", e.path}, {"code", e.code}, {"message", e.message}});
  return out;
}

const Value* as_of_value(const SubjectSchema& s, const Subject& subject) {
  int i = s.record.find("as_of");
  if (i < 0 || !subject.errors.empty() || subject.record.values.empty()) return nullptr;
  const Value& v = subject.record.values[i];
  return v.known() ? &v : nullptr;
}

}  // namespace

std::optional<Engine> Engine::load(std::string_view subjects, const std::vector<PackSource>& packs, LoadErrors& errors) {
  Engine engine;
  const std::size_t before = errors.size();
  Json s = Json::parse(subjects.begin(), subjects.end(), nullptr, false);
  if (s.is_discarded()) {
    errors.push_back({"schema.invalid_json", "", "the subjects file is not valid JSON"});
    return std::nullopt;
  }
  engine.subjects_ = load_subjects(s, errors);
  for (const char* name : {"profile", "team"})
    if (!engine.subjects_.count(name)) errors.push_back({"schema.missing_key", std::string("/") + name, "no such subject"});
  if (errors.size() != before) return std::nullopt;
  engine.packs_.reserve(packs.size());
  for (const PackSource& source : packs) {
    Json pack = Json::parse(source.pack.begin(), source.pack.end(), nullptr, false);
    Json clauses = Json::parse(source.clauses.begin(), source.clauses.end(), nullptr, false);
    if (pack.is_discarded() || clauses.is_discarded()) {
      errors.push_back({"pack.invalid_json", "", "a pack or clause table is not valid JSON"});
      continue;
    }
    if (auto loaded = load_pack(pack, clauses, engine.subjects_, errors)) {
      for (const PolicyPack& other : engine.packs_)
        if (other.id == loaded->id) errors.push_back({"pack.duplicate_id", "/id", "two packs are named '" + other.id + "'"});
      engine.packs_.push_back(std::move(*loaded));
    }
  }
  if (errors.size() != before) return std::nullopt;
  engine.policies_text_ = to_text(policies_json(engine.packs_, false));
  engine.team_policies_text_ = to_text(policies_json(engine.packs_, true));
  return engine;
}

std::string Engine::evaluate(std::string_view profile) const {
  const SubjectSchema& schema = subjects_.at("profile");
  Subject subject = read_subject(schema, profile);
  const Value* as_of = as_of_value(schema, subject);
  JsonWriter w;
  w.text().reserve(32 * 1024);
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
        subject.warnings.push_back({{"code", "policy_not_in_force"},
                                    {"policy", pack.id},
                                    {"message", pack.id + " is in force from " + format_date(pack.in_force_from) + " to " +
                                                    format_date(pack.in_force_to)}});
      write_outcomes(pack, pack.outcomes, schema.record, subject.record, w);
    }
  }
  w.end_object();
  w.key("warnings");
  w.value(subject.warnings);
  w.key("errors");
  w.value(errors_json(subject.errors));
  w.end_object();
  return std::move(w.text());
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
  w.key("warnings");
  w.value(subject.warnings);
  w.key("errors");
  w.value(errors_json(subject.errors));
  w.end_object();
  return std::move(w.text());
}

std::string Engine::describe() const {
  Json answer = Json::object();
  answer["schema"] = "talent-describe/1";
  answer["engine"] = TALENT_ENGINE_VERSION;
  Json policies = Json::array();
  Json clauses = Json::object();
  for (const PolicyPack& p : packs_) {
    policies.push_back(p.description);
    for (const auto& [id, text] : p.clauses) clauses[id] = {{"zh", text.zh}, {"en", text.en}};
  }
  answer["policies"] = std::move(policies);
  answer["clauses"] = std::move(clauses);
  answer["questions"] = subjects_.at("profile").questions;
  answer["team_questions"] = subjects_.at("team").questions;
  return to_text(answer);
}

std::string Engine::version() const {
  Json rules = Json::object();
  for (const PolicyPack& p : packs_) rules[p.id] = p.version;
  Json answer = {{"engine", TALENT_ENGINE_VERSION},
                 {"rules", rules},
                 {"schemas",
                  {{"profile", subjects_.at("profile").schema},
                   {"result", kResultSchema},
                   {"team", subjects_.at("team").schema},
                   {"team_result", kTeamResultSchema}}}};
  return to_text(answer);
}

}  // namespace talent
