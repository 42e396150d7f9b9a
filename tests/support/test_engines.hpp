// Engines for tests: the real policy folder, or small synthetic packs
// written in the test itself.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "talent/json.hpp"
#include "talent/loader.hpp"

namespace talent::testing {

std::string read_text_file(const std::string& path);

// A synthetic policy: its pack and clause table as JSON, and a document that
// holds every clause text (so the text check passes unless a test breaks it).
struct TestPolicy {
  Json pack;
  Json clauses;
  std::string document;  // empty: made from the clause texts
};

// The source of `policy` as the loader reads it from a folder named after
// the pack's id, with the document named as the pack's "source" says.
PolicySource source_of(const TestPolicy& policy);

// Loads `policies` against `subjects` (default: core/policies/subjects.json).
std::optional<LoadedEngine> load_test_engine(const std::vector<TestPolicy>& policies, LoadErrors& errors,
                                             const std::string& subjects = "");

// "id at file path: message" lines, for failure messages.
std::string error_list(const LoadErrors& errors);

}  // namespace talent::testing
