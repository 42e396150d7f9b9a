// The loader's parts: the subject schemas and one pack each (strict JSON
// readers), used by engine_loader.cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "talent/json.hpp"
#include "talent/loader.hpp"
#include "talent/policy_pack.hpp"
#include "talent/schema.hpp"

namespace talent {

struct LoadedSubjects {
  std::map<std::string, SubjectSchema> schemas;  // "profile", "team"
  std::map<std::string, Json> questions;         // per subject: labels and options, for describe()
};

// Reads {"profile": {...}, "team": {...}}; appends to `errors` (file `file`).
LoadedSubjects load_subjects(const Json& doc, const std::string& file, LoadErrors& errors);

struct LoadedPack {
  PolicyPack pack;
  std::vector<std::pair<std::string, Text>> clauses;  // the clause table, in document order
  Json description;                                   // this pack's entry of describe()
  std::string version_date;                           // YYYY-MM-DD: when `version` was set (version(), describe())
};

// Loads one pack and its clause table; errors name `folder`/pack.json and
// `folder`/clauses.json.
std::optional<LoadedPack> load_pack(const Json& pack, const Json& clauses, const LoadedSubjects& subjects,
                                    const std::string& folder, LoadErrors& errors);

}  // namespace talent
