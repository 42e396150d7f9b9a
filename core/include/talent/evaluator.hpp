// Evaluates a pack's outcomes (or its team checks) for one subject: every
// decision of the answer, as plain values (assessment.hpp).
#pragma once
#include <vector>

#include "talent/assessment.hpp"
#include "talent/policy_pack.hpp"
#include "talent/schema.hpp"
#include "talent/subject.hpp"

namespace talent {

// Appends one answer per outcome of `outcomes` (a pack's outcomes or its
// team checks) to `out`.
void evaluate_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                       const Record& record, std::vector<OutcomeAnswer>& out);

}  // namespace talent
