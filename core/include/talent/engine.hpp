// The four calls of the contract (../shared/spec/contract.md, section 1):
// JSON text in, JSON text out. They never throw and never abort.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talent/load_error.hpp"
#include "talent/policy_pack.hpp"
#include "talent/schema.hpp"

namespace talent {

inline constexpr const char* kResultSchema = "talent-result/1";
inline constexpr const char* kTeamResultSchema = "talent-team-result/1";

struct PackSource {
  std::string_view pack;     // pack.json
  std::string_view clauses;  // clauses.json
};

class Engine {
 public:
  // Loads the subject schemas and packs with the strict loader; nullopt with
  // `errors` filled on any problem (build time and tests).
  static std::optional<Engine> load(std::string_view subjects, const std::vector<PackSource>& packs, LoadErrors& errors);
  // The loaded engine in compact binary form, and back (start-up of the
  // shipped engine, which carries no loader).
  std::string image() const;
  static std::optional<Engine> from_image(std::string_view bytes, std::string& error);

  std::string evaluate(std::string_view profile) const;
  // The same answer, written into `buffer`, whose memory is reused: a caller
  // that answers many profiles keeps one buffer and allocates nothing for
  // it. Returns the answer, a view into `buffer` (whose size may be larger).
  std::string_view evaluate(std::string_view profile, std::string& buffer) const;
  std::string check_team(std::string_view team) const;
  std::string describe() const;
  std::string version() const;

  const std::vector<PolicyPack>& packs() const { return packs_; }
  const SubjectSchema& subject(const std::string& name) const { return subjects_.at(name); }

 private:
  std::map<std::string, SubjectSchema> subjects_;
  std::vector<PolicyPack> packs_;
  // Constant parts of the answers, written once.
  std::string policies_text_, team_policies_text_;  // the "policies" member
  std::string describe_text_;                      // describe(), in UTF-8
  std::string version_text_;                       // version()
};

// The engine with the packs compiled into this build.
const Engine* builtin_engine();
const std::string& builtin_load_error();

std::string evaluate(std::string_view profile);
std::string_view evaluate(std::string_view profile, std::string& buffer);
std::string check_team(std::string_view team);
std::string describe();
std::string version();

}  // namespace talent
