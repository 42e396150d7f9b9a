// A new policy is a folder. core/policies is copied to a fresh temporary
// folder, the demo policy (tests/fixtures/policies/demo: a short invented
// notice, its clause table and its pack) is added beside fcg and wz, and an
// engine is built from that folder with load_policies(), as the build does:
// no C++ and no CMake knows the demo policy. The demo's case file
// (tests/fixtures/policies/demo/cases.json, the format of tests/cases) must
// hold against that engine, and broken copies of the folder must fail with
// the error id, file and JSON pointer that docs/new-policy.md promises.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "case_files.hpp"
#include "test_engines.hpp"

namespace talent::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kDemo = fs::path(TALENT_FIXTURES_DIR) / "policies" / "demo";

bool has_error(const LoadErrors& errors, const std::string& id, const std::string& file, const std::string& path) {
  for (const auto& e : errors)
    if (e.id == id && e.file == file && e.path == path) return true;
  return false;
}

class NewPolicyFolder : public ::testing::Test {
 protected:
  fs::path root;

  void SetUp() override {
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    root = fs::temp_directory_path() / ("talent-new-policy-" + std::to_string(::getpid()) + "-" + test);
    fs::remove_all(root);
    fs::copy(TALENT_POLICY_DIR, root, fs::copy_options::recursive);
    // The analyst's step: one more folder. Only the policy's own files go in
    // (its case file would live under tests/cases/demo/).
    fs::remove_all(root / "demo");
    fs::create_directories(root / "demo");
    for (const char* file : {"pack.json", "clauses.json", "demo_notice.txt"}) fs::copy_file(kDemo / file, root / "demo" / file);
  }
  void TearDown() override { fs::remove_all(root); }

  std::string read(const std::string& name) const { return read_text_file((root / name).string()); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root / name, std::ios::binary) << text;
  }
  // Replaces the one occurrence of `from` in the file `name`.
  void edit(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read(name);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " is not in " << name;
    ASSERT_EQ(text.find(from, at + 1), std::string::npos) << from << " is in " << name << " more than once";
    write(name, text.replace(at, from.size(), to));
  }

  std::optional<LoadedEngine> load(LoadErrors& errors) const { return load_policies(root.string(), errors); }
};

std::vector<Case> demo_cases() { return load_case_file((kDemo / "cases.json").string(), "demo/cases.json"); }

TEST_F(NewPolicyFolder, AnswersBesideFcgAndWz) {
  LoadErrors errors;
  const auto loaded = load(errors);
  ASSERT_TRUE(loaded) << error_list(errors);
  const Engine& engine = loaded->engine;
  std::vector<std::string> ids;
  for (const PolicyPack& p : engine.packs()) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"demo", "fcg", "wz"}));

  const Json answer = Json::parse(engine.evaluate(R"({"as_of": "2026-03-01", "age": 45, "title": "deputy_senior",
      "education": {"level": "master"}, "physician": true, "conduct_ok": true, "healthy": true})"));
  const Json& outcomes = answer["outcomes"];
  for (const char* id : {"demo.category", "demo.settling_allowance", "demo.special_support", "fcg.category",
                         "fcg.fulltime", "wz.leading", "wz.management"})
    EXPECT_TRUE(outcomes.contains(id)) << id << " is not in the answer";
  EXPECT_EQ(outcomes["demo.category"]["value"], "A");
  EXPECT_EQ(outcomes["demo.settling_allowance"]["benefits"]["settling_allowance"]["amount"], 300000);
  std::set<std::string> policies;
  for (const Json& p : answer["policies"]) policies.insert(p["id"].get<std::string>());
  EXPECT_EQ(policies, (std::set<std::string>{"demo", "fcg", "wz"}));

  // describe() and the page's clause texts know the new policy too.
  const Json described = Json::parse(engine.describe());
  bool listed = false;
  for (const Json& p : described["policies"])
    if (p["id"] == "demo") {
      listed = true;
      EXPECT_EQ(p["source"], "demo_notice.txt");
      EXPECT_EQ(p["outcomes"].size(), 3u);
    }
  EXPECT_TRUE(listed);
  EXPECT_TRUE(described["clauses"].contains("demo:1.2"));
  const Json texts = Json::parse(loaded->clause_texts_json);
  EXPECT_EQ(texts["demo:3"]["zh"], "安家补贴\nA类人才给予安家补贴30万元，B类人才给予安家补贴15万元，分3年发放。");
}

TEST_F(NewPolicyFolder, AnswersTheDemoCaseFile) {
  LoadErrors errors;
  const auto loaded = load(errors);
  ASSERT_TRUE(loaded) << error_list(errors);
  const auto cases = demo_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const Case& c : cases) {
    ASSERT_EQ(c.kind, "profile") << c.name;
    const Json answer_json = Json::parse(answer(loaded->engine, c), nullptr, false);
    std::string why;
    EXPECT_TRUE(matches(c.expect, answer_json, why)) << c.file << ": " << c.name << "\n  " << why;
  }
}

// The rule tests/unit/coverage_test.cpp applies to the shipped packs, on the
// demo's own cases: every clause its criteria cite is met in an eligible (or
// review) answer and unmet in an ineligible one.
void criteria_clauses(const PolicyPack& pack, const Condition& c, std::set<std::string>& out) {
  if (c.kind == Condition::Kind::Outcome || c.kind == Condition::Kind::OutcomeValue) return;
  if (c.reports()) {
    out.insert(pack.reasons[static_cast<std::size_t>(c.reason)].clause);
    return;
  }
  for (const Condition& child : c.children) criteria_clauses(pack, child, out);
}

TEST_F(NewPolicyFolder, DemoCasesDecideEveryCriterionBothWays) {
  LoadErrors errors;
  const auto loaded = load(errors);
  ASSERT_TRUE(loaded) << error_list(errors);
  std::set<std::string> clauses, eligible, ineligible;
  for (const PolicyPack& pack : loaded->engine.packs())
    if (pack.id == "demo")
      for (const Outcome& o : pack.outcomes) {
        for (const Condition& c : o.required) criteria_clauses(pack, c, clauses);
        for (const Route& r : o.routes) criteria_clauses(pack, r.when, clauses);
      }
  EXPECT_EQ(clauses, (std::set<std::string>{"demo:1.1", "demo:1.2", "demo:1.3", "demo:4"}));
  for (const Case& c : demo_cases()) {
    const Json a = Json::parse(answer(loaded->engine, c), nullptr, false);
    for (const auto& [id, outcome] : a["outcomes"].items()) {
      if (id.rfind("demo.", 0) != 0) continue;
      const Json& status = outcome["status"];
      for (const Json& r : outcome["reasons"]) {
        if ((status == "eligible" || status == "review") && r["met"] == true) eligible.insert(r["clause"].get<std::string>());
        if (status == "ineligible" && r["met"] == false) ineligible.insert(r["clause"].get<std::string>());
      }
    }
  }
  for (const std::string& clause : clauses) {
    EXPECT_TRUE(eligible.count(clause)) << clause << " is met in no eligible case";
    EXPECT_TRUE(ineligible.count(clause)) << clause << " is unmet in no ineligible case";
  }
}

// Adding a folder changes nothing that fcg and wz answer: their case files
// hold against the engine with the demo policy in it.
TEST_F(NewPolicyFolder, LeavesTheOtherAnswersAlone) {
  LoadErrors errors;
  const auto loaded = load(errors);
  ASSERT_TRUE(loaded) << error_list(errors);
  const auto cases = load_cases();
  ASSERT_GT(cases.size(), 50u);
  for (const Case& c : cases) {
    const Json answer_json = Json::parse(answer(loaded->engine, c), nullptr, false);
    std::string why;
    EXPECT_TRUE(matches(c.expect, answer_json, why)) << c.file << ": " << c.name << "\n  " << why;
  }
}

// The mistakes an analyst makes first, each in a copy of the demo folder.

TEST_F(NewPolicyFolder, AClauseTextNotInTheDocument) {
  // The clause table says 45 where the notice says 40.
  edit("demo/clauses.json", "年龄不超过40周岁。", "年龄不超过45周岁。");
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  ASSERT_EQ(errors.size(), 1u) << error_list(errors);
  EXPECT_TRUE(has_error(errors, "pack.clause_text_mismatch", "demo/clauses.json", "/demo:1.2")) << error_list(errors);
  EXPECT_EQ(error_line(errors[0]).rfind("demo/clauses.json: /demo:1.2: pack.clause_text_mismatch: ", 0), 0u)
      << error_line(errors[0]);
  // The message shows where the text parts from the document.
  EXPECT_NE(errors[0].message.find("年龄不超过4"), std::string::npos) << errors[0].message;
}

TEST_F(NewPolicyFolder, ALineBreakOrSpaceIsNotAMismatch) {
  edit("demo/clauses.json", "年龄不超过40周岁。", "年龄不超过 40 周岁。\\n");
  LoadErrors errors;
  EXPECT_TRUE(load(errors)) << error_list(errors);
}

TEST_F(NewPolicyFolder, AMisspeltField) {
  Json pack = Json::parse(read("demo/pack.json"));
  Json& condition = pack["outcomes"][0]["routes"][1]["when"]["all"][2];
  ASSERT_EQ(condition["field"], "education.level");
  condition["field"] = "education.levle";
  write("demo/pack.json", pack.dump(1));
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  ASSERT_EQ(errors.size(), 1u) << error_list(errors);
  EXPECT_TRUE(has_error(errors, "pack.unknown_field", "demo/pack.json", "/outcomes/0/routes/1/when/all/2/field"))
      << error_list(errors);
  EXPECT_NE(errors[0].message.find("education.levle"), std::string::npos) << errors[0].message;
}

TEST_F(NewPolicyFolder, AMisspeltKey) {
  edit("demo/pack.json", "\"priority\":", "\"priorty\":");
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  EXPECT_TRUE(has_error(errors, "pack.unknown_key", "demo/pack.json", "/outcomes/0/priorty")) << error_list(errors);
}

TEST_F(NewPolicyFolder, AMisspeltDefinition) {
  // Both uses of "basic" misspelt: the definition is then also unused.
  Json pack = Json::parse(read("demo/pack.json"));
  for (Json& route : pack["outcomes"][0]["routes"]) route["when"]["all"][0]["use"] = "basics";
  write("demo/pack.json", pack.dump(1));
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  EXPECT_TRUE(has_error(errors, "pack.unknown_definition", "demo/pack.json", "/outcomes/0/routes/0/when/all/0/use"))
      << error_list(errors);
  EXPECT_TRUE(has_error(errors, "pack.unknown_definition", "demo/pack.json", "/outcomes/0/routes/1/when/all/0/use"))
      << error_list(errors);
  EXPECT_TRUE(has_error(errors, "pack.unused_definition", "demo/pack.json", "/definitions/basic")) << error_list(errors);
  EXPECT_EQ(errors.size(), 3u) << error_list(errors);
}

TEST_F(NewPolicyFolder, ASourceThatNamesNoFile) {
  edit("demo/pack.json", "\"source\": \"demo_notice.txt\"", "\"source\": \"demo-notice.txt\"");
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  EXPECT_TRUE(has_error(errors, "pack.missing_file", "demo/pack.json", "/source")) << error_list(errors);
}

TEST_F(NewPolicyFolder, AClauseIdOfTheWrongPolicy) {
  edit("demo/clauses.json", "\"demo:1.4\"", "\"dmeo:1.4\"");
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  EXPECT_TRUE(has_error(errors, "pack.invalid_clause_id", "demo/clauses.json", "/dmeo:1.4")) << error_list(errors);
  // and the note that cites demo:1.4 now cites a clause the table lacks
  EXPECT_TRUE(has_error(errors, "pack.unknown_clause", "demo/pack.json", "/outcomes/0/notes/0/clause")) << error_list(errors);
}

TEST_F(NewPolicyFolder, NotJson) {
  edit("demo/pack.json", "\"version\": \"demo-2025.1\",", "\"version\": \"demo-2025.1\"");
  LoadErrors errors;
  EXPECT_FALSE(load(errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].id, "pack.invalid_json");
  EXPECT_EQ(errors[0].file, "demo/pack.json");
  // The message gives the line, not a byte offset.
  EXPECT_NE(errors[0].message.find("line 8"), std::string::npos) << error_list(errors);
}

}  // namespace
}  // namespace talent::testing
