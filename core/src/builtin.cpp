// The engine built from the packs compiled into this binary.
#include "talent/answer_writer.hpp"
#include "talent/engine.hpp"

namespace talent {

namespace builtin {
// Generated at build time by talent-packcheck from core/policies/: the
// checked packs as an engine image.
extern const unsigned char image[];
extern const std::size_t image_size;
}  // namespace builtin

namespace {
struct Builtin {
  std::string error;
  std::optional<Engine> engine;
  Builtin() {
    engine = Engine::from_image(std::string_view(reinterpret_cast<const char*>(builtin::image), builtin::image_size), error);
  }
};
const Builtin& builtin_state() {
  static const Builtin state;
  return state;
}
std::string unavailable() {
  return std::string("{\"schema\":\"") + kResultSchema +
         "\",\"outcomes\":{},\"warnings\":[],\"errors\":[{\"path\":\"\",\"code\":\"engine_unavailable\","
         "\"message\":\"the built-in policy image did not load\"}]}";
}
}  // namespace

const Engine* builtin_engine() {
  const Builtin& b = builtin_state();
  return b.engine ? &*b.engine : nullptr;
}
const std::string& builtin_load_error() { return builtin_state().error; }

std::string evaluate(std::string_view profile) {
  const Engine* e = builtin_engine();
  return e ? e->evaluate(profile) : unavailable();
}
std::string_view evaluate(std::string_view profile, std::string& buffer) {
  const Engine* e = builtin_engine();
  if (e) return e->evaluate(profile, buffer);
  buffer = unavailable();
  return buffer;
}
std::string check_team(std::string_view team) {
  const Engine* e = builtin_engine();
  return e ? e->check_team(team) : unavailable();
}
std::string not_text(bool team) {
  const Engine* e = builtin_engine();
  return e ? e->not_text(team) : unavailable();
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
