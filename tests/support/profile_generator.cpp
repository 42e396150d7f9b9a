#include "profile_generator.hpp"

#include <cstdio>

#include "talent/json.hpp"

namespace talent::testing {

ProfileGenerator::ProfileGenerator(const RecordSchema& schema, std::uint64_t seed) : schema_(schema), random_(seed) {}

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

namespace {
void set_path(Json& object, const std::string& path, Json value) {
  auto dot = path.find('.');
  if (dot == std::string::npos) {
    object[path] = std::move(value);
    return;
  }
  Json& group = object[path.substr(0, dot)];
  if (!group.is_object()) group = Json::object();
  set_path(group, path.substr(dot + 1), std::move(value));
}
}  // namespace

Json ProfileGenerator::value_for(const FieldSpec& f, bool complete) {
  switch (f.type) {
    case FieldType::Boolean: return chance(60);
    case FieldType::Integer: {
      const int lo = static_cast<int>(f.min.value_or(0)), hi = static_cast<int>(f.max.value_or(60));
      return lo + below(std::min(hi - lo + 1, 70));
    }
    case FieldType::Number: {
      const double lo = f.above.value_or(f.min.value_or(0)) + (f.above ? 1 : 0);
      const double span = std::min(f.max.value_or(100) - lo, 400.0);
      return chance(50) ? Json(static_cast<int>(lo + below(static_cast<int>(span) + 1)))
                        : Json(lo + span * static_cast<double>(below(10000)) / 10000.0);
    }
    case FieldType::Enum: return f.values[below(static_cast<int>(f.values.size()))];
    case FieldType::Text: {
      static const char* specialties[] = {"cardiology", "critical_care", "general_surgery", "orthopedics",
                                          "ophthalmology", "cardiothoracic_surgery", "dermatology", "神经内科"};
      return specialties[below(8)];
    }
    case FieldType::Date: {
      char buf[48];  // room for any int, as the compiler cannot see the ranges
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.default_today ? 2023 + below(9) : 1940 + below(70), 1 + below(12),
                    1 + below(28));
      return buf;
    }
    case FieldType::EnumList: {
      Json list = Json::array();
      for (int n = complete ? 1 + below(2) : below(3); n > 0; --n) list.push_back(f.values[below(static_cast<int>(f.values.size()))]);
      return list;
    }
    case FieldType::RecordList: {
      Json list = Json::array();
      for (int n = complete ? 1 + below(3) : below(4); n > 0; --n) list.push_back(record(*f.item, complete));
      return list;
    }
    case FieldType::Subject: return record(*f.item, complete);
  }
  return Json();
}

Json ProfileGenerator::record(const RecordSchema& schema, bool complete) {
  Json out = Json::object();
  for (const FieldSpec& f : schema.fields) {
    // Leave a derived field (age, a team leader's category) to what it derives from.
    if (f.derive.kind != Derivation::Kind::None && !complete && chance(30)) continue;
    if (f.type == FieldType::Subject && chance(50)) continue;  // a whole profile: not every time
    if (!complete && chance(25)) continue;
    if (complete && f.path == "birth_date") continue;
    set_path(out, f.path, value_for(f, complete));
  }
  return out;
}

std::string ProfileGenerator::valid() { return to_text(record(schema_, false)); }
std::string ProfileGenerator::full() { return to_text(record(schema_, true)); }

std::string ProfileGenerator::mutated() {
  Json p = record(schema_, false);
  std::string text;
  switch (below(10)) {
    case 0: {  // a field of the wrong type
      const FieldSpec& f = schema_.fields[below(static_cast<int>(schema_.fields.size()))];
      static const Json wrong[] = {"x", 7, -3.5, true, Json::array({1}), Json::object({{"a", 1}}), nullptr, 1e300};
      set_path(p, f.path, wrong[below(8)]);
      return to_text(p);
    }
    case 1: {  // out of range or unknown values
      const FieldSpec& f = schema_.fields[below(static_cast<int>(schema_.fields.size()))];
      static const Json odd[] = {-1, 1000, 15, 101, "2026-02-30", "nobody", "", 0.5};
      set_path(p, f.path, odd[below(8)]);
      return to_text(p);
    }
    case 2: text = to_text(p); return text.substr(0, static_cast<std::size_t>(below(static_cast<int>(text.size()) + 1)));
    case 3: {  // random bytes, never a newline
      for (int n = below(200); n > 0; --n) {
        char c = static_cast<char>(below(256));
        text += c == '\n' ? ' ' : c;
      }
      return text;
    }
    case 4: {  // deep nesting
      const int depth = 20 + below(40);
      return "{\"posts\":" + std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']') + "}";
    }
    case 5: return to_text(Json::array({p}));
    case 6: {  // unknown keys, and broken list items
      p["unknown_" + std::to_string(below(100))] = below(5);
      p["posts"] = Json::array({"not an object", Json::object({{"role", "chief"}})});
      return to_text(p);
    }
    case 7: {  // too large
      p["padding"] = std::string(70 * 1024, 'x');
      return to_text(p);
    }
    case 8: {  // a byte flipped
      text = to_text(p);
      if (!text.empty()) {
        char& c = text[static_cast<std::size_t>(below(static_cast<int>(text.size())))];
        c = static_cast<char>(below(256));
        if (c == '\n') c = ' ';
      }
      return text;
    }
    default: return to_text(p);
  }
}

}  // namespace talent::testing
