// The fuzz targets' check (tests/fuzz/answer_checks.hpp) in the native
// suite, so that every build (ASan and UBSan included) runs it: on the fuzz
// seeds (duplicate keys, byte order marks, lone surrogates, numbers at the
// edges of a double…) through both calls, and on every case file's input,
// each asked about after a different one.
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

}  // namespace
}  // namespace talent::testing
