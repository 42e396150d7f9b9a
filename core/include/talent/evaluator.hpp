// Evaluates a pack's outcomes for one subject and writes them as the
// contract's outcome objects (status, value, reasons, priority, benefits).
#pragma once
#include "talent/policy_pack.hpp"
#include "talent/subject.hpp"

namespace talent {

const char* status_name(Truth t);

// Adds one member per outcome of `outcomes` (a pack's outcomes or team
// checks) to `out`. With `flat`, a single outcome's fields go to `out` itself.
void evaluate_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                       const Record& record, Json& out);

// One reason as the answer shows it.
Json reason_json(const Reason& r);

}  // namespace talent
