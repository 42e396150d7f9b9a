// Writes what the engine decided (assessment.hpp) as the contract's JSON.
// Nothing is decided here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "talent/assessment.hpp"
#include "talent/json_writer.hpp"

namespace talent {

inline constexpr const char* kResultSchema = "talent-result/1";
inline constexpr const char* kTeamResultSchema = "talent-team-result/1";

// What every answer repeats, written as JSON once when the engine starts:
// the "policies" member, and each reason of the packs, which an answer copies
// (about two hundred of them; escaping them anew each time would double the
// time an answer takes).
class AnswerText {
 public:
  AnswerText(const std::vector<PolicyPack>& packs, std::string policies, std::string team_policies);

  std::string_view policies() const { return policies_; }
  std::string_view team_policies() const { return team_policies_; }
  // The reason's JSON before its "met" value, and after it.
  std::string_view head(const ReasonText& r) const { return fragments(r).head; }
  std::string_view tail(const ReasonText& r) const { return fragments(r).tail; }

 private:
  struct Fragments {
    std::string head, tail;
  };
  struct PackText {
    const ReasonText* first = nullptr;  // the pack's reason table
    std::vector<Fragments> reasons;     // in its order
  };
  std::vector<PackText> packs_;
  std::string policies_, team_policies_;
  const Fragments& fragments(const ReasonText& r) const;
};

// The members of one outcome (status, value, reasons, …) into the object `w`
// has open.
void write_outcome_members(const OutcomeAnswer& a, const AnswerText& text, JsonWriter& w);

// An assessment (talent-result/1).
void write_assessment(const Assessment& a, const AnswerText& text, JsonWriter& w);

// A team check (talent-team-result/1): its outcomes' members at the top.
void write_team_check(const Assessment& a, const AnswerText& text, JsonWriter& w);

}  // namespace talent
