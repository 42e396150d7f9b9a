// The strict loader: builds an Engine from the policy files (subjects.json
// and one folder per policy), checking everything it reads. Used at build
// time (talent-packcheck) and by the tests; the shipped engine starts from
// the image it writes and carries none of this.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talent/engine.hpp"

namespace talent {

// A problem found while loading. Every id is stable and listed in
// docs/new-policy.md.
struct LoadError {
  std::string id;       // "pack.unknown_key", "pack.missing_clause", ...
  std::string file;     // the file it is in ("fcg/pack.json"); empty: no one file
  std::string path;     // JSON pointer of the offending entry, e.g. "/outcomes/3/routes/0"
  std::string message;  // for people
};
using LoadErrors = std::vector<LoadError>;

// "fcg/pack.json: /outcomes/3/routes/0: pack.unknown_key: unknown key 'colour'"
std::string error_line(const LoadError& e);

// One policy's files, as text.
struct PolicySource {
  std::string folder;         // the folder's name, for messages ("fcg")
  std::string pack;           // pack.json
  std::string clauses;        // clauses.json
  std::string document_name;  // the document's file name, which the pack's "source" must give
  std::string document;       // the document the clause texts must be found in
};

struct LoadedEngine {
  Engine engine;
  // Every clause's full text, {"fcg:1": {"zh": …, "en": …}, …}, in document
  // order: what describe() once carried, now a static file of the page.
  std::string clause_texts_json;
};

std::optional<LoadedEngine> load_engine(std::string_view subjects, const std::vector<PolicySource>& policies,
                                        LoadErrors& errors);

// Reads the policy folder at `path`: its pack.json, its clauses.json and the
// document its pack names in "source".
std::optional<PolicySource> read_policy_folder(const std::string& path, LoadErrors& errors);

// The engine of a policies root: `root`/subjects.json and every folder under
// `root` that holds a pack.json, in name order.
std::optional<LoadedEngine> load_policies(const std::string& root, LoadErrors& errors);

// The engine as an image for Engine::from_image.
std::string engine_image(const Engine& engine);

}  // namespace talent
