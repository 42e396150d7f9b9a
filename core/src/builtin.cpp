// The engine built from the packs compiled into this binary.
#include "talent/engine.hpp"
#include "talent/json.hpp"

namespace talent {

namespace builtin {
// Generated at build time by talent-packcheck from core/policies/.
extern const std::string_view subjects;
extern const std::vector<PackSource> packs;
}  // namespace builtin

namespace {
struct Builtin {
  LoadErrors errors;
  std::optional<Engine> engine;
  Builtin() { engine = Engine::load(builtin::subjects, builtin::packs, errors); }
};
const Builtin& builtin_state() {
  static const Builtin state;
  return state;
}
std::string unavailable() {
  Json answer = {{"schema", kResultSchema},
                 {"outcomes", Json::object()},
                 {"warnings", Json::array()},
                 {"errors", Json::array({{{"path", ""}, {"code", "engine_unavailable"},
                                          {"message", "the built-in policy packs did not load"}}})}};
  return to_text(answer);
}
}  // namespace

const Engine* builtin_engine() {
  const Builtin& b = builtin_state();
  return b.engine ? &*b.engine : nullptr;
}
const LoadErrors& builtin_load_errors() { return builtin_state().errors; }

std::string evaluate(std::string_view profile) {
  const Engine* e = builtin_engine();
  return e ? e->evaluate(profile) : unavailable();
}
std::string check_team(std::string_view team) {
  const Engine* e = builtin_engine();
  return e ? e->check_team(team) : unavailable();
}
std::string describe() {
  const Engine* e = builtin_engine();
  return e ? e->describe() : unavailable();
}
std::string version() {
  const Engine* e = builtin_engine();
  return e ? e->version() : unavailable();
}

}  // namespace talent
