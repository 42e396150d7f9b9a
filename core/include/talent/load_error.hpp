// A problem found while loading a policy pack or the subject schemas.
#pragma once
#include <string>
#include <vector>

namespace talent {
struct LoadError {
  std::string id;       // stable: "pack.unknown_key", "pack.missing_clause", ...
  std::string path;     // JSON pointer into the offending file, e.g. "/outcomes/3/routes/0"
  std::string message;  // for people
};
using LoadErrors = std::vector<LoadError>;
}  // namespace talent
