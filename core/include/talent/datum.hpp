// A JSON value as the engine keeps it at run time: input profiles, literal
// figures and parameter tables. The policy files are read with nlohmann/json
// at build time; the shipped engine keeps to this small tree, which spares
// the wasm module nlohmann's DOM, serializer, strtod and printf (half its code).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace talent {

class JsonWriter;

struct Datum {
  enum class Kind : unsigned char { Null, Boolean, Number, Text, Array, Object };
  Kind kind = Kind::Null;
  bool flag = false;
  double number = 0;
  std::string text;
  std::vector<Datum> items;                            // Array
  std::vector<std::pair<std::string, Datum>> members;  // Object, in input order

  // Its special members and factories are defined below the class: made
  // inside its own definition, they would need `members`' element type
  // (which holds a Datum) complete, and clang with libstdc++ says so.
  Datum();
  Datum(const Datum&);
  Datum(Datum&&) noexcept;
  Datum& operator=(const Datum&);
  Datum& operator=(Datum&&) noexcept;
  ~Datum();
  static Datum of(double x);
  static Datum of(bool b);
  static Datum of(std::string s);

  bool is_null() const { return kind == Kind::Null; }
  bool is_number() const { return kind == Kind::Number; }
  bool is_object() const { return kind == Kind::Object; }
  const Datum* find(std::string_view key) const;  // Object member, or nullptr
};

inline Datum::Datum() = default;
inline Datum::Datum(const Datum&) = default;
inline Datum::Datum(Datum&&) noexcept = default;
inline Datum& Datum::operator=(const Datum&) = default;
inline Datum& Datum::operator=(Datum&&) noexcept = default;
inline Datum::~Datum() = default;
inline Datum Datum::of(double x) { Datum d; d.kind = Kind::Number; d.number = x; return d; }
inline Datum Datum::of(bool b) { Datum d; d.kind = Kind::Boolean; d.flag = b; return d; }
inline Datum Datum::of(std::string s) { Datum d; d.kind = Kind::Text; d.text = std::move(s); return d; }

// Parses JSON text strictly (RFC 8259, UTF-8 checked, nothing after the
// value). False if it is not JSON.
bool parse_datum(std::string_view text, Datum& out);

// Numbers as the answers write them: whole numbers without a fraction,
// others with at most six decimals, the same on every platform.
void write_number(std::string& out, double x);
void write_datum(JsonWriter& w, const Datum& d);

}  // namespace talent
