// The loader is strict: each kind of mistake in a policy's files is a load
// error with a stable id, the file, and the JSON pointer of the entry; a
// value of the wrong type is never silently dropped. Every load-error id
// the loader can give has a case here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "test_engines.hpp"

namespace talent::testing {
namespace {

const char* const kClauses = R"({"t:1": {"zh": "条款一", "en": "Clause one"}, "t:2": {"zh": "条款二", "en": "Clause two"}})";

TestPolicy minimal() {
  return {Json::parse(R"({
    "id": "t", "title": {"zh": "测试", "en": "Test"}, "version": "1", "version_date": "2024-01-01", "source": "t.txt",
    "in_force": {"from": "2024-01-01", "to": "2030-12-31", "clause": "t:1"},
    "definitions": {"young": {"field": "age", "op": "<=", "value": 50, "clause": "t:1", "text": {"zh": "50岁以下", "en": "50 or under"}}},
    "parameters": {"pay": {"clause": "t:2", "unit": "CNY", "value": 100}},
    "outcomes": [
      {"id": "t.one", "label": {"zh": "一", "en": "One"},
       "requires": [{"use": "young"}],
       "benefits": [{"id": "pay", "clause": "t:2", "fields": {"amount": {"param": "pay"}}}]}
    ]})"),
          Json::parse(kClauses), ""};
}

// The real forms, less what only the real packs can give: the team leader's
// category derives from fcg.category, which the test pack lacks.
std::string test_subjects() {
  Json s = Json::parse(read_text_file(std::string(TALENT_POLICY_DIR) + "/subjects.json"));
  s["team"]["fields"]["leader"]["fields"]["category"].erase("derive");
  return to_text(s);
}

LoadErrors load(const TestPolicy& policy, const std::string& subjects = test_subjects()) {
  LoadErrors errors;
  auto engine = load_test_engine({policy}, errors, subjects);
  EXPECT_EQ(engine.has_value(), errors.empty());
  return errors;
}

bool has_error(const LoadErrors& errors, const std::string& id, const std::string& file, const std::string& path) {
  for (const auto& e : errors)
    if (e.id == id && e.file == file && e.path == path) return true;
  return false;
}

TEST(Loader, AMinimalPackLoads) {
  const auto errors = load(minimal());
  EXPECT_TRUE(errors.empty()) << error_list(errors);
}

// One mistake each, made in the minimal policy: the error the loader must
// give (id, file, JSON pointer).
struct Mistake {
  const char* name;
  void (*make)(TestPolicy& policy);
  const char* id;
  const char* file;
  const char* path;
};

Json& first_rule(TestPolicy& p) { return p.pack["definitions"]["young"]; }
Json& outcome(TestPolicy& p) { return p.pack["outcomes"][0]; }

const Mistake kMistakes[] = {
    // The files themselves.
    {"PackIsNotAnObject", [](TestPolicy& p) { p.pack = Json::parse(R"(["not", "a", "pack"])"); },
     "pack.invalid_type", "test/pack.json", ""},
    {"ClauseTextNotInTheDocument", [](TestPolicy& p) { p.document = "条款一\n"; },
     "pack.clause_text_mismatch", "t/clauses.json", "/t:2"},
    // The clause table.
    {"ClauseIdOfAnotherPolicy", [](TestPolicy& p) { p.clauses["x:2"] = {{"zh", "条款二"}, {"en", "two"}}; },
     "pack.invalid_clause_id", "t/clauses.json", "/x:2"},
    {"ClauseTextWithoutEnglish", [](TestPolicy& p) { p.clauses["t:2"].erase("en"); },
     "pack.missing_key", "t/clauses.json", "/t:2/en"},
    {"ClauseTableIsAList", [](TestPolicy& p) { p.clauses = Json::array(); },
     "pack.invalid_type", "t/clauses.json", ""},
    // The pack's head.
    {"UnknownKey", [](TestPolicy& p) { outcome(p)["colour"] = "blue"; },
     "pack.unknown_key", "t/pack.json", "/outcomes/0/colour"},
    {"NoVersion", [](TestPolicy& p) { p.pack.erase("version"); },
     "pack.missing_key", "t/pack.json", "/version"},
    {"VersionIsANumber", [](TestPolicy& p) { p.pack["version"] = 1; },
     "pack.invalid_type", "t/pack.json", "/version"},
    {"NoVersionDate", [](TestPolicy& p) { p.pack.erase("version_date"); },
     "pack.missing_key", "t/pack.json", "/version_date"},
    {"VersionDateNotADate", [](TestPolicy& p) { p.pack["version_date"] = "2024-13-01"; },
     "pack.invalid_value", "t/pack.json", "/version_date"},
    {"NoPeriodInForce", [](TestPolicy& p) { p.pack.erase("in_force"); },
     "pack.missing_key", "t/pack.json", "/in_force"},
    {"ImpossibleDate", [](TestPolicy& p) { p.pack["in_force"]["to"] = "2030-02-30"; },
     "pack.invalid_value", "t/pack.json", "/in_force/to"},
    // Rules.
    {"RuleWithoutClause", [](TestPolicy& p) { first_rule(p).erase("clause"); },
     "pack.missing_clause", "t/pack.json", "/definitions/young"},
    {"ClauseMissingFromTheTable", [](TestPolicy& p) { first_rule(p)["clause"] = "t:9"; },
     "pack.unknown_clause", "t/pack.json", "/definitions/young/clause"},
    {"ClauseIsANumber", [](TestPolicy& p) { first_rule(p)["clause"] = 1; },
     "pack.invalid_type", "t/pack.json", "/definitions/young/clause"},
    {"ReportedConditionWithoutText", [](TestPolicy& p) { first_rule(p).erase("text"); },
     "pack.missing_text", "t/pack.json", "/definitions/young"},
    {"FieldThatDoesNotExist", [](TestPolicy& p) { first_rule(p)["field"] = "shoe_size"; },
     "pack.unknown_field", "t/pack.json", "/definitions/young/field"},
    {"ValueThatIsNotInTheEnum",
     [](TestPolicy& p) { first_rule(p).update(Json{{"field", "title"}, {"op", ">="}, {"value", "professor"}}); },
     "pack.unknown_value", "t/pack.json", "/definitions/young/value"},
    {"OrderingAnUnorderedEnum",
     [](TestPolicy& p) { first_rule(p).update(Json{{"field", "city"}, {"op", ">"}, {"value", "wenzhou"}}); },
     "pack.invalid_value", "t/pack.json", "/definitions/young/op"},
    {"UnknownOperator", [](TestPolicy& p) { first_rule(p)["op"] = "approximately"; },
     "pack.invalid_value", "t/pack.json", "/definitions/young/op"},
    {"OperandOfTheWrongType", [](TestPolicy& p) { first_rule(p)["value"] = "fifty"; },
     "pack.invalid_value", "t/pack.json", "/definitions/young/value"},
    {"InPrincipleIsAString", [](TestPolicy& p) { first_rule(p)["in_principle"] = "yes"; },
     "pack.invalid_type", "t/pack.json", "/definitions/young/in_principle"},
    {"WhenMetIsNotReview", [](TestPolicy& p) { first_rule(p)["when_met"] = "eligible"; },
     "pack.invalid_value", "t/pack.json", "/definitions/young/when_met"},
    {"NotACondition", [](TestPolicy& p) { first_rule(p) = Json{{"clause", "t:1"}, {"text", {{"zh", "一"}, {"en", "one"}}}}; },
     "pack.invalid_type", "t/pack.json", "/definitions/young"},
    {"EmptyAll", [](TestPolicy& p) { outcome(p)["requires"] = Json::parse(R"([{"all": []}, {"use": "young"}])"); },
     "pack.invalid_type", "t/pack.json", "/outcomes/0/requires/0/all"},
    {"UnknownDefinition", [](TestPolicy& p) { outcome(p)["requires"][0]["use"] = "old"; },
     "pack.unknown_definition", "t/pack.json", "/outcomes/0/requires/0/use"},
    {"UnusedDefinition", [](TestPolicy& p) { p.pack["definitions"]["spare"] = p.pack["definitions"]["young"]; },
     "pack.unused_definition", "t/pack.json", "/definitions/spare"},
    {"ReferenceToALaterOutcome",
     [](TestPolicy& p) { outcome(p)["requires"].push_back(Json::parse(R"({"outcome": "t.two"})")); },
     "pack.unknown_outcome", "t/pack.json", "/outcomes/0/requires/1/outcome"},
    {"BoundNameNeverBound",
     [](TestPolicy& p) {
       outcome(p)["requires"].push_back(Json::parse(
           R"({"bound": "grade", "op": "in", "value": ["A"], "clause": "t:1", "text": {"zh": "一", "en": "one"}})"));
     },
     "pack.unknown_field", "t/pack.json", "/outcomes/0/requires/1/bound"},
    {"QuantifierWithoutWhere",
     [](TestPolicy& p) {
       outcome(p)["requires"].push_back(Json::parse(R"({"exists": "posts", "clause": "t:1", "text": {"zh": "一", "en": "one"}})"));
     },
     "pack.missing_key", "t/pack.json", "/outcomes/0/requires/1/where"},
    {"CountWithAnEqualsSign",
     [](TestPolicy& p) {
       outcome(p)["requires"].push_back(Json::parse(
           R"({"count": "posts", "op": "==", "value": 1, "clause": "t:1", "text": {"zh": "一", "en": "one"}})"));
     },
     "pack.invalid_value", "t/pack.json", "/outcomes/0/requires/1/op"},
    // Outcomes.
    {"DuplicateOutcomeId", [](TestPolicy& p) { p.pack["outcomes"].push_back(outcome(p)); },
     "pack.duplicate_id", "t/pack.json", "/outcomes/1/id"},
    {"OutcomeOfAnotherPolicy", [](TestPolicy& p) { outcome(p)["id"] = "x.one"; },
     "pack.invalid_value", "t/pack.json", "/outcomes/0/id"},
    {"OutcomeWithoutRules", [](TestPolicy& p) { outcome(p).erase("requires"); },
     "pack.missing_key", "t/pack.json", "/outcomes/0"},
    {"PreferListsATruthTwice", [](TestPolicy& p) { outcome(p)["prefer"] = {"met", "met", "review", "unmet"}; },
     "pack.invalid_value", "t/pack.json", "/outcomes/0/prefer"},
    {"PriorityWithoutText",
     [](TestPolicy& p) { outcome(p)["priority"] = Json::parse(R"([{"field": "age", "op": "<=", "value": 45}])"); },
     "pack.missing_text", "t/pack.json", "/outcomes/0/priority/0"},
    {"BenefitsAtTopIsAString", [](TestPolicy& p) { outcome(p)["benefits_at_top"] = "yes"; },
     "pack.invalid_type", "t/pack.json", "/outcomes/0/benefits_at_top"},
    // Routes.
    {"RouteClosestIsAString",
     [](TestPolicy& p) { outcome(p)["routes"] = Json::parse(R"([{"clause": "t:1", "when": {"use": "young"}, "closest": "no"}])"); },
     "pack.invalid_type", "t/pack.json", "/outcomes/0/routes/0/closest"},
    {"RouteBenefitIsANumber",
     [](TestPolicy& p) { outcome(p)["routes"] = Json::parse(R"([{"clause": "t:1", "when": {"use": "young"}, "benefits": [1]}])"); },
     "pack.invalid_type", "t/pack.json", "/outcomes/0/routes/0/benefits/0"},
    {"RouteBenefitNotInTheOutcome",
     [](TestPolicy& p) { outcome(p)["routes"] = Json::parse(R"([{"clause": "t:1", "when": {"use": "young"}, "benefits": ["car"]}])"); },
     "pack.unknown_value", "t/pack.json", "/outcomes/0/routes/0/benefits"},
    // Parameters and figures.
    {"UnknownParameter", [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"]["amount"] = {{"param", "nope"}}; },
     "pack.unknown_parameter", "t/pack.json", "/outcomes/0/benefits/0/fields/amount/param"},
    {"UnusedParameter", [](TestPolicy& p) { p.pack["parameters"]["spare"] = {{"clause", "t:2"}, {"value", 1}}; },
     "pack.unused_parameter", "t/pack.json", "/parameters/spare"},
    {"ParameterKeyedByANumber",
     [](TestPolicy& p) { p.pack["parameters"]["pay"] = Json::parse(R"({"clause": "t:2", "by": [3], "values": {}})"); },
     "pack.invalid_type", "t/pack.json", "/parameters/pay/by/0"},
    {"ParameterTableTooShallow",
     [](TestPolicy& p) { p.pack["parameters"]["pay"] = Json::parse(R"({"clause": "t:2", "by": ["title"], "values": 3})"); },
     "pack.invalid_type", "t/pack.json", "/parameters/pay/values"},
    {"ParameterKeyedByNothingKnown",
     [](TestPolicy& p) { p.pack["parameters"]["pay"] = Json::parse(R"({"clause": "t:2", "by": ["rank"], "values": {"a": 1}})"); },
     "pack.unknown_field", "t/pack.json", "/parameters/pay/by"},
    {"FigureThatIsNotAnExpression", [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"]["amount"] = {{"times", 2}}; },
     "pack.invalid_type", "t/pack.json", "/outcomes/0/benefits/0/fields/amount"},
    {"SubtractionOfThree", [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"]["amount"] = {{"sub", {1, 2, 3}}}; },
     "pack.invalid_value", "t/pack.json", "/outcomes/0/benefits/0/fields/amount/sub"},
    {"RefToALaterField",
     [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"] = Json::parse(R"({"a": {"ref": "b"}, "b": 1})"); },
     "pack.unknown_field", "t/pack.json", "/outcomes/0/benefits/0/fields/a/ref"},
    {"IfWithoutElse",
     [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"]["amount"] = Json::parse(R"({"if": true, "then": 1})"); },
     "pack.missing_key", "t/pack.json", "/outcomes/0/benefits/0/fields/amount/else"},
    {"BenefitFieldNamedClause", [](TestPolicy& p) { outcome(p)["benefits"][0]["fields"]["clause"] = "t:1"; },
     "pack.invalid_value", "t/pack.json", "/outcomes/0/benefits/0/fields/clause"},
    {"BenefitWithoutFields", [](TestPolicy& p) { outcome(p)["benefits"][0].erase("fields"); },
     "pack.missing_key", "t/pack.json", "/outcomes/0/benefits/0/fields"},
    {"DuplicateBenefit", [](TestPolicy& p) { outcome(p)["benefits"].push_back(outcome(p)["benefits"][0]); },
     "pack.duplicate_id", "t/pack.json", "/outcomes/0/benefits/1/id"},
    // Two routes the answers would name alike ("route" in each reason).
    {"RouteNamedTwice",
     [](TestPolicy& p) {
       outcome(p)["routes"] = Json::parse(R"([{"id": "a", "clause": "t:1", "when": {"use": "young"}},
                                              {"id": "a", "clause": "t:2", "when": {"use": "young"}}])");
     },
     "pack.duplicate_id", "t/pack.json", "/outcomes/0/routes/1/id"},
};

void PrintTo(const Mistake& mistake, std::ostream* out) { *out << mistake.name; }

class LoaderMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(LoaderMistake, IsALoadErrorNamingItsEntry) {
  const Mistake& m = GetParam();
  TestPolicy policy = minimal();
  m.make(policy);
  const auto errors = load(policy);
  EXPECT_TRUE(has_error(errors, m.id, m.file, m.path)) << error_list(errors);
}

INSTANTIATE_TEST_SUITE_P(Loader, LoaderMistake, ::testing::ValuesIn(kMistakes),
                         [](const ::testing::TestParamInfo<Mistake>& m) { return std::string(m.param.name); });

TEST(Loader, DuplicateKeysAreErrors) {
  PolicySource source = source_of(minimal());
  source.pack.insert(source.pack.rfind('}'), R"(, "version": "2")");
  LoadErrors errors;
  EXPECT_FALSE(load_engine(test_subjects(), {source}, errors));
  EXPECT_TRUE(has_error(errors, "pack.invalid_json", "t/pack.json", "/version")) << error_list(errors);
}

TEST(Loader, SourceMustNameTheDocument) {
  PolicySource source = source_of(minimal());
  source.document_name = "other.txt";
  LoadErrors errors;
  EXPECT_FALSE(load_engine(test_subjects(), {source}, errors));
  EXPECT_TRUE(has_error(errors, "pack.invalid_value", "t/pack.json", "/source")) << error_list(errors);
}

TEST(Loader, ADerivationFromAnOutcomeNoPackHas) {
  // The real forms derive the team leader's category from fcg.category.
  const auto errors = load(minimal(), read_text_file(std::string(TALENT_POLICY_DIR) + "/subjects.json"));
  EXPECT_TRUE(has_error(errors, "schema.unknown_field", "subjects.json", "/team")) << error_list(errors);
}

TEST(Loader, TwoPacksWithOneId) {
  LoadErrors errors;
  TestPolicy other = minimal();
  EXPECT_FALSE(load_test_engine({minimal(), other}, errors, test_subjects()));
  EXPECT_TRUE(has_error(errors, "pack.duplicate_id", "t/pack.json", "/id")) << error_list(errors);
}

// The subjects file (the profile and team forms).
struct SchemaMistake {
  const char* name;
  const char* subjects;
  const char* id;
  const char* path;
};

const SchemaMistake kSchemaMistakes[] = {
    {"NotJson", "{", "pack.invalid_json", ""},
    {"NoTeam", R"({"profile": {"schema": "p/1", "fields": {"age": {"type": "integer"}}}})", "schema.missing_key", "/team"},
    {"SubjectWithoutFields", R"({"profile": {"schema": "p/1"}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.invalid_type", "/profile"},
    {"UnknownKeyOfASubject", R"({"profile": {"schema": "p/1", "fields": {}, "colour": 1}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.unknown_key", "/profile/colour"},
    {"UnknownKeyOfAField", R"({"profile": {"schema": "p/1", "fields": {"age": {"type": "integer", "colour": 1}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.unknown_key", "/profile/fields/age/colour"},
    {"UnknownType", R"({"profile": {"schema": "p/1", "fields": {"age": {"type": "decimal"}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.invalid_type", "/profile/fields/age/type"},
    {"OrderedIsAString", R"({"profile": {"schema": "p/1", "fields": {"g": {"type": "enum", "values": ["a"], "ordered": "yes"}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.invalid_type", "/profile/fields/g/ordered"},
    {"FieldDeclaredTwice", R"({"profile": {"schema": "p/1", "fields": {"a": {"type": "object", "fields": {"b": {"type": "integer"}}}, "a.b": {"type": "integer"}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.duplicate_id", "/profile/fields/a.b"},
    {"ListLimitOfNone", R"({"profile": {"schema": "p/1", "fields": {"l": {"type": "list", "max_items": 0, "item": {"type": "enum", "values": ["a"]}}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.invalid_type", "/profile/fields/l/max_items"},
    {"ListLimitNotWhole", R"({"profile": {"schema": "p/1", "fields": {"l": {"type": "list", "max_items": 2.5, "item": {"type": "enum", "values": ["a"]}}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.invalid_type", "/profile/fields/l/max_items"},
    {"DerivedFromNothing", R"({"profile": {"schema": "p/1", "fields": {"age": {"type": "integer", "derive": {"years_since": "born", "on": "today"}}}}, "team": {"schema": "t/1", "fields": {}}})",
     "schema.unknown_field", "/profile"},
};

void PrintTo(const SchemaMistake& m, std::ostream* out) { *out << m.name; }

class SchemaMistakeTest : public ::testing::TestWithParam<SchemaMistake> {};

TEST_P(SchemaMistakeTest, IsALoadErrorNamingItsEntry) {
  LoadErrors errors;
  EXPECT_FALSE(load_test_engine({}, errors, GetParam().subjects));
  EXPECT_TRUE(has_error(errors, GetParam().id, "subjects.json", GetParam().path)) << error_list(errors);
}

INSTANTIATE_TEST_SUITE_P(Loader, SchemaMistakeTest, ::testing::ValuesIn(kSchemaMistakes),
                         [](const ::testing::TestParamInfo<SchemaMistake>& m) { return std::string(m.param.name); });

// Files on disk: a folder that lacks one, or names a document it lacks.
class PolicyFolder : public ::testing::Test {
 protected:
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("talent-loader-" + std::to_string(::getpid()));
  void SetUp() override {
    std::filesystem::create_directories(root / "t");
    write("subjects.json", test_subjects());
    const PolicySource s = source_of(minimal());
    write("t/pack.json", s.pack);
    write("t/clauses.json", s.clauses);
    write("t/t.txt", s.document);
  }
  void TearDown() override { std::filesystem::remove_all(root); }
  void write(const std::string& name, const std::string& text) { std::ofstream(root / name, std::ios::binary) << text; }
  LoadErrors load_folder() {
    LoadErrors errors;
    EXPECT_FALSE(load_policies(root.string(), errors));
    return errors;
  }
};

TEST_F(PolicyFolder, Loads) {
  LoadErrors errors;
  EXPECT_TRUE(load_policies(root.string(), errors)) << error_list(errors);
}

TEST_F(PolicyFolder, WithoutItsDocument) {
  std::filesystem::remove(root / "t/t.txt");
  EXPECT_TRUE(has_error(load_folder(), "pack.missing_file", "t/pack.json", "/source"));
}

TEST_F(PolicyFolder, WithoutItsClauseTable) {
  std::filesystem::remove(root / "t/clauses.json");
  EXPECT_TRUE(has_error(load_folder(), "pack.missing_file", "t/clauses.json", ""));
}

TEST_F(PolicyFolder, WithASourceOutsideTheFolder) {
  Json pack = Json::parse(read_text_file((root / "t/pack.json").string()));
  pack["source"] = "../t.txt";
  write("t/pack.json", to_text(pack));
  EXPECT_TRUE(has_error(load_folder(), "pack.missing_key", "t/pack.json", "/source"));
}

TEST_F(PolicyFolder, WithoutTheSubjects) {
  std::filesystem::remove(root / "subjects.json");
  EXPECT_TRUE(has_error(load_folder(), "schema.missing_file", "subjects.json", ""));
}

TEST(Loader, TheBuiltInPacksLoad) {
  ASSERT_NE(builtin_engine(), nullptr) << builtin_load_error();
  // fcg and wz at least: a new policy folder needs no change here.
  std::set<std::string> ids;
  for (const PolicyPack& p : builtin_engine()->packs()) ids.insert(p.id);
  EXPECT_TRUE(ids.count("fcg") && ids.count("wz"));
}

TEST(Loader, TheRealPacksRejectAMistake) {
  const std::string dir = TALENT_POLICY_DIR;
  LoadErrors errors;
  std::optional<PolicySource> fcg = read_policy_folder(dir + "/fcg", errors);
  ASSERT_TRUE(fcg) << error_list(errors);
  Json pack = Json::parse(fcg->pack);
  Json& rules = pack["outcomes"][0]["requires"];
  rules.push_back(Json::parse(R"({"field": "blood_type", "op": "given", "clause": "fcg:2", "text": {"zh": "血型", "en": "Blood"}})"));
  const std::string path = "/outcomes/0/requires/" + std::to_string(rules.size() - 1) + "/field";
  fcg->pack = to_text(pack);
  EXPECT_FALSE(load_engine(read_text_file(dir + "/subjects.json"), {*fcg}, errors));
  EXPECT_TRUE(has_error(errors, "pack.unknown_field", "fcg/pack.json", path)) << error_list(errors);
}

}  // namespace
}  // namespace talent::testing
