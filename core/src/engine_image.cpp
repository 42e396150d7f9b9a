// Start-up of the shipped engine: the engine image read back. Runs once, so
// it is built for size in wasm (core/CMakeLists.txt); it lives apart from
// the code that answers, which must not share its size-optimised inline code.
#include "image_io.hpp"
#include "talent/engine.hpp"

namespace talent {

std::optional<Engine> Engine::from_image(std::string_view bytes, std::string& error) {
  image::Reader r(bytes);
  std::uint32_t magic = 0;
  image::io(r, magic);
  if (magic != image::kMagic) {
    error = "not an engine image";
    return std::nullopt;
  }
  Parts parts;
  image::io(r, parts);
  if (r.failed || !r.done() || !parts.subjects.count("profile") || !parts.subjects.count("team")) {
    error = "the engine image is damaged";
    return std::nullopt;
  }
  return Engine(std::move(parts));
}

}  // namespace talent
