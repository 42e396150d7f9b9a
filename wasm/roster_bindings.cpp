// The roster's two calls for JavaScript (talent/roster.hpp), in their own
// module (roster-engine.js, with the engine's calls of bindings.cpp), so
// that the doctor's page never downloads them. Data conversion only.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "talent/roster.hpp"

namespace {

using emscripten::val;

// The request and a batch of rows (plain text, see talent/roster.hpp),
// encoded by the browser's TextEncoder straight into wasm memory.
std::string request_bytes, rows_bytes;

std::string_view from_js(const val& text, std::string& buffer) {
  if (!text.isString()) return {};
  const std::size_t room = text["length"].as<std::size_t>() * 3;  // UTF-16 units: at most 3 bytes each
  if (buffer.size() < room) buffer.resize(room);
  static const val encoder = val::global("TextEncoder").new_();
  const val written = encoder.call<val>(
      "encodeInto", text, emscripten::typed_memory_view(room, reinterpret_cast<unsigned char*>(buffer.data())))["written"];
  return std::string_view(buffer.data(), written.as<std::size_t>());
}

val to_js(const std::string& json) {
  static const val decoder = val::global("TextDecoder").new_();
  return decoder.call<val>(
      "decode", emscripten::typed_memory_view(json.size(), reinterpret_cast<const unsigned char*>(json.data())));
}

val roster_template(const std::string& lang) { return to_js(talent::roster_template(lang)); }
val roster_check(const val& request, const val& rows) {
  return to_js(talent::roster_check(from_js(request, request_bytes), from_js(rows, rows_bytes)));
}

}  // namespace

EMSCRIPTEN_BINDINGS(talent_roster) {
  emscripten::function("rosterTemplate", &roster_template);
  emscripten::function("rosterCheck", &roster_check);
}
