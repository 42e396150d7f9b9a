// The engine's three values (met, unmet, incomplete: not enough facts) and
// the fourth, review: met, but only the deciding body can say so.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace talent {

enum class Truth : std::uint8_t { Unmet, Incomplete, Review, Met };

// Met or review: the condition holds as far as the facts go.
constexpr bool decided(Truth t) { return t == Truth::Met || t == Truth::Review; }

// all(): unmet if any is; else incomplete if any is; else review if any is; else met.
constexpr Truth all_of(Truth a, Truth b) { return a < b ? a : b; }

// The status word of an outcome in that truth (contract section 4).
std::string_view status_name(Truth t);

// The order in which a choice between alternatives prefers results.
// Default: met, then incomplete (more facts could still make it met), then
// review, then unmet.
using Preference = std::vector<Truth>;
const Preference& default_preference();
// Position of `t` in `pref`: lower is preferred.
int preference_rank(const Preference& pref, Truth t);

}  // namespace talent
