// The engine's four calls for JavaScript: JSON text in, JSON text out.
// Data conversion only; every decision is made in core/.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "talent/engine.hpp"
#include "talent/subject.hpp"

namespace {

using emscripten::val;

// `buffer` made at least `n` bytes long. Buffers only grow: the memory of
// one call is reused by the next, with nothing to allocate or clear.
unsigned char* at_least(std::string& buffer, std::size_t n) {
  if (buffer.size() < n) buffer.resize(n);
  return reinterpret_cast<unsigned char*>(buffer.data());
}

// JSON text from JS, in `buffer`: a string, encoded by the browser's
// TextEncoder straight into wasm memory (embind's own std::string conversion
// walks the string in JS), or UTF-8 bytes in a genuine Uint8Array (not a
// Proxy of one, nor an object that only claims its prototype). Anything
// else is no text at all: nullopt.
std::optional<std::string_view> from_js(const val& text, std::string& buffer) {
  // Past the engine's input limit, a few bytes more than the limit are
  // enough for it to say too_large.
  constexpr std::size_t kEnough = talent::kMaxInputBytes + 4;
  static const val bytes_type = val::global("Uint8Array");
  static const val array_buffer = val::global("ArrayBuffer");
  if (text.isString()) {
    static const val encoder = val::global("TextEncoder").new_();
    // UTF-16 units become at most 3 bytes each.
    const std::size_t room = std::min<std::size_t>(text["length"].as<std::size_t>() * 3, kEnough);
    const val written =
        encoder.call<val>("encodeInto", text, emscripten::typed_memory_view(room, at_least(buffer, room)))["written"];
    return std::string_view(buffer.data(), written.as<std::size_t>());
  }
  if (!array_buffer.call<bool>("isView", text) || !text.instanceof(bytes_type)) return std::nullopt;
  // The typed arrays' own length and subarray, not whatever a subclass
  // put in their place.
  static const val typed_array = val::global("Object").call<val>("getPrototypeOf", bytes_type["prototype"]);
  static const val length_of = val::global("Reflect").call<val>("getOwnPropertyDescriptor", typed_array, val("length"))["get"];
  static const val subarray = typed_array["subarray"];
  const std::size_t n = std::min<std::size_t>(length_of.call<val>("call", text).as<std::size_t>(), kEnough);
  val(emscripten::typed_memory_view(n, at_least(buffer, n))).call<void>("set", subarray.call<val>("call", text, 0, n));
  return std::string_view(buffer.data(), n);
}

// The answer as a JS string, decoded by the browser's TextDecoder in one
// call. Answers are ASCII (see json_writer.cpp), its fastest case.
val to_js(std::string_view json) {
  static const val decoder = val::global("TextDecoder").new_();
  return decoder.call<val>(
      "decode", emscripten::typed_memory_view(json.size(), reinterpret_cast<const unsigned char*>(json.data())));
}

// One input buffer and one answer buffer for every call (JS calls one at a
// time).
std::string input, answer;

val evaluate(const val& profile) {
  const auto text = from_js(profile, input);
  return text ? to_js(talent::evaluate(*text, answer)) : to_js(talent::not_text(false));
}
val check_team(const val& team) {
  const auto text = from_js(team, input);
  return to_js(text ? talent::check_team(*text) : talent::not_text(true));
}
val describe() { return to_js(talent::describe()); }
val version() { return to_js(talent::version()); }

}  // namespace

EMSCRIPTEN_BINDINGS(talent_engine) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("checkTeam", &check_team);
  emscripten::function("describe", &describe);
  emscripten::function("version", &version);
}
