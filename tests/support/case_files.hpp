// The shared case files (tests/cases/README.md): loading and matching.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "talent/engine.hpp"
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

// The cases of one case file, named `name` in messages.
std::vector<Case> load_case_file(const std::string& path, const std::string& name);

// Whether `actual` matches the partial answer `expect`; if not, `why` says where.
bool matches(const Json& expect, const Json& actual, std::string& why, const std::string& path = "");

// The engine's answer to a case: the built-in engine's, or `engine`'s.
std::string answer(const Case& c);
std::string answer(const Engine& engine, const Case& c);

}  // namespace talent::testing
