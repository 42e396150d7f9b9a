// Writes JSON text straight into a string. The answers are mostly constant
// text (clause ids, reason sentences) escaped once when the packs load, so
// writing an answer is little more than copying those fragments.
#pragma once
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>


namespace talent {

// `s` as a JSON string literal, quotes included (valid UTF-8 assumed: every
// string here has been through the JSON parser).
std::string json_quoted(std::string_view s);
// One reference token of a JSON pointer (RFC 6901).
inline std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// An integer in decimal (std::to_string would bring printf into the wasm module).
std::string decimal(long long n);
// A JSON text with its non-ASCII characters written as \u escapes.
void append_ascii(std::string& out, std::string_view json);

class JsonWriter {
 public:
  JsonWriter() = default;
  // Writes into the memory of `storage` (see finish()).
  explicit JsonWriter(std::string storage) : out_(std::move(storage)) {}
  // data_ points into out_.
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // The text written so far; the writer is done with it after this.
  std::string take() {
    out_.resize(len_);
    return std::move(out_);
  }
  // The text written so far, left at the start of `storage` (which keeps
  // its larger size, so that the next writer given it need not clear it
  // again); the writer is done with it after this.
  std::string_view finish(std::string& storage) {
    storage = std::move(out_);
    return std::string_view(storage.data(), len_);
  }
  void reserve(std::size_t n) {
    if (room_ < n) resize(n);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k);
  void string(std::string_view s);
  // A key or string written in the code, which needs no escaping.
  template <std::size_t N>
  void key(const char (&k)[N]) {
    element();
    put('"');
    put(std::string_view(k, N - 1));
    put("\":");
    after_key_ = true;
  }
  void boolean(bool b) { element(), put(b ? std::string_view("true") : std::string_view("false")); }
  void null() { element(), put("null"); }
  void number(double x);
  void raw(std::string_view json) { element(), put(json); }

  // A quoted, escaped string after whatever was written last (no comma).
  void quoted(std::string_view s);
  // Text as it is, after whatever was written last (no comma).
  void put(char c) {
    if (len_ == room_) grow(1);
    data_[len_++] = c;
  }
  void put(std::string_view s) {
    if (room_ - len_ < s.size()) grow(s.size());
    std::memcpy(data_ + len_, s.data(), s.size());
    len_ += s.size();
  }

 private:
  // Bytes are written into a string kept at its full size, through a plain
  // pointer: std::string's own append and push_back are calls, not inlined,
  // in the wasm build, and even its size() and operator[] first test which
  // of its two layouts (short or long) it is in.
  std::string out_;
  char* data_ = out_.data();
  std::size_t room_ = out_.size();  // bytes at data_
  std::size_t len_ = 0;             // of them written
  // Per open container, outermost first: 1 while nothing is written in it.
  // Entries past depth_ are left over from closed containers, for reuse.
  std::vector<unsigned char> first_;
  std::size_t depth_ = 0;
  bool after_key_ = false;
  void resize(std::size_t n) {
    out_.resize(n);
    data_ = out_.data();
    room_ = n;
  }
  void grow(std::size_t n) { resize(std::max(room_ * 2, room_ + n + 1024)); }
  void element();
  void open(char c) {
    element();
    put(c);
    if (depth_ == first_.size()) first_.push_back(1);
    else first_[depth_] = 1;
    ++depth_;
  }
  void close(char c) {
    put(c);
    --depth_;
  }
};

}  // namespace talent
