#include "talent/datum.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "talent/json_writer.hpp"
#include "talent/utf8.hpp"

namespace talent {

const Datum* Datum::find(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

namespace {

// A strict RFC 8259 parser (UTF-8 checked, no extensions). The shipped
// engine parses profiles with it rather than with nlohmann/json's lexer,
// whose strtod and printf make up a fifth of the wasm module; the unit
// tests hold it to nlohmann's verdict on every input they generate.
class DatumParser {
 public:
  explicit DatumParser(std::string_view s) : s_(s) {}

  bool document(Datum& out) {
    space();
    if (!value(out, 0)) return false;
    space();
    return i_ == s_.size();
  }

 private:
  static constexpr int kDeepest = 512;  // callers refuse deeper input earlier; this only guards the stack
  std::string_view s_;
  std::size_t i_ = 0;

  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }

  bool value(Datum& out, int depth) {
    if (depth > kDeepest || i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': out.kind = Datum::Kind::Text; return string(out.text);
      case 't': out = Datum::of(true); return word("true");
      case 'f': out = Datum::of(false); return word("false");
      case 'n': out = Datum{}; return word("null");
      default: out.kind = Datum::Kind::Number; return number(out.number);
    }
  }

  bool object(Datum& out, int depth) {
    out.kind = Datum::Kind::Object;
    out.members.reserve(8);
    ++i_;
    space();
    if (at('}')) return ++i_, true;
    for (;;) {
      std::string key;
      if (!at('"') || !string(key)) return false;
      space();
      if (!at(':')) return false;
      ++i_;
      space();
      Datum v;
      if (!value(v, depth + 1)) return false;
      // A repeated key keeps the last value, where the first one stood.
      Datum* slot = nullptr;
      for (auto& [k, existing] : out.members)
        if (k == key) slot = &existing;
      if (slot) *slot = std::move(v);
      else out.members.emplace_back(std::move(key), std::move(v));
      space();
      if (at('}')) return ++i_, true;
      if (!at(',')) return false;
      ++i_;
      space();
    }
  }

  bool array(Datum& out, int depth) {
    out.kind = Datum::Kind::Array;
    ++i_;
    space();
    if (at(']')) return ++i_, true;
    for (;;) {
      if (!value(out.items.emplace_back(), depth + 1)) return false;
      space();
      if (at(']')) return ++i_, true;
      if (!at(',')) return false;
      ++i_;
      space();
    }
  }

  bool hex4(unsigned& out) {
    if (s_.size() - i_ < 4) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<unsigned>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  bool string(std::string& out) {
    ++i_;  // the opening quote
    for (;;) {
      if (i_ >= s_.size()) return false;
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c >= 0x80) {  // one well-formed UTF-8 sequence, copied
        char32_t cp;
        const std::size_t n = utf8_decode(s_, i_, cp);
        if (n == 0) return false;
        out.append(s_, i_, n);
        i_ += n;
        continue;
      }
      if (c != '\\') {  // a run of plain ASCII, copied at once
        const std::size_t start = i_;
        while (i_ < s_.size()) {
          const unsigned char r = static_cast<unsigned char>(s_[i_]);
          if (r < 0x20 || r >= 0x80 || r == '"' || r == '\\') break;
          ++i_;
        }
        out.append(s_, start, i_ - start);
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low;
            if (!word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8_append(out, cp);
          break;
        }
        default: return false;
      }
    }
  }

  bool digit() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }

  // Decimal to double. Exact (correctly rounded) for up to 15 significant
  // digits and powers of ten up to 22, which covers every figure a profile
  // holds; beyond that a close approximation, the same on every platform.
  bool number(double& out) {
    const bool negative = at('-');
    if (negative) ++i_;
    if (!digit()) return false;
    std::uint64_t mantissa = 0;
    int digits = 0, exponent = 0;
    auto take = [&](bool fraction) {
      const int d = s_[i_++] - '0';
      if (digits < 18) {
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(d);
        if (mantissa) ++digits;
        if (fraction) --exponent;
      } else if (!fraction) {
        ++exponent;
      }
    };
    if (at('0')) ++i_;
    else
      while (digit()) take(false);
    if (at('.')) {
      ++i_;
      if (!digit()) return false;
      while (digit()) take(true);
    }
    if (at('e') || at('E')) {
      ++i_;
      const bool minus = at('-');
      if (at('+') || at('-')) ++i_;
      if (!digit()) return false;
      int e = 0;
      while (digit()) e = std::min(e * 10 + (s_[i_++] - '0'), 100000);
      exponent += minus ? -e : e;
    }
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double x = static_cast<double>(mantissa);
    if (mantissa != 0) {
      int e = exponent;  // |e| is at most about 100,018: a few thousand steps at worst
      while (e > 22) x *= 1e22, e -= 22;
      while (e < -22) x /= 1e22, e += 22;
      x = e >= 0 ? x * kPowers[e] : x / kPowers[-e];
    }
    // 1e400 is JSON, too large for a double: it reads as infinity, which the
    // profile reader refuses as out_of_range (contract 7.1).
    out = negative ? -x : x;
    return true;
  }
};

}  // namespace

bool parse_datum(std::string_view text, Datum& out) {
  out = Datum{};
  return DatumParser(text).document(out);
}

namespace {
// |x| >= 1e18 as "1.23457e+20": found with IEEE division and multiplication
// only (correctly rounded on every platform), never log10 (a library's own),
// so that native and wasm write the same; a cast to an integer past 2^63
// would be undefined behaviour.
void write_large(std::string& out, double x) {
  if (x < 0) out += '-';
  double m = std::fabs(x);
  int exponent = 0;
  while (m >= 10) m /= 10, ++exponent;
  long long digits = std::llround(m * 1e5);  // 100000 ..1000000
  if (digits >= 1000000) digits /= 10, ++exponent;
  std::string text = decimal(digits);
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  out += text[0];
  if (text.size() > 1) out += '.', out.append(text, 1, std::string::npos);
  out += "e+";
  out += decimal(exponent);
}
}  // namespace

void write_number(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  if (std::fabs(x) >= 1e18) {  // beyond a long long's reach: six significant digits and an exponent
    write_large(out, x);
    return;
  }
  const double scaled = std::round(x * 1e6);
  if (std::fabs(scaled) >= 9e15) {  // beyond exact fractions: whole part only
    out += decimal(static_cast<long long>(std::round(x)));
    return;
  }
  const long long micro = static_cast<long long>(scaled);
  const long long whole = micro / 1000000;
  long long fraction = micro % 1000000;
  if (micro < 0 && whole == 0) out += '-';
  out += decimal(whole);
  if (fraction == 0) return;
  if (fraction < 0) fraction = -fraction;
  std::string digits = decimal(fraction);
  digits.insert(0, 6 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  out += '.';
  out += digits;
}

void write_datum(JsonWriter& w, const Datum& d) {
  switch (d.kind) {
    case Datum::Kind::Null: w.null(); return;
    case Datum::Kind::Boolean: w.boolean(d.flag); return;
    case Datum::Kind::Number: w.number(d.number); return;
    case Datum::Kind::Text: w.string(d.text); return;
    case Datum::Kind::Array:
      w.begin_array();
      for (const Datum& item : d.items) write_datum(w, item);
      w.end_array();
      return;
    case Datum::Kind::Object:
      w.begin_object();
      for (const auto& [k, v] : d.members) {
        w.key(k);
        write_datum(w, v);
      }
      w.end_object();
      return;
  }
}

}  // namespace talent
