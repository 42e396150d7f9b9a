// memcpy for the wasm module, in place of the libc one.
//
// Debian's prebuilt Emscripten libc copies word by word only when source and
// destination share their alignment modulo 4, and byte by byte otherwise.
// Writing an answer copies reason texts to whatever offset the answer has
// reached, so three copies in four took the byte path: an eighth of the time
// of an evaluation in Node. Unaligned 8-byte loads and stores are valid wasm
// and as fast as aligned ones on the machines that run it (x86-64, ARM64).
//
// Built with -fno-builtin and without LTO (wasm/CMakeLists.txt): the compiler
// must not turn the loops back into a call to memcpy, and the linker must see
// an ordinary definition that wins over libc's weak one.
#include <cstddef>
#include <cstdint>

namespace {

using unaligned_u64 = std::uint64_t __attribute__((aligned(1), may_alias));
using unaligned_u32 = std::uint32_t __attribute__((aligned(1), may_alias));

}  // namespace

extern "C" void* memcpy(void* __restrict dest, const void* __restrict src, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  const auto* s = static_cast<const unsigned char*>(src);
  for (; n >= 32; n -= 32, d += 32, s += 32) {
    const auto* from = reinterpret_cast<const unaligned_u64*>(s);
    auto* to = reinterpret_cast<unaligned_u64*>(d);
    const std::uint64_t a = from[0], b = from[1], c = from[2], e = from[3];
    to[0] = a, to[1] = b, to[2] = c, to[3] = e;
  }
  for (; n >= 8; n -= 8, d += 8, s += 8) *reinterpret_cast<unaligned_u64*>(d) = *reinterpret_cast<const unaligned_u64*>(s);
  if (n >= 4) {
    *reinterpret_cast<unaligned_u32*>(d) = *reinterpret_cast<const unaligned_u32*>(s);
    n -= 4, d += 4, s += 4;
  }
  while (n--) *d++ = *s++;
  return dest;
}
