// Evaluates a pack's outcomes for one subject and writes them as the
// contract's outcome objects (status, value, reasons, priority, benefits).
#pragma once
#include "talent/json_writer.hpp"
#include "talent/policy_pack.hpp"
#include "talent/subject.hpp"

namespace talent {

std::string_view status_name(Truth t);

// Writes each reported condition's reason as JSON once, so that answers copy
// it (see Condition::reason_head); conditions that read the same share an id.
void prepare_reasons(PolicyPack& pack);

// Writes one member per outcome of `outcomes` (a pack's outcomes or its team
// checks) into the object `w` has open. An outcome marked benefits_at_top
// writes its fields into that object itself.
void write_outcomes(const PolicyPack& pack, const std::vector<Outcome>& outcomes, const RecordSchema& schema,
                    const Record& record, JsonWriter& w);

}  // namespace talent
