// The fuzz targets' checks (tests/fuzz/answer_checks.hpp) in the native
// suite, so that every build (ASan and UBSan included) runs them: on the
// fuzz seeds (duplicate keys, byte order marks, lone surrogates, numbers at
// the edges of a double…) through both calls and as rosters, on every case
// file's input, and on every roster case's file, each after a different one.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "answer_checks.hpp"
#include "case_files.hpp"
#include "test_engines.hpp"

namespace talent::testing {
namespace {

using fuzzing::Call;
using fuzzing::check_answer;

std::vector<std::filesystem::path> seed_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(TALENT_FUZZ_SEEDS_DIR))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(StableAnswer, FuzzSeedsAnswerTheSameBytesWhateverCameBefore) {
  const auto files = seed_files();
  ASSERT_GE(files.size(), 20u) << TALENT_FUZZ_SEEDS_DIR;
  std::string before = "{}";
  for (const auto& file : files) {
    const std::string input = read_text_file(file.string());
    for (Call call : {Call::Evaluate, Call::CheckTeam})
      EXPECT_EQ(check_answer(call, input, before), "") << file.filename() << (call == Call::Evaluate ? " (evaluate)" : " (check_team)");
    EXPECT_EQ(fuzzing::check_roster(input, before), "") << file.filename() << " (roster)";
    before = input;
  }
}

TEST(StableAnswer, CaseInputsAnswerTheSameBytesWhateverCameBefore) {
  const auto cases = load_cases();
  ASSERT_FALSE(cases.empty());
  std::string before = cases.back().input;
  for (const Case& c : cases) {
    const Call call = c.kind == "team" ? Call::CheckTeam : Call::Evaluate;
    EXPECT_EQ(check_answer(call, c.input, before), "") << c.file << ": " << c.name;
    before = c.input;
  }
}

TEST(StableAnswer, RosterCasesReadTheSameWhateverCameBefore) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(TALENT_ROSTER_CASES_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::string before;
  int rosters = 0;
  for (const std::string& file : files) {
    const Json cases = Json::parse(read_text_file(file), nullptr, false);
    ASSERT_TRUE(cases.is_object()) << file;
    for (const Json& c : cases["cases"]) {
      if (!c.contains("csv")) continue;
      std::string csv;
      for (const Json& line : c["csv"]) csv += line.get<std::string>() + "\r\n";
      EXPECT_EQ(fuzzing::check_roster(csv, before), "") << file << ": " << c["name"];
      before = csv;
      ++rosters;
    }
  }
  EXPECT_GE(rosters, 10);
}

}  // namespace
}  // namespace talent::testing
