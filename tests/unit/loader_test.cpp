// The pack loader is strict: each kind of mistake is a load error with a
// stable id and the JSON pointer of the offending entry.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "talent/engine.hpp"

namespace talent {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kClauses = R"({"t:1": {"zh": "条款一", "en": "Clause one"}, "t:2": {"zh": "条款二", "en": "Clause two"}})";

Json minimal_pack() {
  return Json::parse(R"({
    "id": "t", "title": {"zh": "测试", "en": "Test"}, "version": "1", "source": "t.txt",
    "in_force": {"from": "2024-01-01", "to": "2030-12-31", "clause": "t:1"},
    "outcomes": [
      {"id": "t.one", "label": {"zh": "一", "en": "One"},
       "requires": [{"field": "age", "op": "<=", "value": 50, "clause": "t:1", "text": {"zh": "50岁以下", "en": "50 or under"}}]}
    ]})");
}

LoadErrors load_with(const Json& pack, const std::string& clauses = kClauses) {
  LoadErrors errors;
  const std::string subjects = read(std::string(TALENT_POLICY_DIR) + "/subjects.json");
  const std::string text = to_text(pack);
  auto engine = Engine::load(subjects, {PackSource{text, clauses}}, errors);
  EXPECT_EQ(engine.has_value(), errors.empty());
  return errors;
}

bool has_error(const LoadErrors& errors, const std::string& id, const std::string& path) {
  for (const auto& e : errors)
    if (e.id == id && e.path == path) return true;
  return false;
}

std::string list(const LoadErrors& errors) {
  std::string s;
  for (const auto& e : errors) s += e.id + " at " + e.path + ": " + e.message + "\n";
  return s;
}

TEST(Loader, AMinimalPackLoads) {
  const auto errors = load_with(minimal_pack());
  EXPECT_TRUE(errors.empty()) << list(errors);
}

TEST(Loader, UnknownKey) {
  Json p = minimal_pack();
  p["outcomes"][0]["colour"] = "blue";
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_key", "/outcomes/0/colour")) << list(errors);
}

TEST(Loader, RuleWithoutClause) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0].erase("clause");
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.missing_clause", "/outcomes/0/requires/0")) << list(errors);
}

TEST(Loader, DuplicateOutcomeId) {
  Json p = minimal_pack();
  p["outcomes"].push_back(p["outcomes"][0]);
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.duplicate_id", "/outcomes/1/id")) << list(errors);
}

TEST(Loader, FieldThatDoesNotExist) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0]["field"] = "shoe_size";
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_field", "/outcomes/0/requires/0/field")) << list(errors);
}

TEST(Loader, ClauseMissingFromTheTable) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0]["clause"] = "t:9";
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_clause", "/outcomes/0/requires/0/clause")) << list(errors);
}

TEST(Loader, ValueThatIsNotInTheEnum) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0] = Json::parse(
      R"({"field": "title", "op": ">=", "value": "professor", "clause": "t:1", "text": {"zh": "职称", "en": "Title"}})");
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_value", "/outcomes/0/requires/0/value")) << list(errors);
}

TEST(Loader, OrderingAnUnorderedEnum) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0] = Json::parse(
      R"({"field": "city", "op": ">", "value": "wenzhou", "clause": "t:1", "text": {"zh": "城市", "en": "City"}})");
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.invalid_value", "/outcomes/0/requires/0/op")) << list(errors);
}

TEST(Loader, ReportedConditionWithoutText) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"][0].erase("text");
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.missing_text", "/outcomes/0/requires/0")) << list(errors);
}

TEST(Loader, ReferenceToALaterOutcome) {
  Json p = minimal_pack();
  p["outcomes"][0]["requires"].push_back(Json::parse(R"({"outcome": "t.two"})"));
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_outcome", "/outcomes/0/requires/1/outcome")) << list(errors);
}

TEST(Loader, UnknownParameter) {
  Json p = minimal_pack();
  p["outcomes"][0]["benefits"] = Json::parse(R"([{"id": "pay", "clause": "t:2", "fields": {"amount": {"param": "nope"}}}])");
  const auto errors = load_with(p);
  EXPECT_TRUE(has_error(errors, "pack.unknown_parameter", "/outcomes/0/benefits/0/fields/amount/param")) << list(errors);
}

TEST(Loader, ClauseIdOfAnotherPolicy) {
  const auto errors = load_with(minimal_pack(), R"({"t:1": {"zh": "一", "en": "one"}, "x:2": {"zh": "二", "en": "two"}})");
  EXPECT_TRUE(has_error(errors, "pack.invalid_clause_id", "clauses.json/x:2")) << list(errors);
}

TEST(Loader, TheBuiltInPacksLoad) {
  ASSERT_NE(builtin_engine(), nullptr) << builtin_load_error();
  EXPECT_EQ(builtin_engine()->packs().size(), 2u);
}

TEST(Loader, TheRealPacksRejectAMistake) {
  const std::string dir = TALENT_POLICY_DIR;
  Json fcg = Json::parse(read(dir + "/fcg/pack.json"));
  fcg["outcomes"][0]["requires"].push_back(Json::parse(R"({"field": "blood_type", "op": "given", "clause": "fcg:2", "text": {"zh": "血型", "en": "Blood"}})"));
  const std::string text = to_text(fcg), clauses = read(dir + "/fcg/clauses.json");
  LoadErrors errors;
  EXPECT_FALSE(Engine::load(read(dir + "/subjects.json"), {PackSource{text, clauses}}, errors));
  EXPECT_TRUE(has_error(errors, "pack.unknown_field", "/outcomes/0/requires/2/field")) << list(errors);
}

}  // namespace
}  // namespace talent
