// Bad input gets a clear error and nothing else; random and mutated input
// never crashes the engine (run under the asan preset too).
#include <gtest/gtest.h>

#include "profile_generator.hpp"
#include "talent/engine.hpp"

namespace talent {
namespace {

Json evaluate_json(const std::string& profile) { return Json::parse(evaluate(profile), nullptr, false); }

std::string first_code(const Json& a) { return a["errors"].empty() ? "" : a["errors"][0]["code"].get<std::string>(); }

TEST(BadInput, EachCode) {
  EXPECT_EQ(first_code(evaluate_json("{nope")), "invalid_json");
  EXPECT_EQ(first_code(evaluate_json("\xff\xfe")), "invalid_json");
  EXPECT_EQ(first_code(evaluate_json("[]")), "not_object");
  EXPECT_EQ(first_code(evaluate_json("\"text\"")), "not_object");
  EXPECT_EQ(first_code(evaluate_json("{\"x\":\"" + std::string(70000, 'a') + "\"}")), "too_large");
  EXPECT_EQ(first_code(evaluate_json("{\"posts\":" + std::string(40, '[') + std::string(40, ']') + "}")), "too_deep");
  EXPECT_EQ(first_code(evaluate_json(R"({"age":"fifty"})")), "invalid_type");
  EXPECT_EQ(first_code(evaluate_json(R"({"age":40.5})")), "invalid_type");
  EXPECT_EQ(first_code(evaluate_json(R"({"city":"beijing"})")), "unknown_value");
  EXPECT_EQ(first_code(evaluate_json(R"({"age":15})")), "out_of_range");
  EXPECT_EQ(first_code(evaluate_json(R"({"as_of":"2026-02-30"})")), "invalid_date");
}

TEST(BadInput, OneErrorPerProblemWithItsPath) {
  const Json a = evaluate_json(R"({"age":101,"posts":[{"role":"chief","institution":"nhc"},"x"],"education":{"level":1}})");
  ASSERT_EQ(a["errors"].size(), 4u) << a["errors"].dump();
  EXPECT_EQ(a["errors"][0]["path"], "/age");
  EXPECT_EQ(a["errors"][1]["path"], "/posts/0/role");
  EXPECT_EQ(a["errors"][2]["path"], "/posts/1");
  EXPECT_EQ(a["errors"][3]["path"], "/education/level");
  EXPECT_TRUE(a["outcomes"].empty());
}

TEST(BadInput, UnknownKeysAreWarnedNotRefused) {
  const Json a = evaluate_json(R"({"as_of":"2026-01-01","favourite_colour":"blue"})");
  EXPECT_TRUE(a["errors"].empty());
  ASSERT_EQ(a["warnings"].size(), 1u);
  EXPECT_EQ(a["warnings"][0]["code"], "unknown_field");
  EXPECT_EQ(a["warnings"][0]["path"], "/favourite_colour");
  EXPECT_FALSE(a["outcomes"].empty());
}

TEST(BadInput, TenThousandMutatedProfilesAlwaysAnswer) {
  testing::ProfileGenerator gen(builtin_engine()->subject("profile").record, 20261123);
  for (int i = 0; i < 10000; ++i) {
    const std::string input = i % 2 ? gen.mutated() : gen.valid();
    const std::string out = i % 7 ? evaluate(input) : check_team(input);
    const Json a = Json::parse(out, nullptr, false);
    ASSERT_FALSE(a.is_discarded()) << input;
    ASSERT_TRUE(a["errors"].is_array()) << input;
    if (!a["errors"].empty() && a.contains("outcomes")) {
      ASSERT_TRUE(a["outcomes"].empty()) << input;
    }
  }
}

}  // namespace
}  // namespace talent
