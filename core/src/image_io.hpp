// The engine's compiled form: every struct the engine holds, listed once
// here field by field, and used both to write the image (the loader, at
// build time) and to read it back (the engine, at start-up).
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "talent/engine.hpp"

namespace talent::image {

using EngineParts = Engine::Parts;

inline constexpr std::uint32_t kMagic = 0x54434b32;  // "TCK2"

class Writer {
 public:
  std::string out;
  std::map<std::string, std::uint64_t> strings;  // each distinct string is written once
  void varint(std::uint64_t v) {
    while (v >= 0x80) out += static_cast<char>((v & 0x7F) | 0x80), v >>= 7;
    out += static_cast<char>(v);
  }
  void bytes(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool failed = false;
  bool done() const { return pos_ == in_.size(); }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail(), 0;
      const auto b = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    return fail(), 0;
  }
  bool bytes(void* p, std::size_t n) {
    if (n > in_.size() - pos_) return fail(), false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::size_t remaining() const { return in_.size() - pos_; }
  std::vector<std::string> strings;  // read so far, for back-references
  // The image is damaged: nothing more is read.
  void fail() {
    failed = true;
    pos_ = in_.size();
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

// The structs, declared before the container templates that hold them.
#define TALENT_IMAGE_DECLARE(Type) \
  void io(Writer& w, const Type& v); \
  void io(Reader& r, Type& v);
TALENT_IMAGE_DECLARE(Text)
TALENT_IMAGE_DECLARE(ReasonText)
TALENT_IMAGE_DECLARE(Datum)
TALENT_IMAGE_DECLARE(Date)
TALENT_IMAGE_DECLARE(Condition)
TALENT_IMAGE_DECLARE(Expr)
TALENT_IMAGE_DECLARE(Parameter)
TALENT_IMAGE_DECLARE(Benefit)
TALENT_IMAGE_DECLARE(Obligation)
TALENT_IMAGE_DECLARE(PackWarning)
TALENT_IMAGE_DECLARE(Route)
TALENT_IMAGE_DECLARE(Outcome)
TALENT_IMAGE_DECLARE(PolicyPack)
TALENT_IMAGE_DECLARE(Derivation)
TALENT_IMAGE_DECLARE(FieldSpec)
TALENT_IMAGE_DECLARE(RecordSchema)
TALENT_IMAGE_DECLARE(SubjectSchema)
TALENT_IMAGE_DECLARE(EngineParts)
#undef TALENT_IMAGE_DECLARE

// ---- scalars and containers ----

template <class T>
  requires(std::is_integral_v<T> || std::is_enum_v<T>)
void io(Writer& w, const T& v) {
  const auto x = static_cast<std::int64_t>(v);
  w.varint((static_cast<std::uint64_t>(x) << 1) ^ static_cast<std::uint64_t>(x >> 63));
}
template <class T>
  requires(std::is_integral_v<T> || std::is_enum_v<T>)
void io(Reader& r, T& v) {
  const std::uint64_t z = r.varint();
  v = static_cast<T>(static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)));
}
inline void io(Writer& w, const double& v) { w.bytes(&v, sizeof v); }
inline void io(Reader& r, double& v) { r.bytes(&v, sizeof v); }
// A string is 0, its length and its bytes the first time, and 1 + its
// number afterwards: the packs repeat many texts (a definition used by six
// outcomes carries its reasons six times).
inline void io(Writer& w, const std::string& s) {
  auto [it, fresh] = w.strings.emplace(s, w.strings.size());
  if (!fresh) return w.varint(it->second + 1);
  w.varint(0);
  w.varint(s.size());
  w.bytes(s.data(), s.size());
}
inline void io(Reader& r, std::string& s) {
  const std::uint64_t tag = r.varint();
  if (tag > 0) {
    if (tag > r.strings.size()) return r.fail();
    s = r.strings[tag - 1];
    return;
  }
  const std::uint64_t n = r.varint();
  if (n > r.remaining()) return r.fail();
  s.resize(n);
  r.bytes(s.data(), n);
  r.strings.push_back(s);
}
template <class T> void io(Writer& w, const std::vector<T>& v) {
  w.varint(v.size());
  for (const T& x : v) io(w, x);
}
template <class T> void io(Reader& r, std::vector<T>& v) {
  const std::uint64_t n = r.varint();
  if (n > r.remaining()) return r.fail();  // every element takes a byte
  v.resize(n);
  for (T& x : v) io(r, x);
}
template <class A, class B> void io(Writer& w, const std::pair<A, B>& p) { io(w, p.first), io(w, p.second); }
template <class A, class B> void io(Reader& r, std::pair<A, B>& p) { io(r, p.first), io(r, p.second); }
template <class T> void io(Writer& w, const std::optional<T>& o) {
  io(w, o.has_value());
  if (o) io(w, *o);
}
template <class T> void io(Reader& r, std::optional<T>& o) {
  bool has = false;
  io(r, has);
  if (has) io(r, o.emplace());
}
template <class K, class V, class C> void io(Writer& w, const std::map<K, V, C>& m) {
  w.varint(m.size());
  for (const auto& [k, v] : m) io(w, k), io(w, v);
}
template <class K, class V, class C> void io(Reader& r, std::map<K, V, C>& m) {
  const std::uint64_t n = r.varint();
  for (std::uint64_t i = 0; i < n && !r.failed; ++i) {
    K k;
    io(r, k);
    io(r, m[k]);
  }
}
template <class T> void io(Writer& w, const std::shared_ptr<T>& p) {
  io(w, p != nullptr);
  if (p) io(w, *p);
}
template <class T> void io(Reader& r, std::shared_ptr<T>& p) {
  bool has = false;
  io(r, has);
  if (has) io(r, *(p = std::make_shared<T>()));
}

// ---- the engine's structs: each field list written once, for both directions ----

#define TALENT_IMAGE_STRUCT(Type, ...)                              \
  template <class A, class T>                                       \
  void io_##Type(A& a, T& v) {                                      \
    __VA_ARGS__                                                     \
  }                                                                 \
  inline void io(Writer& w, const Type& v) { io_##Type(w, v); }     \
  inline void io(Reader& r, Type& v) { io_##Type(r, v); }

TALENT_IMAGE_STRUCT(Text, io(a, v.zh); io(a, v.en);)
TALENT_IMAGE_STRUCT(ReasonText, io(a, v.clause); io(a, v.text); io(a, v.in_principle);)
TALENT_IMAGE_STRUCT(Datum, io(a, v.kind); io(a, v.flag); io(a, v.number); io(a, v.text); io(a, v.items); io(a, v.members);)
TALENT_IMAGE_STRUCT(Date, io(a, v.year); io(a, v.month); io(a, v.day);)
TALENT_IMAGE_STRUCT(Condition,
  io(a, v.kind); io(a, v.children); io(a, v.field); io(a, v.op); io(a, v.numbers); io(a, v.strings);
  io(a, v.outcome); io(a, v.bind); io(a, v.bound); io(a, v.reason); io(a, v.review_when_met);)
TALENT_IMAGE_STRUCT(Expr,
  io(a, v.kind); io(a, v.literal); io(a, v.index); io(a, v.bound); io(a, v.args); io(a, v.keys);
  io(a, v.has_unknown_branch);)
TALENT_IMAGE_STRUCT(Parameter, io(a, v.id); io(a, v.clause); io(a, v.unit); io(a, v.by); io(a, v.values);)
TALENT_IMAGE_STRUCT(Benefit, io(a, v.id); io(a, v.clause); io(a, v.when); io(a, v.fields); io(a, v.value);)
TALENT_IMAGE_STRUCT(Obligation,
  io(a, v.id); io(a, v.kind); io(a, v.clause); io(a, v.text); io(a, v.text_unknown); io(a, v.when); io(a, v.fields);)
TALENT_IMAGE_STRUCT(PackWarning, io(a, v.code); io(a, v.clause); io(a, v.message); io(a, v.from);)
TALENT_IMAGE_STRUCT(Route,
  io(a, v.id); io(a, v.clause); io(a, v.when); io(a, v.value); io(a, v.value_bound); io(a, v.bind); io(a, v.benefits);
  io(a, v.obligations); io(a, v.closest);)
TALENT_IMAGE_STRUCT(Outcome,
  io(a, v.id); io(a, v.required); io(a, v.routes); io(a, v.preference); io(a, v.priority);
  io(a, v.notes); io(a, v.benefits); io(a, v.obligations); io(a, v.selection); io(a, v.closest_key);
  io(a, v.under_review); io(a, v.benefits_at_top);)
TALENT_IMAGE_STRUCT(PolicyPack,
  io(a, v.id); io(a, v.version); io(a, v.source); io(a, v.title); io(a, v.in_force_from); io(a, v.in_force_to);
  io(a, v.warnings); io(a, v.reasons); io(a, v.parameters); io(a, v.outcomes); io(a, v.team_checks);)
TALENT_IMAGE_STRUCT(Derivation, io(a, v.kind); io(a, v.from); io(a, v.on); io(a, v.of); io(a, v.otherwise);)
TALENT_IMAGE_STRUCT(FieldSpec,
  io(a, v.path); io(a, v.type); io(a, v.values); io(a, v.ordered); io(a, v.min); io(a, v.max); io(a, v.above);
  io(a, v.item); io(a, v.subject); io(a, v.derive); io(a, v.default_today); io(a, v.max_length); io(a, v.max_items);
  io(a, v.absent_means_none);)
TALENT_IMAGE_STRUCT(RecordSchema, io(a, v.fields); io(a, v.index); io(a, v.groups);)
TALENT_IMAGE_STRUCT(SubjectSchema, io(a, v.name); io(a, v.schema); io(a, v.record);)
TALENT_IMAGE_STRUCT(EngineParts,
  io(a, v.subjects); io(a, v.packs); io(a, v.policies_json); io(a, v.team_policies_json); io(a, v.describe_json);
  io(a, v.version_json);)
#undef TALENT_IMAGE_STRUCT

}  // namespace talent::image
