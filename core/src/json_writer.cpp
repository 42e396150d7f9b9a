#include "talent/json_writer.hpp"

#include "talent/datum.hpp"
#include "talent/utf8.hpp"

namespace talent {

namespace {
const char* const kHex = "0123456789abcdef";

template <class Sink>
void append_u_escape(Sink& out, unsigned unit) {
  const char escape[6] = {'\\', 'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15], kHex[unit & 15]};
  out.put(std::string_view(escape, 6));
}

// Lets the quoting below write to a std::string as to a JsonWriter.
struct StringSink {
  std::string& s;
  void put(char c) { s += c; }
  void put(std::string_view v) { s.append(v); }
};

// The UTF-8 sequence at s[i] as \u escapes (a surrogate pair above U+FFFF,
// U+FFFD for bytes that are not UTF-8); returns the bytes it took.
template <class Sink>
std::size_t escape_sequence(Sink& out, std::string_view s, std::size_t i) {
  char32_t cp = 0;
  const std::size_t n = utf8_decode(s, i, cp);
  if (n == 0) {
    append_u_escape(out, 0xFFFD);
    return 1;
  }
  if (cp >= 0x10000) {
    append_u_escape(out, 0xD800 + ((cp - 0x10000) >> 10));
    append_u_escape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    append_u_escape(out, cp);
  }
  return n;
}

// ASCII out: a browser turns ASCII from wasm memory into a JS string about
// fifteen times faster than UTF-8 (a 26 KB answer: 5 µs against 73 µs in
// Node 20), and JSON.parse gives back the same text either way.
template <class Sink>
void quote(Sink& out, std::string_view s) {
  out.put('"');
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') continue;
    out.put(s.substr(plain, i - plain));
    switch (c) {
      case '"': out.put("\\\""); break;
      case '\\': out.put("\\\\"); break;
      case '\b': out.put("\\b"); break;
      case '\f': out.put("\\f"); break;
      case '\n': out.put("\\n"); break;
      case '\r': out.put("\\r"); break;
      case '\t': out.put("\\t"); break;
      default:
        if (c < 0x80) {
          append_u_escape(out, c);
          break;
        }
        i += escape_sequence(out, s, i) - 1;
    }
    plain = i + 1;
  }
  out.put(s.substr(plain));
  out.put('"');
}

}  // namespace


void JsonWriter::string(std::string_view s) {
  element();
  quote(*this, s);
}

void JsonWriter::quoted(std::string_view s) { quote(*this, s); }

void append_ascii(std::string& text, std::string_view json) {
  StringSink out{text};
  std::size_t plain = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (static_cast<unsigned char>(json[i]) < 0x80) continue;
    out.put(json.substr(plain, i - plain));
    i += escape_sequence(out, json, i) - 1;
    plain = i + 1;
  }
  out.put(json.substr(plain));
}

std::string decimal(long long n) {
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  unsigned long long u = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  do *--p = static_cast<char>('0' + u % 10);
  while (u /= 10);
  if (n < 0) *--p = '-';
  return std::string(p, end);
}

std::string json_quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  StringSink sink{out};
  quote(sink, s);
  return out;
}


void JsonWriter::number(double x) {
  element();
  std::string text;
  write_number(text, x);
  put(text);
}

void JsonWriter::key(std::string_view k) {
  element();
  quote(*this, k);
  put(':');
  after_key_ = true;
}

void JsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  unsigned char& first = first_[depth_ - 1];
  if (!first) put(',');
  first = 0;
}

}  // namespace talent
