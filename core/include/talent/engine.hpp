// The engine: the four calls of the contract (docs/contract.md, section 1),
// JSON text in, JSON text out; they never throw and never abort. assess()
// and assess_team() give the same answers as plain values.
//
// An Engine is built by the loader (talent/loader.hpp) at build time and in
// tests, or read back from an engine image, which is how the shipped engine
// starts (it carries no loader).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talent/answer_writer.hpp"
#include "talent/assessment.hpp"
#include "talent/policy_pack.hpp"
#include "talent/schema.hpp"
#include "talent/subject.hpp"

namespace talent {

class Engine {
 public:
  // Everything an engine holds. The texts are constant parts of the answers,
  // written once by the loader.
  struct Parts {
    std::map<std::string, SubjectSchema> subjects;  // "profile", "team"
    std::vector<PolicyPack> packs;
    std::string policies_json;       // the "policies" member of an assessment
    std::string team_policies_json;  // the same for a team check
    std::string describe_json;       // describe(), in UTF-8
    std::string version_json;        // version()
  };

  explicit Engine(Parts parts);
  // The engine in an image written by the loader (talent/loader.hpp);
  // nullopt with `error` set if the bytes are not a whole image.
  static std::optional<Engine> from_image(std::string_view bytes, std::string& error);

  Assessment assess(std::string_view profile) const;
  Assessment assess_team(std::string_view team) const;

  std::string evaluate(std::string_view profile) const;
  // The same answer, written into `buffer`, whose memory is reused: a caller
  // that answers many profiles keeps one buffer and allocates nothing for
  // it. Returns the answer, a view into `buffer` (whose size may be larger).
  std::string_view evaluate(std::string_view profile, std::string& buffer) const;
  std::string check_team(std::string_view team) const;
  // The answer to an input that is not text at all (from JavaScript, a value
  // that is neither a string nor UTF-8 bytes: a number, an object, a Proxy):
  // one invalid_type error, like any input of the wrong type.
  std::string not_text(bool team) const;
  std::string describe() const;
  std::string version() const;

  const Parts& parts() const { return parts_; }
  const std::vector<PolicyPack>& packs() const { return parts_.packs; }
  const SubjectSchema& subject(const std::string& name) const { return parts_.subjects.at(name); }

 private:
  Parts parts_;
  AnswerText text_;
  void derive_from_outcomes(const RecordSchema& schema, Subject& s) const;
};

// The engine with the packs compiled into this build.
const Engine* builtin_engine();
const std::string& builtin_load_error();

std::string evaluate(std::string_view profile);
std::string_view evaluate(std::string_view profile, std::string& buffer);
std::string check_team(std::string_view team);
std::string not_text(bool team);
std::string describe();
std::string version();

}  // namespace talent
