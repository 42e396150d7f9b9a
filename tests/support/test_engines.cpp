#include "test_engines.hpp"

#include <fstream>
#include <sstream>

namespace talent::testing {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

PolicySource source_of(const TestPolicy& policy) {
  PolicySource s;
  const bool object = policy.pack.is_object();
  s.folder = object && policy.pack.contains("id") && policy.pack["id"].is_string() ? policy.pack["id"].get<std::string>() : "test";
  s.pack = to_text(policy.pack);
  s.clauses = to_text(policy.clauses);
  s.document_name = object && policy.pack.contains("source") && policy.pack["source"].is_string()
                        ? policy.pack["source"].get<std::string>() : "";
  s.document = policy.document;
  if (s.document.empty())
    for (const auto& [id, text] : policy.clauses.items())
      if (text.is_object() && text.contains("zh") && text["zh"].is_string()) s.document += text["zh"].get<std::string>() + "\n";
  return s;
}

std::optional<LoadedEngine> load_test_engine(const std::vector<TestPolicy>& policies, LoadErrors& errors,
                                             const std::string& subjects) {
  std::vector<PolicySource> sources;
  for (const TestPolicy& p : policies) sources.push_back(source_of(p));
  const std::string text = subjects.empty() ? read_text_file(std::string(TALENT_POLICY_DIR) + "/subjects.json") : subjects;
  return load_engine(text, sources, errors);
}

std::string error_list(const LoadErrors& errors) {
  std::string s;
  for (const auto& e : errors) s += error_line(e) + "\n";
  return s;
}

}  // namespace talent::testing
