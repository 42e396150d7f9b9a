// Start-up of the shipped engine: the engine image read back. Runs once, so
// it is built for size in wasm (core/CMakeLists.txt); it lives apart from
// the code that answers, which must not share its size-optimised inline code.
#include "talent/engine.hpp"
#include "talent/evaluator.hpp"
#include "image_io.hpp"

namespace talent {

std::optional<Engine> Engine::from_image(std::string_view bytes, std::string& error) {
  image::Reader r(bytes);
  std::uint32_t magic = 0;
  image::io(r, magic);
  if (magic != image::kMagic) {
    error = "not an engine image";
    return std::nullopt;
  }
  Engine e;
  image::io(r, e.subjects_);
  image::io(r, e.packs_);
  for (std::string* text : {&e.policies_text_, &e.team_policies_text_, &e.describe_text_, &e.version_text_}) image::io(r, *text);
  if (r.failed || !r.done() || !e.subjects_.count("profile") || !e.subjects_.count("team")) {
    error = "the engine image is damaged";
    return std::nullopt;
  }
  for (PolicyPack& p : e.packs_) prepare_reasons(p);
  return e;
}

}  // namespace talent
