// The engine's four calls for JavaScript: JSON text in, JSON text out.
// Data conversion only; every decision is made in core/.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "talent/engine.hpp"

namespace {

// The answer as a JS string, decoded by the browser's TextDecoder in one
// call (embind's own std::string conversion walks the bytes in JavaScript,
// which costs more than the evaluation for a 20 KB answer).
emscripten::val to_js(const std::string& json) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
  return decoder.call<emscripten::val>(
      "decode", emscripten::typed_memory_view(json.size(), reinterpret_cast<const unsigned char*>(json.data())));
}

emscripten::val evaluate(const std::string& profile) { return to_js(talent::evaluate(profile)); }
emscripten::val check_team(const std::string& team) { return to_js(talent::check_team(team)); }
emscripten::val describe() { return to_js(talent::describe()); }
emscripten::val version() { return to_js(talent::version()); }

}  // namespace

EMSCRIPTEN_BINDINGS(talent_engine) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("checkTeam", &check_team);
  emscripten::function("describe", &describe);
  emscripten::function("version", &version);
}
