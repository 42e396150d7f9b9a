// Runs every case file against the native engine (the Node runner does the
// same against dist/engine.js).
#include <gtest/gtest.h>

#include "case_files.hpp"

namespace talent::testing {
namespace {

class CaseFile : public ::testing::TestWithParam<Case> {};

TEST_P(CaseFile, AnswerMatches) {
  const Case& c = GetParam();
  ASSERT_NE(c.kind, "invalid") << c.file << ": " << c.name << ": needs profile, team or raw";
  const Json answer_json = Json::parse(answer(c), nullptr, false);
  ASSERT_FALSE(answer_json.is_discarded());
  std::string why;
  EXPECT_TRUE(matches(c.expect, answer_json, why)) << c.file << ": " << c.name << "\n  " << why;
}

std::string test_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.file + "_" + std::to_string(info.index);
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseFile, ::testing::ValuesIn(load_cases()), test_name);

TEST(CaseFiles, ThereAreCases) { EXPECT_GT(load_cases().size(), 50u); }

}  // namespace
}  // namespace talent::testing
