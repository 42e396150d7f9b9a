// talent-check: JSON Lines in, JSON Lines out. One profile per line (or one
// team per line with --team); a bad line gets its own errors and the run goes
// on. --whole reads all of stdin as one input (a pretty-printed file).
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

#include "talent/engine.hpp"

namespace {

int usage() {
  std::cerr << "usage: talent-check [--team] [--whole] < input\n"
               "       talent-check --version | --describe\n"
               "  one JSON profile (or team, with --team) per line in, one answer per line out;\n"
               "  --whole: all of stdin is one input\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool team = false, whole = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--team") == 0) team = true;
    else if (std::strcmp(argv[i], "--whole") == 0) whole = true;
    else if (std::strcmp(argv[i], "--version") == 0) {
      std::cout << talent::version() << "\n";
      return 0;
    } else if (std::strcmp(argv[i], "--describe") == 0) {
      std::cout << talent::describe() << "\n";
      return 0;
    } else {
      return usage();
    }
  }
  if (!talent::builtin_engine()) {
    std::cerr << "talent-check: " << talent::builtin_load_error() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  const auto answer = [team](std::string_view input) { return team ? talent::check_team(input) : talent::evaluate(input); };
  if (whole) {
    const std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::cout << answer(input) << '\n';
    return 0;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry no profile
    std::cout << answer(line) << '\n';
  }
  return 0;
}
