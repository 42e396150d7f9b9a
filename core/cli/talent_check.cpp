// talent-check: JSON Lines in, JSON Lines out. One profile per line (or one
// team per line with --team); a bad line gets its own errors and the run goes on.
#include <cstring>
#include <iostream>
#include <string>

#include "talent/engine.hpp"

int main(int argc, char** argv) {
  bool team = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--team") == 0) team = true;
    else if (std::strcmp(argv[i], "--version") == 0) {
      std::cout << talent::version() << "\n";
      return 0;
    } else if (std::strcmp(argv[i], "--describe") == 0) {
      std::cout << talent::describe() << "\n";
      return 0;
    } else {
      std::cerr << "usage: talent-check [--team] < lines.jsonl\n"
                   "       talent-check --version | --describe\n";
      return 2;
    }
  }
  if (!talent::builtin_engine()) {
    std::cerr << "talent-check: " << talent::builtin_load_error() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry no profile
    std::cout << (team ? talent::check_team(line) : talent::evaluate(line)) << '\n';
  }
  return 0;
}
