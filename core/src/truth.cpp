#include "talent/truth.hpp"

namespace talent {

std::string_view status_name(Truth t) {
  switch (t) {
    case Truth::Met: return "eligible";
    case Truth::Review: return "review";
    case Truth::Incomplete: return "incomplete";
    default: return "ineligible";
  }
}

const Preference& default_preference() {
  static const Preference p = {Truth::Met, Truth::Incomplete, Truth::Review, Truth::Unmet};
  return p;
}

int preference_rank(const Preference& pref, Truth t) {
  for (std::size_t i = 0; i < pref.size(); ++i)
    if (pref[i] == t) return static_cast<int>(i);
  return static_cast<int>(pref.size());
}

}  // namespace talent
