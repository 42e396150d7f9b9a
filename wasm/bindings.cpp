// The engine's four calls for JavaScript: JSON text in, JSON text out.
// Data conversion only; every decision is made in core/.
#include <emscripten/bind.h>

#include <string>

#include "talent/engine.hpp"

namespace {
std::string evaluate(const std::string& profile) { return talent::evaluate(profile); }
std::string check_team(const std::string& team) { return talent::check_team(team); }
std::string describe() { return talent::describe(); }
std::string version() { return talent::version(); }
}  // namespace

EMSCRIPTEN_BINDINGS(talent_engine) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("checkTeam", &check_team);
  emscripten::function("describe", &describe);
  emscripten::function("version", &version);
}
