// Building an Engine from the policy files (the strict loader) and writing
// its image. Used at build time by talent-packcheck and by the tests; the
// shipped engine starts from the image (Engine::from_image).
#include <set>

#include "image_io.hpp"
#include "loaders.hpp"
#include "policy_files.hpp"
#include "talent/answer_writer.hpp"

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

// The profile fields a pack reads: in its conditions (a list's item fields
// count as the list), its figures and its parameters' keys.
void fields_read(const Condition& c, std::set<int>& out) {
  if (c.field >= 0 && c.kind != Condition::Kind::Bound) out.insert(c.field);
  // A quantifier's `where` reads the items' fields, which the list stands for.
  const bool quantifier = c.kind == Condition::Kind::Exists || c.kind == Condition::Kind::Every ||
                          c.kind == Condition::Kind::Count || c.kind == Condition::Kind::Share;
  if (!quantifier)
    for (const Condition& child : c.children) fields_read(child, out);
}

void fields_read(const Expr& e, std::set<int>& out) {
  if ((e.kind == Expr::Kind::Field || e.kind == Expr::Kind::Each) && e.index >= 0) out.insert(e.index);
  if (e.kind == Expr::Kind::Each) return;  // its value reads the items
  for (const Expr& arg : e.args) fields_read(arg, out);
}

std::set<std::string> profile_fields_read(const PolicyPack& pack, const RecordSchema& profile) {
  std::set<int> read;
  for (const Outcome& o : pack.outcomes) {
    for (const auto* list : {&o.required, &o.priority, &o.notes})
      for (const Condition& c : *list) fields_read(c, read);
    for (const Route& r : o.routes) fields_read(r.when, read);
    for (const Benefit& b : o.benefits) {
      if (b.when) fields_read(*b.when, read);
      for (const auto& f : b.fields) fields_read(f.second, read);
      if (b.value) fields_read(*b.value, read);
    }
    for (const Obligation& ob : o.obligations) {
      if (ob.when) fields_read(*ob.when, read);
      for (const auto& f : ob.fields) fields_read(f.second, read);
    }
  }
  std::set<std::string> out;
  for (int i : read) out.insert(profile.fields[static_cast<std::size_t>(i)].path);
  for (const Parameter& p : pack.parameters)
    for (const std::string& name : p.by)
      if (profile.find(name) >= 0) out.insert(name);
  // A field derived from others is read through them (age from birth_date).
  for (const FieldSpec& f : profile.fields)
    if (f.derive.kind == Derivation::Kind::YearsSince && out.count(f.path)) out.insert({f.derive.from, f.derive.on});
  return out;
}

// The questions as the schema lists them, each saying whether it is a list
// (the page asks "any?" first) and which policies read it.
Json questions_json(const Json& questions, const RecordSchema& record, const std::vector<LoadedPack>& packs) {
  Json out = questions;
  std::vector<std::pair<std::string, std::set<std::string>>> read;
  for (const LoadedPack& p : packs) read.emplace_back(p.pack.id, profile_fields_read(p.pack, record));
  for (Json& q : out) {
    const std::string field = q["field"].get<std::string>();
    const int i = record.find(field);
    if (i < 0) continue;
    const FieldType type = record.fields[static_cast<std::size_t>(i)].type;
    q["list"] = type == FieldType::EnumList || type == FieldType::RecordList;
    Json policies = Json::array();
    for (const auto& [id, fields] : read)
      if (fields.count(field)) policies.push_back(id);
    q["policies"] = std::move(policies);
  }
  return out;
}

// describe(): the policies, every clause id, and the questions. The clauses'
// full texts are not in it (they would make up a third of the wasm module):
// they are LoadedEngine::clause_texts_json, a static file of the page.
Json describe_json(const LoadedSubjects& subjects, const std::vector<LoadedPack>& packs) {
  Json answer = Json::object();
  answer["schema"] = "talent-describe/1";
  answer["engine"] = TALENT_ENGINE_VERSION;
  Json policies = Json::array();
  Json clauses = Json::object();
  for (const LoadedPack& p : packs) {
    policies.push_back(p.description);
    for (const auto& entry : p.clauses) clauses[entry.first] = {{"policy", p.pack.id}};
  }
  answer["policies"] = std::move(policies);
  answer["clauses"] = std::move(clauses);
  answer["clause_texts"] = "clauses.json";
  answer["questions"] = questions_json(subjects.questions.at("profile"), subjects.schemas.at("profile").record, packs);
  answer["team_questions"] = subjects.questions.at("team");
  return answer;
}

Json clause_texts(const std::vector<LoadedPack>& packs) {
  Json out = Json::object();
  for (const LoadedPack& p : packs)
    for (const auto& [id, text] : p.clauses) out[id] = {{"zh", text.zh}, {"en", text.en}};
  return out;
}

Json version_json(const LoadedSubjects& subjects, const std::vector<LoadedPack>& packs) {
  Json rules = Json::object(), dates = Json::object();
  for (const LoadedPack& p : packs) {
    rules[p.pack.id] = p.pack.version;
    dates[p.pack.id] = p.version_date;
  }
  return {{"engine", TALENT_ENGINE_VERSION},
          {"rules", rules},
          {"rules_dates", dates},
          {"schemas",
           {{"profile", subjects.schemas.at("profile").schema},
            {"result", kResultSchema},
            {"team", subjects.schemas.at("team").schema},
            {"team_result", kTeamResultSchema}}}};
}

}  // namespace

std::string error_line(const LoadError& e) {
  std::string where = e.file;
  if (!e.path.empty()) where += (where.empty() ? "" : ": ") + e.path;
  return (where.empty() ? "" : where + ": ") + e.id + ": " + e.message;
}

std::optional<LoadedEngine> load_engine(std::string_view subjects_text, const std::vector<PolicySource>& policies,
                                        LoadErrors& errors) {
  const std::size_t before = errors.size();
  const std::string subjects_file = "subjects.json";
  const std::optional<Json> subjects_doc = parse_policy_json(subjects_text, subjects_file, errors);
  if (!subjects_doc) return std::nullopt;
  LoadedSubjects subjects = load_subjects(*subjects_doc, subjects_file, errors);
  for (const char* name : {"profile", "team"})
    if (!subjects.schemas.count(name))
      errors.push_back({"schema.missing_key", subjects_file, std::string("/") + name, "no such subject"});
  if (errors.size() != before) return std::nullopt;

  std::vector<LoadedPack> packs;
  packs.reserve(policies.size());
  for (const PolicySource& source : policies) {
    const std::string pack_file = source.folder + "/pack.json", clauses_file = source.folder + "/clauses.json";
    const std::optional<Json> pack = parse_policy_json(source.pack, pack_file, errors);
    const std::optional<Json> clauses = parse_policy_json(source.clauses, clauses_file, errors);
    if (!pack || !clauses) continue;
    check_source(*pack, source, errors);
    check_clause_texts(*clauses, source, errors);
    if (auto loaded = load_pack(*pack, *clauses, subjects, source.folder, errors)) {
      for (const LoadedPack& other : packs)
        if (other.pack.id == loaded->pack.id)
          errors.push_back({"pack.duplicate_id", pack_file, "/id", "two packs are named '" + other.pack.id + "'"});
      packs.push_back(std::move(*loaded));
    }
  }
  // A field derived from an outcome names one the packs decide.
  for (const auto& [name, subject] : subjects.schemas)
    for (const FieldSpec& f : subject.record.fields) {
      if (f.derive.kind != Derivation::Kind::OutcomeOf) continue;
      bool found = false;
      for (const LoadedPack& p : packs)
        for (const Outcome& o : p.pack.outcomes) found = found || o.id == f.derive.from;
      if (!found)
        errors.push_back({"schema.unknown_field", subjects_file, "/" + name,
                          "'" + f.path + "' derives from the outcome '" + f.derive.from + "', which no pack has"});
    }
  if (errors.size() != before) return std::nullopt;

  Engine::Parts parts;
  std::vector<PolicyPack> runtime_packs;
  for (const LoadedPack& p : packs) runtime_packs.push_back(p.pack);
  parts.policies_json = to_text(policies_json(runtime_packs, false));
  parts.team_policies_json = to_text(policies_json(runtime_packs, true));
  // Kept as UTF-8 (smaller in the image); describe() escapes it.
  parts.describe_json = describe_json(subjects, packs).dump(-1, ' ', false, Json::error_handler_t::replace);
  parts.version_json = to_text(version_json(subjects, packs));
  parts.subjects = std::move(subjects.schemas);
  parts.packs = std::move(runtime_packs);
  return LoadedEngine{Engine(std::move(parts)), clause_texts(packs).dump(-1, ' ', false, Json::error_handler_t::replace)};
}

std::string engine_image(const Engine& engine) {
  image::Writer w;
  image::io(w, image::kMagic);
  image::io(w, engine.parts());
  return std::move(w.out);
}

}  // namespace talent
