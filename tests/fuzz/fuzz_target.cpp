// The libFuzzer targets (tests/fuzz/run.sh runs them): evaluate() on any
// bytes, and, built with TALENT_FUZZ_TEAM=1, check_team().
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "answer_checks.hpp"

#if TALENT_FUZZ_TEAM
constexpr auto kCall = talent::fuzzing::Call::CheckTeam;
constexpr const char* kName = "check_team";
#else
constexpr auto kCall = talent::fuzzing::Call::Evaluate;
constexpr const char* kName = "evaluate";
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::string before;  // the input asked about just before this one
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string failure = talent::fuzzing::check_answer(kCall, input, before);
  if (!failure.empty()) {
    std::fprintf(stderr, "%s: %s\n", kName, failure.c_str());
    std::abort();  // libFuzzer saves the input as a crash artifact
  }
  before = input;
  return 0;
}
