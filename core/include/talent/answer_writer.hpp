// Writes what the engine decided (assessment.hpp) as the contract's JSON.
// Nothing is decided here.
#pragma once
#include <string_view>

#include "talent/assessment.hpp"
#include "talent/json_writer.hpp"

namespace talent {

inline constexpr const char* kResultSchema = "talent-result/1";
inline constexpr const char* kTeamResultSchema = "talent-team-result/1";

// The members of one outcome (status, value, reasons, …) into the object `w`
// has open.
void write_outcome_members(const OutcomeAnswer& a, JsonWriter& w);

// An assessment (talent-result/1); `policies` is the constant "policies" member.
void write_assessment(const Assessment& a, std::string_view policies, JsonWriter& w);

// A team check (talent-team-result/1): its outcomes' members at the top.
void write_team_check(const Assessment& a, std::string_view policies, JsonWriter& w);

}  // namespace talent
