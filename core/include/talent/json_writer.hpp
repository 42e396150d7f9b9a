// Writes JSON text straight into a string. The answers are mostly constant
// text (clause ids, reason sentences) escaped once when the packs load, so
// writing an answer is little more than copying those fragments.
#pragma once
#include <string>
#include <string_view>


namespace talent {

// `s` as a JSON string literal, quotes included (valid UTF-8 assumed: every
// string here has been through the JSON parser).
std::string json_quoted(std::string_view s);
void append_quoted(std::string& out, std::string_view s);
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
  std::string& text() { return out_; }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k);
  void string(std::string_view s) { element(); append_quoted(out_, s); }
  void boolean(bool b) { element(); out_ += b ? "true" : "false"; }
  void null() { element(); out_ += "null"; }
  void number(double x);
  void raw(std::string_view json) { element(); out_ += json; }

 private:
  std::string out_;
  std::string first_;  // per open container, '1' while nothing is written in it (a string: no allocation for shallow answers)
  bool after_key_ = false;
  void element();
  void open(char c) {
    element();
    out_ += c;
    first_ += '1';
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
};

}  // namespace talent
