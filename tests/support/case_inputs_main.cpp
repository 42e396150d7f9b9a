// talent-case-inputs: every case of tests/cases as one JSON line
// {"file", "name", "kind", "input"}, "input" being the exact text the native
// runner sends to the engine. The Node runner sends the same text to the
// wasm module and to the native CLI and requires the same bytes back; the
// expectations themselves are checked once, in C++ (cases_test.cpp).
#include <iostream>

#include "case_files.hpp"

int main(int argc, char** argv) {
  const auto cases = argc > 1 ? talent::testing::load_cases(argv[1]) : talent::testing::load_cases();
  for (const auto& c : cases)
    std::cout << talent::to_text(talent::Json{{"file", c.file}, {"name", c.name}, {"kind", c.kind}, {"input", c.input}}) << '\n';
}
