// The evaluator's logic, on small synthetic packs written here against a
// small form of their own (kSubjects), asserted on the Assessment values.
// Lists are always given in these profiles (possibly empty): what an absent
// list means is not settled here.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include "talent/datum.hpp"
#include "talent/json_writer.hpp"
#include "test_engines.hpp"

namespace talent {
// Truths by name, in what the tests say and in failure messages.
static const char* truth_name(Truth t) {
  switch (t) {
    case Truth::Met: return "met";
    case Truth::Review: return "review";
    case Truth::Incomplete: return "incomplete";
    default: return "unmet";
  }
}
static void PrintTo(Truth t, std::ostream* out) { *out << truth_name(t); }
}  // namespace talent

namespace talent::testing {
namespace {

using enum Truth;

const char* const kSubjects = R"({
  "profile": {"schema": "logic-profile/1", "fields": {
    "as_of": {"type": "date", "default": "today"},
    "age": {"type": "integer", "min": 0, "max": 120},
    "score": {"type": "number"},
    "member": {"type": "boolean"},
    "level": {"type": "enum", "ordered": true, "values": ["low", "mid", "high"]},
    "city": {"type": "enum", "values": ["north", "south", "east"]},
    "name": {"type": "text"},
    "skills": {"type": "list", "item": {"type": "enum", "values": ["cpp", "go", "rust"]}},
    "jobs": {"type": "list", "item": {"type": "object", "fields": {
      "years": {"type": "number"}, "abroad": {"type": "boolean"}}}},
    "edu": {"type": "object", "fields": {
      "degree": {"type": "enum", "ordered": true, "values": ["bachelor", "master", "doctorate"]},
      "full_time": {"type": "boolean"}}}}},
  "team": {"schema": "logic-team/1", "fields": {
    "size": {"type": "integer", "min": 1},
    "lead": {"type": "object", "fields": {"grade": {"type": "enum", "values": ["A", "B"]}}}}}
})";

Json json(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);  // the loader's build aborts on a throwing parse
  if (j.is_discarded()) throw std::invalid_argument("not JSON: " + std::string(text));
  return j;
}

// The shorthand of these packs: "text": "adult" is the sentence in both
// languages.
void expand_texts(Json& j) {
  if (j.is_array())
    for (Json& item : j) expand_texts(item);
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "text" && it->is_string()) *it = Json{{"zh", *it}, {"en", *it}};
    else expand_texts(*it);
  }
}

// Outcomes get a label, and their top-level conditions clause t:1 unless
// they name one (routes always name theirs).
void complete_outcomes(Json& outcomes) {
  for (Json& o : outcomes) {
    o["label"] = {{"zh", o["id"]}, {"en", o["id"]}};
    for (const char* list : {"requires", "priority", "notes"})
      if (o.contains(list))
        for (Json& c : o[list])
          if (!c.contains("clause") && !c.contains("use")) c["clause"] = "t:1";
  }
}

// Pack "t" with `outcomes` (a JSON list) and the members of `more`
// (parameters, team_checks); clauses t:1 to t:9.
class TestPack {
 public:
  explicit TestPack(std::string_view outcomes, std::string_view more = "{}") {
    Json pack = json(R"({"id": "t", "title": {"zh": "测试", "en": "Test"}, "version": "1", "version_date": "2020-01-01",
                         "source": "t.txt", "in_force": {"from": "2020-01-01", "to": "2035-12-31", "clause": "t:1"}})");
    pack["outcomes"] = json(outcomes);
    pack.update(json(more));
    for (const char* key : {"outcomes", "team_checks"})
      if (pack.contains(key)) complete_outcomes(pack[key]);
    expand_texts(pack);
    Json clauses = Json::object();
    for (int i = 1; i <= 9; ++i)
      clauses["t:" + std::to_string(i)] = {{"zh", "第" + std::to_string(i) + "条"}, {"en", "Clause " + std::to_string(i)}};
    LoadErrors errors;
    loaded_ = load_test_engine({TestPolicy{pack, clauses, ""}}, errors, kSubjects);
    if (!loaded_) throw std::invalid_argument("the pack does not load:\n" + error_list(errors));
  }

  Assessment assess(std::string_view profile) const { return checked(loaded_->engine.assess(profile)); }
  // The answer of outcome `id`; its pointers lead into this pack.
  OutcomeAnswer answer(std::string_view profile, std::string_view id = "t.o") const { return find(assess(profile), id); }
  OutcomeAnswer team(std::string_view team, std::string_view id) const {
    return find(checked(loaded_->engine.assess_team(team)), id);
  }
  const Engine& engine() const { return loaded_->engine; }

 private:
  std::optional<LoadedEngine> loaded_;

  static Assessment checked(Assessment a) {
    if (!a.errors.empty()) throw std::invalid_argument("input refused: " + a.errors[0].path + ": " + a.errors[0].message);
    return a;
  }
  static OutcomeAnswer find(const Assessment& a, std::string_view id) {
    for (const OutcomeAnswer& o : a.outcomes)
      if (o.outcome->id == id) return o;
    throw std::invalid_argument("no outcome " + std::string(id));
  }
};

// One condition as the only requirement of t.o (its text "probe" unless it
// has one): its truth for each profile.
class Probe {
 public:
  explicit Probe(std::string_view condition) : pack_(outcome(condition)) {}
  Truth operator()(std::string_view profile) const { return pack_.answer(profile).truth; }

 private:
  TestPack pack_;
  static std::string outcome(std::string_view condition) {
    Json c = json(condition);
    if (!c.contains("text")) c["text"] = "probe";
    return R"([{"id": "t.o", "requires": [)" + c.dump() + "]}]";
  }
};

// "adult:met member:incomplete": each reason's sentence and truth, in order.
std::string said(const std::vector<Reason>& reasons) {
  std::string out;
  for (const Reason& r : reasons) out += (out.empty() ? "" : " ") + r.text->text.en + ":" + truth_name(r.truth);
  return out;
}

std::string benefit_ids(const OutcomeAnswer& a) {
  std::string out;
  for (const BenefitAnswer& b : a.benefits) out += (out.empty() ? "" : " ") + b.benefit->id;
  return out;
}

// Figure `field` of the answer's first benefit; nullopt when absent.
std::optional<Datum> figure(const OutcomeAnswer& a, std::string_view field) {
  if (a.benefits.empty()) throw std::invalid_argument("no benefit");
  for (const auto& [key, value] : a.benefits[0].fields)
    if (key == field) return value;
  return std::nullopt;
}

bool same(const Datum& a, const Datum& b) {
  if (a.kind != b.kind || a.flag != b.flag || a.number != b.number || a.text != b.text) return false;
  if (a.items.size() != b.items.size() || a.members.size() != b.members.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.members.size(); ++i)
    if (a.members[i].first != b.members[i].first || !same(a.members[i].second, b.members[i].second)) return false;
  return true;
}

// `actual` is the value `expected` (JSON) describes, kind and all.
::testing::AssertionResult is(const std::optional<Datum>& actual, std::string_view expected) {
  Datum want;
  if (!parse_datum(expected, want)) return ::testing::AssertionFailure() << "not JSON: " << expected;
  if (!actual) return ::testing::AssertionFailure() << "absent, expected " << expected;
  if (same(*actual, want)) return ::testing::AssertionSuccess();
  JsonWriter w;
  write_datum(w, *actual);
  return ::testing::AssertionFailure() << w.take() << ", expected " << expected;
}

// ---- all and any: three values plus review ----

const char* const kAdultMember = R"([{"id": "t.o", "requires": [
  {"field": "age", "op": ">=", "value": 18, "text": "adult"},
  {"field": "member", "op": "==", "value": true, "text": "member"}]}])";

TEST(LogicAll, UnmetOutweighsIncompleteWhichOutweighsMet) {
  const TestPack p(kAdultMember);
  const OutcomeAnswer met = p.answer(R"({"age": 30, "member": true})");
  EXPECT_EQ(met.truth, Met);
  EXPECT_EQ(said(met.reasons), "adult:met member:met");
  EXPECT_EQ(met.reasons[0].text->clause, "t:1");
  const OutcomeAnswer open = p.answer(R"({"age": 18})");  // member absent: unknown
  EXPECT_EQ(open.truth, Incomplete);
  EXPECT_EQ(said(open.reasons), "adult:met member:incomplete");
  const OutcomeAnswer unmet = p.answer(R"({"age": 17})");
  EXPECT_EQ(unmet.truth, Unmet);
  EXPECT_EQ(said(unmet.reasons), "adult:unmet member:incomplete");
}

TEST(LogicAll, ReviewWhenAConditionIsMetOnlyForTheDecidingBody) {
  const TestPack p(R"([{"id": "t.o", "requires": [
    {"field": "age", "op": ">=", "value": 18, "text": "adult"},
    {"field": "member", "op": "==", "value": true, "when_met": "review", "text": "member"}]}])");
  const OutcomeAnswer review = p.answer(R"({"age": 30, "member": true})");
  EXPECT_EQ(review.truth, Review);
  EXPECT_EQ(said(review.reasons), "adult:met member:review");
  EXPECT_EQ(p.answer(R"({"age": 30, "member": false})").truth, Unmet);
  EXPECT_EQ(p.answer(R"({"member": true})").truth, Incomplete);  // unknown outweighs review
}

TEST(LogicAll, AConditionWithATextIsOneReasonWhateverItsParts) {
  const TestPack p(R"([{"id": "t.o", "requires": [{"text": "adult member", "all": [
    {"field": "age", "op": ">=", "value": 18}, {"field": "member", "op": "==", "value": true}]}]}])");
  EXPECT_EQ(said(p.answer(R"({"age": 30})").reasons), "adult member:incomplete");
  EXPECT_EQ(said(p.answer(R"({"age": 30, "member": true})").reasons), "adult member:met");
}

const char* const kSeniorOrMember = R"([{"id": "t.o", "requires": [{"any": [
  {"field": "age", "op": ">=", "value": 65, "text": "senior"},
  {"field": "member", "op": "==", "value": true, "text": "member"}]}]}])";

TEST(LogicAny, MetByOneAlternativeReportsOnlyTheFirstThatHolds) {
  const TestPack p(kSeniorOrMember);
  const OutcomeAnswer one = p.answer(R"({"age": 30, "member": true})");
  EXPECT_EQ(one.truth, Met);
  EXPECT_EQ(said(one.reasons), "member:met");
  EXPECT_EQ(said(p.answer(R"({"age": 65, "member": true})").reasons), "senior:met");
}

TEST(LogicAny, OneThatFailsReportsEveryAlternative) {
  const TestPack p(kSeniorOrMember);
  const OutcomeAnswer unmet = p.answer(R"({"age": 64, "member": false})");
  EXPECT_EQ(unmet.truth, Unmet);
  EXPECT_EQ(said(unmet.reasons), "senior:unmet member:unmet");
  const OutcomeAnswer open = p.answer(R"({"age": 30})");
  EXPECT_EQ(open.truth, Incomplete);
  EXPECT_EQ(said(open.reasons), "senior:unmet member:incomplete");
}

TEST(LogicAny, PrefersAnUnknownAlternativeToAReviewOne) {
  const TestPack p(R"([{"id": "t.o", "requires": [{"any": [
    {"field": "age", "op": ">=", "value": 65, "when_met": "review", "text": "senior"},
    {"field": "member", "op": "==", "value": true, "text": "member"}]}]}])");
  const OutcomeAnswer open = p.answer(R"({"age": 70})");
  EXPECT_EQ(open.truth, Incomplete);
  EXPECT_EQ(said(open.reasons), "senior:review member:incomplete");
  const OutcomeAnswer review = p.answer(R"({"age": 70, "member": false})");
  EXPECT_EQ(review.truth, Review);
  EXPECT_EQ(said(review.reasons), "senior:review");
}

// ---- comparisons ----

// The truth `condition` must have for each profile.
void expect_truths(std::string_view condition, std::initializer_list<std::pair<const char*, Truth>> cases) {
  const Probe probe(condition);
  for (const auto& [profile, truth] : cases) EXPECT_EQ(probe(profile), truth) << condition << " on " << profile;
}

TEST(LogicCompare, EqualAndNotEqualOnEachKindOfField) {
  expect_truths(R"({"field": "age", "op": "==", "value": 40})", {{R"({"age": 40})", Met}, {R"({"age": 41})", Unmet}});
  expect_truths(R"({"field": "age", "op": "!=", "value": 40})", {{R"({"age": 39})", Met}, {R"({"age": 40})", Unmet}});
  expect_truths(R"({"field": "member", "op": "==", "value": false})",
                {{R"({"member": false})", Met}, {R"({"member": true})", Unmet}});
  expect_truths(R"({"field": "city", "op": "==", "value": "south"})",
                {{R"({"city": "south"})", Met}, {R"({"city": "north"})", Unmet}});
  expect_truths(R"({"field": "name", "op": "!=", "value": "Li"})", {{R"({"name": "Lin"})", Met}, {R"({"name": "Li"})", Unmet}});
}

TEST(LogicCompare, AnAbsentFieldIsIncompleteForEveryOperator) {
  for (const char* c : {R"({"field": "age", "op": "==", "value": 40})", R"({"field": "age", "op": "!=", "value": 40})",
                        R"({"field": "score", "op": "<", "value": 1})", R"({"field": "level", "op": ">=", "value": "mid"})",
                        R"({"field": "city", "op": "in", "value": ["north"]})", R"({"field": "name", "op": "not_in", "value": ["Li"]})",
                        R"({"field": "edu.degree", "op": "given"})"})
    expect_truths(c, {{"{}", Incomplete}});
}

TEST(LogicCompare, OrderingOnIntegersAtTheBoundary) {
  expect_truths(R"({"field": "age", "op": "<", "value": 40})", {{R"({"age": 39})", Met}, {R"({"age": 40})", Unmet}});
  expect_truths(R"({"field": "age", "op": "<=", "value": 40})", {{R"({"age": 40})", Met}, {R"({"age": 41})", Unmet}});
  expect_truths(R"({"field": "age", "op": ">", "value": 40})", {{R"({"age": 41})", Met}, {R"({"age": 40})", Unmet}});
  expect_truths(R"({"field": "age", "op": ">=", "value": 40})", {{R"({"age": 40})", Met}, {R"({"age": 39})", Unmet}});
}

TEST(LogicCompare, OrderingOnNumbersAtTheBoundary) {
  expect_truths(R"({"field": "score", "op": ">", "value": 2.5})", {{R"({"score": 2.51})", Met}, {R"({"score": 2.5})", Unmet}});
  expect_truths(R"({"field": "score", "op": "<=", "value": 2.5})", {{R"({"score": 2.5})", Met}, {R"({"score": 2.51})", Unmet}});
}

TEST(LogicCompare, OrderingOnDatesAtTheBoundary) {
  expect_truths(R"({"field": "as_of", "op": "<", "value": "2025-07-01"})",
                {{R"({"as_of": "2025-06-30"})", Met}, {R"({"as_of": "2025-07-01"})", Unmet}});
  expect_truths(R"({"field": "as_of", "op": ">=", "value": "2025-01-01"})",
                {{R"({"as_of": "2025-01-01"})", Met}, {R"({"as_of": "2024-12-31"})", Unmet}});
}

TEST(LogicCompare, AsOfDefaultsToToday) {
  const TestPack p(R"([{"id": "t.o", "requires": [{"field": "as_of", "op": ">=", "value": "2020-01-01", "text": "recent"}]}])");
  const Assessment a = p.assess("{}");
  EXPECT_EQ(a.as_of, today());
  EXPECT_EQ(a.outcomes[0].truth, Met);
}

TEST(LogicCompare, OrderingOnOrderedEnumsByRank) {
  expect_truths(R"({"field": "level", "op": ">=", "value": "mid"})",
                {{R"({"level": "mid"})", Met}, {R"({"level": "high"})", Met}, {R"({"level": "low"})", Unmet}});
  expect_truths(R"({"field": "level", "op": "<", "value": "mid"})", {{R"({"level": "low"})", Met}, {R"({"level": "mid"})", Unmet}});
  expect_truths(R"({"field": "edu.degree", "op": ">", "value": "master"})",
                {{R"({"edu": {"degree": "doctorate"}})", Met}, {R"({"edu": {"degree": "master"}})", Unmet}});
}

TEST(LogicCompare, InAndNotIn) {
  expect_truths(R"({"field": "city", "op": "in", "value": ["north", "east"]})",
                {{R"({"city": "east"})", Met}, {R"({"city": "south"})", Unmet}});
  expect_truths(R"({"field": "city", "op": "not_in", "value": ["north"]})",
                {{R"({"city": "south"})", Met}, {R"({"city": "north"})", Unmet}});
  expect_truths(R"({"field": "age", "op": "in", "value": [30, 40]})", {{R"({"age": 40})", Met}, {R"({"age": 35})", Unmet}});
  expect_truths(R"({"field": "name", "op": "not_in", "value": ["Li", "Wang"]})",
                {{R"({"name": "Zhao"})", Met}, {R"({"name": "Wang"})", Unmet}});
}

TEST(LogicCompare, GivenIsMetByAnyKnownValue) {
  expect_truths(R"({"field": "member", "op": "given"})", {{R"({"member": false})", Met}, {R"({"member": null})", Incomplete}});
  expect_truths(R"({"field": "edu.degree", "op": "given"})",
                {{R"({"edu": {"degree": "bachelor"}})", Met}, {R"({"edu": {"full_time": true}})", Incomplete}});
}

TEST(LogicCompare, ContainsAnyOnAGivenEnumList) {
  expect_truths(R"({"field": "skills", "op": "contains_any", "value": ["go", "rust"]})",
                {{R"({"skills": ["cpp", "go"]})", Met}, {R"({"skills": ["cpp"]})", Unmet}, {R"({"skills": []})", Unmet}});
}

TEST(LogicCompare, NotEmptyOnGivenLists) {
  expect_truths(R"({"field": "skills", "op": "not_empty"})", {{R"({"skills": ["cpp"]})", Met}, {R"({"skills": []})", Unmet}});
  expect_truths(R"({"field": "jobs", "op": "not_empty"})", {{R"({"jobs": [{}]})", Met}, {R"({"jobs": []})", Unmet}});
}

// ---- quantifiers over a list of records ----

TEST(LogicQuantifier, ExistsNeedsOneItemAndWaitsOnUnknownItems) {
  expect_truths(R"({"exists": "jobs", "where": {"field": "abroad", "op": "==", "value": true}})",
                {{R"({"jobs": [{"abroad": false}, {"abroad": true}]})", Met},
                 {R"({"jobs": [{"abroad": true}, {}]})", Met},
                 {R"({"jobs": [{"abroad": false}, {}]})", Incomplete},
                 {R"({"jobs": [{"abroad": false}]})", Unmet},
                 {R"({"jobs": []})", Unmet}});
}

TEST(LogicQuantifier, EveryNeedsEachItem) {
  expect_truths(R"({"every": "jobs", "where": {"field": "years", "op": ">=", "value": 2}})",
                {{R"({"jobs": [{"years": 3}, {"years": 2}]})", Met},
                 {R"({"jobs": [{"years": 3}, {"years": 1.5}]})", Unmet},
                 {R"({"jobs": [{"years": 3}, {}]})", Incomplete},
                 {R"({"jobs": [{}, {"years": 1}]})", Unmet},
                 {R"({"jobs": []})", Met}});  // vacuously
}

TEST(LogicQuantifier, CountIsIncompleteWhileUnknownItemsCouldTipIt) {
  expect_truths(R"({"count": "jobs", "where": {"field": "years", "op": ">=", "value": 2}, "op": ">=", "value": 2})",
                {{R"({"jobs": [{"years": 3}, {"years": 2}, {"years": 1}]})", Met},
                 {R"({"jobs": [{"years": 3}, {"years": 1}]})", Unmet},
                 {R"({"jobs": [{"years": 3}, {}]})", Incomplete},        // 1 or 2
                 {R"({"jobs": [{"years": 3}, {"years": 2}, {}]})", Met},  // 2 or 3
                 {R"({"jobs": [{"years": 1}, {}]})", Unmet}});            // 0 or 1
  expect_truths(R"({"count": "jobs", "where": {"field": "years", "op": ">=", "value": 2}, "op": "<", "value": 2})",
                {{R"({"jobs": [{"years": 3}, {"years": 1}]})", Met},
                 {R"({"jobs": [{"years": 3}, {"years": 2}]})", Unmet},
                 {R"({"jobs": [{"years": 3}, {}]})", Incomplete}});
}

TEST(LogicQuantifier, CountWithoutWhereCountsTheItems) {
  expect_truths(R"({"count": "jobs", "op": ">", "value": 1})",
                {{R"({"jobs": [{}, {}]})", Met}, {R"({"jobs": [{}]})", Unmet}, {R"({"jobs": []})", Unmet}});
}

TEST(LogicQuantifier, ShareIsTheFractionOfItemsKnownOnlyWithinARange) {
  expect_truths(R"({"share": "jobs", "where": {"field": "abroad", "op": "==", "value": true}, "op": ">=", "value": 0.5})",
                {{R"({"jobs": [{"abroad": true}, {"abroad": false}]})", Met},
                 {R"({"jobs": [{"abroad": true}, {"abroad": false}, {"abroad": false}]})", Unmet},
                 {R"({"jobs": [{"abroad": true}, {"abroad": false}, {}]})", Incomplete},  // 1/3 to 2/3
                 {R"({"jobs": [{"abroad": true}, {}]})", Met},                           // 1/2 to 1
                 {R"({"jobs": []})", Unmet}});
}

// ---- references to earlier outcomes, bound names ----

// t.medal: gold on a high level, silver on at least a middle one.
const char* const kMedal = R"({"id": "t.medal", "routes": [
  {"clause": "t:2", "value": "gold", "when": {"field": "level", "op": "==", "value": "high", "text": "high level"}},
  {"clause": "t:3", "value": "silver", "when": {"field": "level", "op": ">=", "value": "mid", "text": "mid level"}}]})";

std::string with_medal(std::string_view outcome) {
  std::string list = "[";
  list.append(kMedal).append(", ").append(outcome).append("]");
  return list;
}

TEST(LogicOutcomeRef, IsExplainedByTheReferencedOutcomesReasons) {
  const TestPack p(with_medal(R"({"id": "t.o", "requires": [{"outcome": "t.medal"},
    {"field": "member", "op": "==", "value": true, "text": "member"}]})"));
  const OutcomeAnswer met = p.answer(R"({"level": "high", "member": true})");
  EXPECT_EQ(met.truth, Met);
  EXPECT_EQ(said(met.reasons), "high level:met member:met");
  EXPECT_EQ(met.reasons[0].text->clause, "t:2");
  const OutcomeAnswer unmet = p.answer(R"({"level": "low", "member": true})");
  EXPECT_EQ(unmet.truth, Unmet);
  EXPECT_EQ(said(unmet.reasons), "high level:unmet mid level:unmet member:met");
  EXPECT_EQ(p.answer(R"({"member": true})").truth, Incomplete);
}

TEST(LogicOutcomeRef, WithItsOwnTextIsOneReasonWhenItFails) {
  const TestPack p(with_medal(R"({"id": "t.o", "requires": [{"outcome": "t.medal", "clause": "t:4", "text": "a medal"}]})"));
  const OutcomeAnswer unmet = p.answer(R"({"level": "low"})");
  EXPECT_EQ(said(unmet.reasons), "a medal:unmet");
  EXPECT_EQ(unmet.reasons[0].text->clause, "t:4");
  EXPECT_EQ(said(p.answer(R"({"level": "mid"})").reasons), "mid level:met");
}

TEST(LogicOutcomeRef, ValueInChoosesAgainAmongTheAllowedValues) {
  const TestPack p(with_medal(R"({"id": "t.o", "routes": [{"clause": "t:4", "value": {"bound": "medal"},
    "when": {"outcome": "t.medal", "value_in": ["silver"], "bind": "medal", "text": "silver medal"}}]})"));
  const OutcomeAnswer high = p.answer(R"({"level": "high"})");  // gold, but the silver route holds too
  EXPECT_EQ(high.truth, Met);
  EXPECT_EQ(high.value, "silver");
  EXPECT_EQ(said(high.reasons), "silver medal:met");
  EXPECT_EQ(p.answer(R"({"level": "low"})").truth, Unmet);
  EXPECT_EQ(p.answer(R"({"level": "low"})").value, "");
  EXPECT_EQ(p.answer("{}").truth, Incomplete);
}

TEST(LogicOutcomeRef, ValueInNeedsTheReferencedOutcomesRequirements) {
  const TestPack p(R"([{"id": "t.medal", "requires": [{"field": "age", "op": ">=", "value": 18, "text": "adult"}],
    "routes": [{"clause": "t:2", "value": "gold", "when": {"field": "level", "op": "==", "value": "high", "text": "high level"}}]},
    {"id": "t.o", "requires": [{"outcome": "t.medal", "value_in": ["gold"], "text": "gold medal"}]}])");
  EXPECT_EQ(p.answer(R"({"age": 30, "level": "high"})").truth, Met);
  EXPECT_EQ(p.answer(R"({"age": 10, "level": "high"})", "t.medal").truth, Unmet);
  EXPECT_EQ(p.answer(R"({"age": 10, "level": "high"})").truth, Unmet);
  EXPECT_EQ(p.answer(R"({"level": "high"})").truth, Incomplete);
}

TEST(LogicOutcomeRef, BindGivesTheReferencedValueToTheRoute) {
  const TestPack p(with_medal(R"({"id": "t.o", "routes": [
    {"clause": "t:4", "value": {"bound": "medal"}, "when": {"outcome": "t.medal", "bind": "medal"}}]})"));
  EXPECT_EQ(p.answer(R"({"level": "high"})").value, "gold");
  EXPECT_EQ(p.answer(R"({"level": "mid"})").value, "silver");
  EXPECT_EQ(p.answer(R"({"level": "mid"})").route->clause, "t:4");
}

TEST(LogicBound, InAndNotInOnANameBoundByTheRequirements) {
  const TestPack p(with_medal(R"({"id": "t.o", "requires": [{"outcome": "t.medal", "bind": "medal"}], "routes": [
    {"clause": "t:4", "value": "top", "when": {"bound": "medal", "op": "in", "value": ["gold"], "text": "gold"}},
    {"clause": "t:5", "value": "other", "when": {"bound": "medal", "op": "not_in", "value": ["gold"], "text": "not gold"}}]})"));
  const OutcomeAnswer top = p.answer(R"({"level": "high"})");
  EXPECT_EQ(top.value, "top");
  EXPECT_EQ(said(top.reasons), "high level:met gold:met");
  const OutcomeAnswer other = p.answer(R"({"level": "mid"})");
  EXPECT_EQ(other.value, "other");
  EXPECT_EQ(said(other.reasons), "mid level:met not gold:met");
  const OutcomeAnswer unbound = p.answer("{}");
  EXPECT_EQ(unbound.truth, Incomplete);
  EXPECT_EQ(said(unbound.reasons), "high level:incomplete mid level:incomplete gold:incomplete not gold:incomplete");
}

TEST(LogicBound, ARouteValueFromANameBoundByAComparison) {
  const TestPack p(R"([{"id": "t.o", "routes": [{"clause": "t:2", "value": {"bound": "region"},
    "when": {"field": "city", "op": "in", "value": ["north", "south"], "bind": "region", "text": "region"}}]}])");
  EXPECT_EQ(p.answer(R"({"city": "south"})").value, "south");
  EXPECT_EQ(p.answer(R"({"city": "east"})").value, "");
}

// ---- routes and preference ----

std::string three_routes(std::string_view prefer) {
  return R"([{"id": "t.o", )" + std::string(prefer) + R"( "routes": [
    {"clause": "t:2", "value": "A", "when": {"field": "member", "op": "==", "value": true, "when_met": "review", "text": "member"}},
    {"clause": "t:3", "value": "B", "when": {"field": "age", "op": ">=", "value": 18, "text": "adult"}},
    {"clause": "t:4", "value": "C", "when": {"field": "city", "op": "==", "value": "north", "text": "north"}}]}])";
}

TEST(LogicPrefer, TheFirstMetRouteGivesValueAndClause) {
  const TestPack p(three_routes(""));
  const OutcomeAnswer c = p.answer(R"({"member": true, "city": "north"})");
  EXPECT_EQ(c.truth, Met);
  EXPECT_EQ(c.value, "C");
  ASSERT_NE(c.route, nullptr);
  EXPECT_EQ(c.route->clause, "t:4");
  EXPECT_EQ(said(c.reasons), "north:met");
  EXPECT_EQ(p.answer(R"({"age": 30, "city": "north"})").value, "B");
}

TEST(LogicPrefer, ByDefaultAnUnknownRouteOutranksAReviewOne) {
  const TestPack p(three_routes(""));
  const OutcomeAnswer a = p.answer(R"({"member": true})");
  EXPECT_EQ(a.truth, Incomplete);
  EXPECT_EQ(a.value, "");
  EXPECT_EQ(a.route, nullptr);
  EXPECT_EQ(said(a.reasons), "member:review adult:incomplete north:incomplete");
}

TEST(LogicPrefer, ACustomOrderCanPutReviewBeforeUnknown) {
  const TestPack p(three_routes(R"("prefer": ["met", "review", "incomplete", "unmet"],)"));
  const OutcomeAnswer a = p.answer(R"({"member": true})");
  EXPECT_EQ(a.truth, Review);
  EXPECT_EQ(a.value, "A");
  ASSERT_NE(a.route, nullptr);
  EXPECT_EQ(a.route->clause, "t:2");
  EXPECT_EQ(said(a.reasons), "member:review");
  EXPECT_EQ(p.answer(R"({"member": true, "city": "north"})").value, "C");  // met still comes first
}

TEST(LogicPrefer, WhenNoRouteHoldsEveryRouteSaysWhatItLacked) {
  const TestPack p(three_routes(""));
  const OutcomeAnswer a = p.answer(R"({"member": false, "age": 17, "city": "south"})");
  EXPECT_EQ(a.truth, Unmet);
  EXPECT_EQ(a.route, nullptr);
  EXPECT_EQ(said(a.reasons), "member:unmet adult:unmet north:unmet");
}

TEST(LogicPrefer, RequirementsThatFailLeaveNoValue) {
  const TestPack p(R"([{"id": "t.o", "requires": [{"field": "age", "op": ">=", "value": 18, "text": "adult"}],
    "routes": [{"clause": "t:2", "value": "A", "when": {"field": "member", "op": "==", "value": true, "text": "member"}}]}])");
  const OutcomeAnswer a = p.answer(R"({"age": 17, "member": true})");
  EXPECT_EQ(a.truth, Unmet);
  EXPECT_EQ(a.value, "");
  EXPECT_EQ(a.route, nullptr);
  EXPECT_EQ(said(a.reasons), "adult:unmet member:met");
}

// ---- priority and notes ----

const char* const kPriorityNotes = R"([{"id": "t.o", "requires": [{"field": "age", "op": ">=", "value": 18, "text": "adult"}],
  "priority": [{"field": "member", "op": "==", "value": true, "text": "members first"}],
  "notes": [{"field": "level", "op": "==", "value": "high", "clause": "t:2", "text": "exception"}]}])";

TEST(LogicPriority, ListedWhenMetWithoutChangingTheStatus) {
  const TestPack p(kPriorityNotes);
  const OutcomeAnswer a = p.answer(R"({"age": 30, "member": true})");
  EXPECT_EQ(a.truth, Met);
  EXPECT_EQ(said(a.priority), "members first:met");
  const OutcomeAnswer minor = p.answer(R"({"age": 17, "member": true})");
  EXPECT_EQ(minor.truth, Unmet);
  EXPECT_EQ(said(minor.priority), "members first:met");
  EXPECT_TRUE(p.answer(R"({"age": 30, "member": false})").priority.empty());
  EXPECT_TRUE(p.answer(R"({"age": 30})").priority.empty());
}

TEST(LogicNotes, ListedWhenMetAndTheOutcomeIsNotEligible) {
  const TestPack p(kPriorityNotes);
  const OutcomeAnswer minor = p.answer(R"({"age": 17, "level": "high"})");
  EXPECT_EQ(said(minor.notes), "exception:met");
  EXPECT_EQ(minor.notes[0].text->clause, "t:2");
  EXPECT_EQ(said(p.answer(R"({"level": "high"})").notes), "exception:met");  // incomplete
  EXPECT_TRUE(p.answer(R"({"age": 30, "level": "high"})").notes.empty());   // eligible
  EXPECT_TRUE(p.answer(R"({"age": 17, "level": "mid"})").notes.empty());
  EXPECT_TRUE(p.answer(R"({"age": 17})").notes.empty());
}

// ---- benefits ----

const char* const kBenefits = R"([{"id": "t.o", "requires": [{"field": "age", "op": ">=", "value": 18, "text": "adult"}],
  "routes": [
    {"clause": "t:2", "value": "full", "when": {"field": "city", "op": "==", "value": "north", "text": "north"}},
    {"clause": "t:3", "value": "reviewed", "benefits": ["base"],
     "when": {"field": "member", "op": "==", "value": true, "when_met": "review", "text": "member"}}],
  "benefits": [
    {"id": "base", "clause": "t:2", "fields": {"amount": 100}},
    {"id": "extra", "clause": "t:3", "fields": {"amount": 50}},
    {"id": "bonus", "clause": "t:3", "when": {"field": "member", "op": "==", "value": true}, "fields": {"amount": 20}}]}])";

TEST(LogicBenefits, GivenOnlyWhenEligibleOrReview) {
  const TestPack p(kBenefits);
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 30, "city": "north"})")), "base extra");
  const OutcomeAnswer review = p.answer(R"({"age": 30, "city": "south", "member": true})");
  EXPECT_EQ(review.truth, Review);
  EXPECT_FALSE(review.benefits.empty());
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 17, "city": "north"})")), "");  // unmet
  EXPECT_EQ(benefit_ids(p.answer(R"({"city": "north"})")), "");             // incomplete
}

TEST(LogicBenefits, ARoutesListRestrictsThem) {
  const TestPack p(kBenefits);
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 30, "city": "north", "member": true})")), "base extra bonus");
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 30, "city": "south", "member": true})")), "base");
}

TEST(LogicBenefits, OneWithWhenIsGivenOnlyWhenThatIsMet) {
  const TestPack p(kBenefits);
  const OutcomeAnswer a = p.answer(R"({"age": 30, "city": "north", "member": true})");
  ASSERT_EQ(a.benefits.size(), 3u);
  EXPECT_EQ(a.benefits[2].benefit->clause, "t:3");
  EXPECT_TRUE(is(a.benefits[2].fields.at(0).second, "20"));
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 30, "city": "north", "member": false})")), "base extra");
  EXPECT_EQ(benefit_ids(p.answer(R"({"age": 30, "city": "north"})")), "base extra");
}

// One benefit with `fields`, given whenever the city is known (which binds
// "region"; north unless the profile names one), with `parameters`.
class Figures {
 public:
  explicit Figures(std::string_view fields, std::string_view parameters = "{}")
      : pack_(R"([{"id": "t.o", "requires": [{"field": "city", "op": "in", "value": ["north", "south", "east"],
                   "bind": "region", "text": "city"}], "benefits": [{"id": "f", "clause": "t:1", "fields": )" +
                  std::string(fields) + "}]}]",
              R"({"parameters": )" + std::string(parameters) + "}") {}
  std::optional<Datum> operator()(std::string_view profile, std::string_view field) const {
    return figure(answer(profile), field);
  }
  OutcomeAnswer answer(std::string_view profile) const {  // valid while this lives
    Json j = json(profile);
    if (!j.contains("city")) j["city"] = "north";
    return pack_.answer(j.dump());
  }

 private:
  TestPack pack_;
};

TEST(LogicFigure, LiteralsAsWritten) {
  const Figures f(R"({"n": 7, "s": "fixed", "b": true, "x": 1.006})");
  EXPECT_TRUE(is(f("{}", "n"), "7"));
  EXPECT_TRUE(is(f("{}", "s"), R"("fixed")"));
  EXPECT_TRUE(is(f("{}", "b"), "true"));
  EXPECT_TRUE(is(f("{}", "x"), "1.006"));
}

TEST(LogicFigure, ParamValue) {
  const Figures f(R"({"p": {"param": "base"}})", R"({"base": {"clause": "t:1", "unit": "CNY", "value": 1000}})");
  EXPECT_TRUE(is(f(R"({"city": "east"})", "p"), "1000"));
}

TEST(LogicFigure, ParamTableKeyedByABoundName) {
  const Figures f(R"({"p": {"param": "by_region"}})",
                  R"({"by_region": {"clause": "t:1", "by": ["region"], "values": {"north": 10, "south": 20}}})");
  EXPECT_TRUE(is(f("{}", "p"), "10"));
  EXPECT_TRUE(is(f(R"({"city": "south"})", "p"), "20"));
  EXPECT_FALSE(f(R"({"city": "east"})", "p"));  // no row: absent
}

TEST(LogicFigure, ParamTableKeyedByProfileFields) {
  const Figures f(R"({"degree": {"param": "by_degree"}, "grid": {"param": "grid"}})",
                  R"({"by_degree": {"clause": "t:1", "by": ["edu.degree"], "values": {"master": 2, "doctorate": 3}},
                      "grid": {"clause": "t:1", "by": ["region", "level"], "values": {"north": {"low": 1, "high": 5}}}})");
  EXPECT_TRUE(is(f(R"({"edu": {"degree": "master"}})", "degree"), "2"));
  EXPECT_FALSE(f(R"({"edu": {"degree": "bachelor"}})", "degree"));
  EXPECT_FALSE(f("{}", "degree"));
  EXPECT_TRUE(is(f(R"({"level": "high"})", "grid"), "5"));
  EXPECT_FALSE(f("{}", "grid"));
  EXPECT_FALSE(f(R"({"city": "south", "level": "high"})", "grid"));
}

TEST(LogicFigure, FieldGivesTheProfilesValue) {
  const Figures f(R"({"age": {"field": "age"}, "score": {"field": "score"}, "member": {"field": "member"},
                      "city": {"field": "city"}, "degree": {"field": "edu.degree"}, "name": {"field": "name"},
                      "as_of": {"field": "as_of"}})");
  const std::string profile = R"({"city": "south", "age": 40, "score": 2.5, "member": false, "edu": {"degree": "master"},
                                  "name": "Li", "as_of": "2025-06-30"})";
  EXPECT_TRUE(is(f(profile, "age"), "40"));
  EXPECT_TRUE(is(f(profile, "score"), "2.5"));
  EXPECT_TRUE(is(f(profile, "member"), "false"));
  EXPECT_TRUE(is(f(profile, "city"), R"("south")"));
  EXPECT_TRUE(is(f(profile, "degree"), R"("master")"));
  EXPECT_TRUE(is(f(profile, "name"), R"("Li")"));
  EXPECT_TRUE(is(f(profile, "as_of"), R"("2025-06-30")"));
  EXPECT_FALSE(f(R"({"city": "south"})", "score"));
}

TEST(LogicFigure, RefToAnEarlierFieldAndBoundName) {
  const Figures f(R"({"s": {"field": "score"}, "twice": {"mul": [{"ref": "s"}, 2]}, "region": {"bound": "region"}})");
  EXPECT_TRUE(is(f(R"({"city": "east", "score": 2.5})", "twice"), "5"));
  EXPECT_TRUE(is(f(R"({"city": "east"})", "region"), R"("east")"));
  EXPECT_FALSE(f(R"({"city": "east"})", "twice"));  // the field it refers to is absent
}

TEST(LogicFigure, Arithmetic) {
  const Figures f(R"({"add": {"add": [1, 2, 3.5]}, "sub": {"sub": [10, {"field": "score"}]}, "mul": {"mul": [2, 3, 4]},
                      "min": {"min": [5, {"field": "score"}, 4]}, "max": {"max": [5, {"field": "score"}, 4]}})");
  const char* profile = R"({"score": 2.5})";
  EXPECT_TRUE(is(f(profile, "add"), "6.5"));
  EXPECT_TRUE(is(f(profile, "sub"), "7.5"));
  EXPECT_TRUE(is(f(profile, "mul"), "24"));
  EXPECT_TRUE(is(f(profile, "min"), "2.5"));
  EXPECT_TRUE(is(f(profile, "max"), "5"));
}

TEST(LogicFigure, ComparisonsGiveBooleansAtTheBoundary) {
  const Figures f(R"({"lt": {"lt": [{"field": "score"}, 3]}, "le": {"le": [{"field": "score"}, 3]},
                      "gt": {"gt": [{"field": "score"}, 3]}, "ge": {"ge": [{"field": "score"}, 3]}})");
  // Each comparison with 3, of 2.99, 3 and 3.01.
  for (const auto& [op, below, at, above] : {std::tuple{"lt", "true", "false", "false"}, {"le", "true", "true", "false"},
                                             {"gt", "false", "false", "true"}, {"ge", "false", "true", "true"}}) {
    EXPECT_TRUE(is(f(R"({"score": 2.99})", op), below)) << op;
    EXPECT_TRUE(is(f(R"({"score": 3})", op), at)) << op;
    EXPECT_TRUE(is(f(R"({"score": 3.01})", op), above)) << op;
  }
}

TEST(LogicFigure, IfWithAndWithoutAnUnknownBranch) {
  const Figures f(R"({"plain": {"if": {"ge": [{"field": "age"}, 40]}, "then": 100, "else": 50},
                      "guarded": {"if": {"ge": [{"field": "age"}, 40]}, "then": 100, "else": 50, "unknown": 0},
                      "flag": {"if": {"field": "member"}, "then": "yes", "else": "no"}})");
  EXPECT_TRUE(is(f(R"({"age": 40})", "plain"), "100"));
  EXPECT_TRUE(is(f(R"({"age": 39})", "plain"), "50"));
  EXPECT_FALSE(f("{}", "plain"));
  EXPECT_TRUE(is(f("{}", "guarded"), "0"));
  EXPECT_TRUE(is(f(R"({"age": 39})", "guarded"), "50"));
  EXPECT_TRUE(is(f(R"({"member": false})", "flag"), R"("no")"));
}

TEST(LogicFigure, EachMapsTheItemsOfAGivenList) {
  const Figures f(R"({"years": {"each": "jobs", "value": {"field": "years"}},
                      "jobs": {"each": "jobs", "value": {"object": {"years": {"field": "years"}, "abroad": {"field": "abroad"}}}}})");
  const char* profile = R"({"jobs": [{"years": 3, "abroad": true}, {"abroad": false}]})";
  EXPECT_TRUE(is(f(profile, "years"), "[3, null]"));
  EXPECT_TRUE(is(f(profile, "jobs"), R"([{"years": 3, "abroad": true}, {"abroad": false}])"));
  EXPECT_TRUE(is(f(R"({"jobs": []})", "years"), "[]"));
}

TEST(LogicFigure, ObjectLeavesOutWhatIsUnknown) {
  const Figures f(R"({"o": {"object": {"fixed": 1, "score": {"field": "score"}, "region": {"bound": "region"}}}})");
  EXPECT_TRUE(is(f(R"({"score": 2})", "o"), R"({"fixed": 1, "score": 2, "region": "north"})"));
  EXPECT_TRUE(is(f("{}", "o"), R"({"fixed": 1, "region": "north"})"));
}

TEST(LogicFigure, AFigureWithAnUnknownInputIsAbsentNotZero) {
  const Figures f(R"({"fixed": 1, "sum": {"add": [{"field": "score"}, 1]}, "product": {"mul": [{"field": "score"}, 0]},
                      "word": {"add": [{"field": "city"}, 1]}})");
  const OutcomeAnswer a = f.answer("{}");
  ASSERT_EQ(a.benefits.size(), 1u);  // the benefit is given, without the figures it cannot know
  ASSERT_EQ(a.benefits[0].fields.size(), 1u);  // no "sum", and no "product" of zero
  EXPECT_EQ(a.benefits[0].fields[0].first, "fixed");
  EXPECT_TRUE(is(f(R"({"score": 5})", "sum"), "6"));
  EXPECT_TRUE(is(f(R"({"score": 5})", "product"), "0"));
  EXPECT_FALSE(f(R"({"score": 5})", "word"));  // a text is not a number either
}

TEST(LogicFigure, AmountsAreRoundedToTheFen) {
  const Figures f(R"({"add": {"add": [{"field": "score"}, 0]}, "sub": {"sub": [10, {"field": "score"}]},
                      "mul": {"mul": [{"field": "score"}, 3]}, "min": {"min": [{"field": "score"}, 100]}})");
  EXPECT_TRUE(is(f(R"({"score": 1.006})", "add"), "1.01"));
  EXPECT_TRUE(is(f(R"({"score": 1.004})", "add"), "1"));
  EXPECT_TRUE(is(f(R"({"score": 3.333})", "sub"), "6.67"));
  EXPECT_TRUE(is(f(R"({"score": 0.333})", "mul"), "1"));
  EXPECT_TRUE(is(f(R"({"score": 2.346})", "min"), "2.35"));
}

// ---- closest ----

// t.category: A through t.gold (two criteria), B through t.silver, C on its own.
const char* const kCategory = R"([
  {"id": "t.gold", "routes": [
    {"clause": "t:5", "value": "g1", "when": {"all": [
      {"field": "level", "op": "==", "value": "high", "text": "g1 level"},
      {"field": "member", "op": "==", "value": true, "text": "g1 member"}]}},
    {"clause": "t:6", "value": "g2", "when": {"all": [
      {"field": "score", "op": ">=", "value": 90, "text": "g2 score"},
      {"field": "age", "op": ">=", "value": 30, "text": "g2 age"},
      {"field": "city", "op": "==", "value": "north", "text": "g2 city"}]}}]},
  {"id": "t.silver", "routes": [
    {"clause": "t:7", "value": "s", "when": {"field": "level", "op": ">=", "value": "mid", "text": "s level"}}]},
  {"id": "t.o", "closest": "category", "routes": [
    {"clause": "t:2", "value": "A", "when": {"outcome": "t.gold"}},
    {"clause": "t:3", "value": "B", "when": {"outcome": "t.silver"}},
    {"clause": "t:4", "value": "C", "when": {"field": "age", "op": ">=", "value": 18, "text": "adult"}}]}])";

TEST(LogicClosest, ForTheRoutesAboveTheOneReachedTheCriterionMissingFewest) {
  const TestPack p(kCategory);
  const OutcomeAnswer a = p.answer(R"({"level": "mid", "score": 95, "city": "north"})");
  EXPECT_EQ(a.value, "B");
  ASSERT_EQ(a.closest.size(), 1u);
  EXPECT_EQ(a.closest[0].value, "A");
  EXPECT_EQ(a.closest[0].clause, "t:6");  // g1 lacks two, g2 one
  EXPECT_EQ(said(a.closest[0].missing), "g2 age:incomplete");
}

TEST(LogicClosest, ATieGoesToTheCriterionFurtherAlong) {
  const TestPack p(kCategory);
  const OutcomeAnswer tie = p.answer(R"({"level": "high", "member": false, "score": 95, "age": 30, "city": "south"})");
  ASSERT_EQ(tie.closest.size(), 1u);
  EXPECT_EQ(tie.closest[0].clause, "t:6");  // both lack one; g2 has two met, g1 one
  EXPECT_EQ(said(tie.closest[0].missing), "g2 city:unmet");
  const OutcomeAnswer fewer = p.answer(R"({"level": "high", "score": 50, "age": 20, "city": "north"})");
  ASSERT_EQ(fewer.closest.size(), 1u);
  EXPECT_EQ(fewer.closest[0].clause, "t:5");
  EXPECT_EQ(said(fewer.closest[0].missing), "g1 member:incomplete");
}

TEST(LogicClosest, EveryRouteWhenNoneIsReached) {
  const TestPack p(kCategory);
  const OutcomeAnswer a = p.answer(R"({"level": "low", "age": 17})");
  EXPECT_EQ(a.truth, Unmet);
  ASSERT_EQ(a.closest.size(), 3u);
  EXPECT_EQ(a.closest[0].value, "A");
  EXPECT_EQ(a.closest[0].clause, "t:5");
  EXPECT_EQ(said(a.closest[0].missing), "g1 level:unmet g1 member:incomplete");
  EXPECT_EQ(a.closest[1].value, "B");
  EXPECT_EQ(a.closest[1].clause, "t:7");
  EXPECT_EQ(said(a.closest[1].missing), "s level:unmet");
  EXPECT_EQ(a.closest[2].value, "C");
  EXPECT_EQ(a.closest[2].clause, "t:4");
  EXPECT_EQ(said(a.closest[2].missing), "adult:unmet");
}

TEST(LogicClosest, NothingAboveTheTopRoute) {
  const TestPack p(kCategory);
  const OutcomeAnswer a = p.answer(R"({"level": "high", "member": true})");
  EXPECT_EQ(a.value, "A");
  EXPECT_TRUE(a.closest.empty());
}

// ---- team checks ----

TEST(LogicTeam, BenefitsAtTopOfATeamCheck) {
  const TestPack p(R"([{"id": "t.o", "requires": [{"field": "age", "op": ">=", "value": 18, "text": "adult"}]}])",
                   R"({"team_checks": [{"id": "t.team", "benefits_at_top": true,
                       "requires": [{"field": "size", "op": ">=", "value": 3, "text": "three members"},
                                    {"field": "lead.grade", "op": "==", "value": "A", "text": "grade A lead"}],
                       "benefits": [{"id": "grant", "clause": "t:2", "fields": {"amount": {"mul": [{"field": "size"}, 1000]}}}]}]})");
  const OutcomeAnswer a = p.team(R"({"size": 4, "lead": {"grade": "A"}})", "t.team");
  EXPECT_EQ(a.truth, Met);
  EXPECT_TRUE(a.outcome->benefits_at_top);
  EXPECT_TRUE(is(figure(a, "amount"), "4000"));
  EXPECT_EQ(said(p.team(R"({"size": 3, "lead": {"grade": "B"}})", "t.team").reasons), "three members:met grade A lead:unmet");
  EXPECT_TRUE(p.team(R"({"size": 2, "lead": {"grade": "A"}})", "t.team").benefits.empty());
  EXPECT_EQ(p.assess("{}").outcomes.size(), 1u);  // a profile is not checked as a team
  // Where the flag shows: the benefit is a member of the answer itself.
  const Json written = Json::parse(p.engine().check_team(R"({"size": 4, "lead": {"grade": "A"}})"), nullptr, false);
  EXPECT_EQ(written["grant"]["amount"], 4000);
  EXPECT_EQ(written["status"], "eligible");
  EXPECT_FALSE(written.contains("benefits"));
}

}  // namespace
}  // namespace talent::testing
