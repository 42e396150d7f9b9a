// The answer's shape, on the built-in packs (the logic itself is tried on
// small synthetic packs in logic_test.cpp).
#include <gtest/gtest.h>

#include "talent/dates.hpp"
#include "talent/engine.hpp"
#include "talent/json.hpp"

namespace talent {
namespace {

TEST(Truth, AllPrefersUnmetThenIncompleteThenReview) {
  EXPECT_EQ(all_of(Truth::Met, Truth::Unmet), Truth::Unmet);
  EXPECT_EQ(all_of(Truth::Incomplete, Truth::Unmet), Truth::Unmet);
  EXPECT_EQ(all_of(Truth::Review, Truth::Incomplete), Truth::Incomplete);
  EXPECT_EQ(all_of(Truth::Met, Truth::Review), Truth::Review);
  EXPECT_EQ(all_of(Truth::Met, Truth::Met), Truth::Met);
}

Json evaluate_json(const std::string& profile) { return Json::parse(evaluate(profile), nullptr, false); }

TEST(Answer, EveryOutcomeIsAlwaysPresent) {
  const Json empty = evaluate_json(R"({"as_of":"2026-01-01"})");
  const Json full = evaluate_json(R"({"as_of":"2026-01-01","age":40,"city":"wenzhou"})");
  ASSERT_TRUE(empty["outcomes"].is_object());
  // Counted from the packs, so that a new policy folder needs no change here.
  std::size_t declared = 0;
  for (const PolicyPack& p : builtin_engine()->packs()) declared += p.outcomes.size();
  EXPECT_GE(declared, 20u);
  EXPECT_EQ(empty["outcomes"].size(), declared);
  EXPECT_EQ(empty["outcomes"].size(), full["outcomes"].size());
  for (const auto& [id, o] : empty["outcomes"].items()) {
    EXPECT_TRUE(o.contains("status")) << id;
    EXPECT_TRUE(o.contains("reasons")) << id;
    EXPECT_TRUE(o.contains("priority")) << id;
    EXPECT_TRUE(o.contains("benefits")) << id;
  }
  EXPECT_TRUE(empty["outcomes"]["fcg.category"].contains("closest"));
}

TEST(Answer, UnknownNeverCountsAsMet) {
  const Json a = evaluate_json(R"({"as_of":"2026-01-01"})");
  for (const auto& [id, o] : a["outcomes"].items()) EXPECT_NE(o["status"], "eligible") << id;
}

TEST(Answer, ReasonsCarryClauseAndBothLanguages) {
  const Json a = evaluate_json(R"({"as_of":"2026-01-01","age":40,"city":"wenzhou","title":"senior"})");
  for (const auto& [id, o] : a["outcomes"].items())
    for (const Json& r : o["reasons"]) {
      EXPECT_TRUE(r["clause"].is_string()) << id;
      EXPECT_FALSE(r["text"].get<std::string>().empty()) << id;
      EXPECT_FALSE(r["text_en"].get<std::string>().empty()) << id;
      EXPECT_TRUE(r["met"].is_boolean() || r["met"].is_null()) << id;
    }
}

TEST(Answer, AsOfDefaultsToToday) {
  const Json a = evaluate_json("{}");
  EXPECT_EQ(a["as_of"], format_date(today()));
}

TEST(Answer, SameInputSameBytes) { EXPECT_EQ(evaluate(R"({"age":33,"as_of":"2026-03-01"})"), evaluate(R"({"age":33,"as_of":"2026-03-01"})")); }

// The wasm module writes every answer into one buffer, longer and shorter
// answers in turn.
TEST(Answer, ReusedBufferGivesTheSameBytes) {
  const std::string full = R"({"as_of":"2026-03-01","age":40,"city":"wenzhou","title":"senior","english":"professional"})";
  const std::string bad = R"({"age":"old"})";
  std::string buffer;
  for (const std::string& profile : {full, bad, full, bad}) EXPECT_EQ(evaluate(profile, buffer), evaluate(profile));
}

TEST(Describe, HasEveryClauseIdAndTheQuestions) {
  const Json d = Json::parse(describe(), nullptr, false);
  EXPECT_EQ(d["clauses"]["fcg:2.2.4"]["policy"], "fcg");
  EXPECT_EQ(d["clauses"]["wz:3.3"]["policy"], "wz");
  EXPECT_EQ(d["clause_texts"], "clauses.json");
  EXPECT_EQ(d["policies"].size(), builtin_engine()->packs().size());
  EXPECT_GT(d["questions"].size(), 30u);
}

TEST(Version, NamesEngineAndRules) {
  const Json v = Json::parse(version(), nullptr, false);
  EXPECT_TRUE(v["engine"].is_string());
  EXPECT_TRUE(v["rules"]["fcg"].is_string());
  EXPECT_TRUE(v["rules"]["wz"].is_string());
}

// Each rules version has the date it was set (the pack's version_date), the
// same in version() and describe(): the page shows it beside the version.
TEST(Version, DatesEachRulesVersion) {
  const Json v = Json::parse(version(), nullptr, false);
  const Json d = Json::parse(describe(), nullptr, false);
  ASSERT_EQ(v["rules_dates"].size(), v["rules"].size());
  ASSERT_EQ(d["policies"].size(), v["rules"].size());
  for (const Json& p : d["policies"]) {
    const std::string id = p["id"];
    ASSERT_TRUE(v["rules_dates"][id].is_string()) << id;
    const std::string date = v["rules_dates"][id];
    EXPECT_TRUE(parse_date(date).has_value()) << id << ": " << date;
    EXPECT_EQ(p["version_date"], date) << id;
    EXPECT_EQ(p["version"], v["rules"][id]) << id;
  }
}

}  // namespace
}  // namespace talent
