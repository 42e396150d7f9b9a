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

// One mistake each, made in the minimal pack: the error id the loader must
// give, and the JSON pointer of the entry it must name.
struct Mistake {
  const char* name;
  void (*make)(Json& pack);
  const char* id;
  const char* path;
};

const Mistake kMistakes[] = {
    {"UnknownKey", [](Json& p) { p["outcomes"][0]["colour"] = "blue"; },
     "pack.unknown_key", "/outcomes/0/colour"},
    {"RuleWithoutClause", [](Json& p) { p["outcomes"][0]["requires"][0].erase("clause"); },
     "pack.missing_clause", "/outcomes/0/requires/0"},
    {"DuplicateOutcomeId", [](Json& p) { p["outcomes"].push_back(p["outcomes"][0]); },
     "pack.duplicate_id", "/outcomes/1/id"},
    {"FieldThatDoesNotExist", [](Json& p) { p["outcomes"][0]["requires"][0]["field"] = "shoe_size"; },
     "pack.unknown_field", "/outcomes/0/requires/0/field"},
    {"ClauseMissingFromTheTable", [](Json& p) { p["outcomes"][0]["requires"][0]["clause"] = "t:9"; },
     "pack.unknown_clause", "/outcomes/0/requires/0/clause"},
    {"ValueThatIsNotInTheEnum",
     [](Json& p) {
       p["outcomes"][0]["requires"][0] = Json::parse(
           R"({"field": "title", "op": ">=", "value": "professor", "clause": "t:1", "text": {"zh": "职称", "en": "Title"}})");
     },
     "pack.unknown_value", "/outcomes/0/requires/0/value"},
    {"OrderingAnUnorderedEnum",
     [](Json& p) {
       p["outcomes"][0]["requires"][0] = Json::parse(
           R"({"field": "city", "op": ">", "value": "wenzhou", "clause": "t:1", "text": {"zh": "城市", "en": "City"}})");
     },
     "pack.invalid_value", "/outcomes/0/requires/0/op"},
    {"ReportedConditionWithoutText", [](Json& p) { p["outcomes"][0]["requires"][0].erase("text"); },
     "pack.missing_text", "/outcomes/0/requires/0"},
    {"ReferenceToALaterOutcome",
     [](Json& p) { p["outcomes"][0]["requires"].push_back(Json::parse(R"({"outcome": "t.two"})")); },
     "pack.unknown_outcome", "/outcomes/0/requires/1/outcome"},
    {"UnknownParameter",
     [](Json& p) {
       p["outcomes"][0]["benefits"] =
           Json::parse(R"([{"id": "pay", "clause": "t:2", "fields": {"amount": {"param": "nope"}}}])");
     },
     "pack.unknown_parameter", "/outcomes/0/benefits/0/fields/amount/param"},
};

void PrintTo(const Mistake& mistake, std::ostream* out) { *out << mistake.name; }

class LoaderMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(LoaderMistake, IsALoadErrorNamingItsEntry) {
  Json pack = minimal_pack();
  GetParam().make(pack);
  const auto errors = load_with(pack);
  EXPECT_TRUE(has_error(errors, GetParam().id, GetParam().path)) << list(errors);
}

INSTANTIATE_TEST_SUITE_P(Loader, LoaderMistake, ::testing::ValuesIn(kMistakes),
                         [](const ::testing::TestParamInfo<Mistake>& mistake) { return std::string(mistake.param.name); });

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
