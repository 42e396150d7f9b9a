// Standard input as UTF-8, whatever a spreadsheet saved: UTF-8 as it is, or
// GBK/GB18030 (what Excel and WPS write as "CSV" on Chinese Windows),
// converted by the C library's iconv. Which one is decided on the first
// 64 KB, without asking: text that is not UTF-8 there is read as GB18030
// (a superset of GBK). Native only (the browser decodes with TextDecoder).
#pragma once
#include <iconv.h>

#include <cerrno>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>

#include "talent/utf8.hpp"

namespace talent {

class Gb18030Input : public std::streambuf {
 public:
  explicit Gb18030Input(std::istream& in) : in_(in) {}
  ~Gb18030Input() override {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  Gb18030Input(const Gb18030Input&) = delete;
  Gb18030Input& operator=(const Gb18030Input&) = delete;

  bool converted() const { return convert_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!fill()) return traits_type::eof();
    setg(out_.data(), out_.data(), out_.data() + out_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::istream& in_;
  std::string raw_, out_;  // bytes read and not yet converted; bytes handed on
  bool decided_ = false, convert_ = false;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);

  // UTF-8 throughout, but for a sequence cut off at the end of the chunk.
  static bool is_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      char32_t cp;
      const std::size_t n = utf8_decode(s, i, cp);
      if (n) {
        i += n;
        continue;
      }
      return s.size() - i < 4 && static_cast<unsigned char>(s[i]) >= 0xC2;
    }
    return true;
  }

  bool fill() {
    char chunk[kChunk];
    in_.read(chunk, kChunk);
    const auto got = static_cast<std::size_t>(in_.gcount());
    raw_.append(chunk, got);
    if (!decided_) {
      decided_ = true;
      convert_ = !is_utf8(raw_);
      if (convert_) cd_ = iconv_open("UTF-8", "GB18030");
      if (convert_ && cd_ == reinterpret_cast<iconv_t>(-1)) convert_ = false;  // no converter: the bytes as they are
    }
    out_.clear();
    if (!convert_) {
      out_.swap(raw_);
      return !out_.empty();
    }
    out_.resize(raw_.size() * 2 + 16);
    char* from = raw_.data();
    std::size_t from_left = raw_.size();
    char* to = out_.data();
    std::size_t to_left = out_.size();
    while (from_left) {
      if (iconv(cd_, &from, &from_left, &to, &to_left) != static_cast<std::size_t>(-1)) break;
      if (errno == EINVAL && got) break;  // a character cut at the chunk's end: finish it next time
      if (errno == E2BIG) break;          // cannot happen: GB18030 never more than doubles
      // A byte that is not GB18030: U+FFFD, then on.
      ++from, --from_left;
      if (to_left < 3) break;
      *to++ = '\xEF', *to++ = '\xBF', *to++ = '\xBD', to_left -= 3;
    }
    out_.resize(out_.size() - to_left);
    raw_.erase(0, raw_.size() - from_left);
    return !out_.empty() || (got && fill());
  }
};

}  // namespace talent
