// Benefit figures: evaluation of the pack's expressions (see policy_pack.hpp).
#pragma once
#include <optional>

#include "talent/policy_pack.hpp"

namespace talent {

struct ExprContext {
  const PolicyPack& pack;
  const RecordSchema* schema;
  const Record* record;
  const Bindings& bindings;
  const std::vector<std::optional<Datum>>* fields;  // earlier fields of the benefit
};

// Unknown (a figure the profile does not give) is nullopt.
std::optional<Datum> evaluate_expr(const Expr& e, const ExprContext& ctx);

}  // namespace talent
