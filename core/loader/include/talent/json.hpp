// The one JSON type of the engine. Order-preserving, so that answers list
// outcomes, reasons and benefit fields in the order the packs declare them.
// Built with JSON_NOEXCEPTION (see core/CMakeLists.txt): every access must
// check types first; a call that would throw aborts instead.
#pragma once
#include <nlohmann/json.hpp>

#include "talent/json_writer.hpp"

namespace talent {
using Json = nlohmann::ordered_json;

// Serialise as ASCII (see quote() in json_writer.cpp), without ever
// throwing on invalid UTF-8.
inline std::string to_text(const Json& j) {
  return j.dump(-1, ' ', true, Json::error_handler_t::replace);
}

inline const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace talent
