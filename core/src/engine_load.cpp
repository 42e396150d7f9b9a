// Building an Engine from the policy files (the strict loader) and writing
// its image. Used at build time by talent-packcheck and by the tests; the
// shipped engine starts from the image (Engine::from_image).
#include "image_io.hpp"
#include "talent/engine.hpp"
#include "talent/evaluator.hpp"

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

// describe(): the policies, every clause's full text, and the questions.
Json describe_json(const std::map<std::string, SubjectSchema>& subjects, const std::vector<PolicyPack>& packs) {
  Json answer = Json::object();
  answer["schema"] = "talent-describe/1";
  answer["engine"] = TALENT_ENGINE_VERSION;
  Json policies = Json::array();
  Json clauses = Json::object();
  for (const PolicyPack& p : packs) {
    policies.push_back(Json::parse(p.description));
    for (const auto& [id, text] : p.clauses) clauses[id] = {{"zh", text.zh}, {"en", text.en}};
  }
  answer["policies"] = std::move(policies);
  answer["clauses"] = std::move(clauses);
  answer["questions"] = Json::parse(subjects.at("profile").questions);
  answer["team_questions"] = Json::parse(subjects.at("team").questions);
  return answer;
}

Json version_json(const std::map<std::string, SubjectSchema>& subjects, const std::vector<PolicyPack>& packs) {
  Json rules = Json::object();
  for (const PolicyPack& p : packs) rules[p.id] = p.version;
  return {{"engine", TALENT_ENGINE_VERSION},
          {"rules", rules},
          {"schemas",
           {{"profile", subjects.at("profile").schema},
            {"result", kResultSchema},
            {"team", subjects.at("team").schema},
            {"team_result", kTeamResultSchema}}}};
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
  for (PolicyPack& p : engine.packs_) prepare_reasons(p);
  engine.policies_text_ = to_text(policies_json(engine.packs_, false));
  engine.team_policies_text_ = to_text(policies_json(engine.packs_, true));
  // Kept as UTF-8 (it is stored in the image that way, smaller); describe() escapes it.
  engine.describe_text_ = describe_json(engine.subjects_, engine.packs_).dump(-1, ' ', false, Json::error_handler_t::replace);
  engine.version_text_ = to_text(version_json(engine.subjects_, engine.packs_));
  return engine;
}

std::string Engine::image() const {
  image::Writer w;
  image::io(w, image::kMagic);
  image::io(w, subjects_);
  image::io(w, packs_);
  for (const std::string* text : {&policies_text_, &team_policies_text_, &describe_text_, &version_text_}) image::io(w, *text);
  return std::move(w.out);
}

}  // namespace talent
