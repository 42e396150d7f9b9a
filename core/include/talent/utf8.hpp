// UTF-8, the one decoder: the profile reader checks input with it, the
// answer writer escapes with it, the loader compares document text with it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace talent {

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), its code point in
// `cp`; 0 if there is none there.
inline std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (i >= s.size()) return 0;
  const unsigned char c = b(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (s.size() - i < n || b(1) < lo || b(1) > hi) return 0;
  cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  return n;
}

// Appends code point `cp` (not a surrogate, at most U+10FFFF) as UTF-8.
inline void utf8_append(std::string& out, char32_t cp) {
  const auto byte = [&](char32_t x) { out += static_cast<char>(x); };
  if (cp < 0x80) byte(cp);
  else if (cp < 0x800) byte(0xC0 | (cp >> 6)), byte(0x80 | (cp & 0x3F));
  else if (cp < 0x10000) byte(0xE0 | (cp >> 12)), byte(0x80 | ((cp >> 6) & 0x3F)), byte(0x80 | (cp & 0x3F));
  else
    byte(0xF0 | (cp >> 18)), byte(0x80 | ((cp >> 12) & 0x3F)), byte(0x80 | ((cp >> 6) & 0x3F)), byte(0x80 | (cp & 0x3F));
}

}  // namespace talent
