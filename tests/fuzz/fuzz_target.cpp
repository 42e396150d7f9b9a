// The libFuzzer targets (tests/fuzz/run.sh runs them): evaluate() on any
// bytes; built with TALENT_FUZZ_TEAM=1, check_team(); with
// TALENT_FUZZ_ROSTER=1, a staff roster's CSV (check_roster).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "answer_checks.hpp"

namespace {
std::string check(std::string_view input, std::string_view before) {
#if TALENT_FUZZ_ROSTER
  return talent::fuzzing::check_roster(input, before);
#elif TALENT_FUZZ_TEAM
  return talent::fuzzing::check_answer(talent::fuzzing::Call::CheckTeam, input, before);
#else
  return talent::fuzzing::check_answer(talent::fuzzing::Call::Evaluate, input, before);
#endif
}
#if TALENT_FUZZ_ROSTER
constexpr const char* kName = "roster";
#elif TALENT_FUZZ_TEAM
constexpr const char* kName = "check_team";
#else
constexpr const char* kName = "evaluate";
#endif
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::string before;  // the input asked about just before this one
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string failure = check(input, before);
  if (!failure.empty()) {
    std::fprintf(stderr, "%s: %s\n", kName, failure.c_str());
    std::abort();  // libFuzzer saves the input as a crash artifact
  }
  before = input;
  return 0;
}
