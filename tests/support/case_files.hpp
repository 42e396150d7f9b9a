// The shared case files (tests/cases/README.md): loading and matching.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "talent/json.hpp"

namespace talent::testing {

struct Case {
  std::string file, name;
  std::string kind;   // "profile", "team" or "raw"
  std::string input;  // the text sent to the engine
  Json expect;
};

// Names the case in GoogleTest listings instead of dumping its bytes.
inline void PrintTo(const Case& c, std::ostream* os) { *os << c.file << ": " << c.name; }

// Every case of every *.json file under `dir`, files in path order.
std::vector<Case> load_cases(const std::string& dir = TALENT_CASES_DIR);

// Whether `actual` matches the partial answer `expect`; if not, `why` says where.
bool matches(const Json& expect, const Json& actual, std::string& why, const std::string& path = "");

// The engine's answer to a case.
std::string answer(const Case& c);

}  // namespace talent::testing
