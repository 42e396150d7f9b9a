// talent-packcheck: the build-time gate for policy data. Loads the subject
// schemas and every pack as the engine will, checks each clause text against
// the policy document it quotes, and only then writes the C++ source that
// compiles the loaded engine (its image) into the shipped engine. Any
// problem fails the build.
//
//   talent-packcheck --out packs_data.cpp --subjects subjects.json
//                    --pack pack.json clauses.json document.txt [--pack ...]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "talent/engine.hpp"
#include "talent/json.hpp"

namespace {

using talent::Json;

struct PackFiles {
  std::string pack, clauses, document;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// Rejects duplicate keys, which a plain parse would silently merge.
class DuplicateKeyCheck : public nlohmann::json_sax<Json> {
 public:
  std::vector<std::string> problems;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool key(string_t& k) override {
    if (!keys_.back().insert(k).second) problems.push_back("duplicate key '" + k + "'");
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception&) override {
    problems.push_back("not valid JSON near byte " + std::to_string(at));
    return false;
  }

 private:
  std::vector<std::set<std::string>> keys_;
};

bool check_json(const std::string& path, const std::string& text) {
  DuplicateKeyCheck check;
  Json::sax_parse(text, &check, nlohmann::detail::input_format_t::json, true);
  for (const auto& p : check.problems) std::cerr << path << ": pack.invalid_json: " << p << "\n";
  return check.problems.empty();
}

// Whitespace and line breaks (ASCII, U+3000, U+00A0) do not count: the
// documents wrap lines and pages wherever they like.
std::string without_whitespace(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

int check_clause_texts(const PackFiles& files, const std::string& clauses_text, const std::string& document) {
  const std::string doc = without_whitespace(document);
  Json clauses = Json::parse(clauses_text, nullptr, false);
  int failures = 0;
  for (auto it = clauses.begin(); clauses.is_object() && it != clauses.end(); ++it) {
    const Json* zh = talent::member(it.value(), "zh");
    if (!zh || !zh->is_string()) continue;  // the loader reports it
    const std::string text = without_whitespace(zh->get<std::string>());
    if (text.empty() || doc.find(text) == std::string::npos) {
      std::cerr << files.clauses << "/" << it.key() << ": pack.clause_text_mismatch: the zh text is not in "
                << files.document << "\n";
      ++failures;
    }
  }
  return failures;
}

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path, subjects_path;
  std::vector<PackFiles> packs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) out_path = argv[++i];
    else if (a == "--subjects" && i + 1 < argc) subjects_path = argv[++i];
    else if (a == "--pack" && i + 3 < argc) {
      packs.push_back({argv[i + 1], argv[i + 2], argv[i + 3]});
      i += 3;
    } else {
      std::cerr << "usage: talent-packcheck --out FILE --subjects FILE --pack PACK CLAUSES DOCUMENT [--pack ...]\n";
      return 2;
    }
  }
  if (subjects_path.empty() || packs.empty()) {
    std::cerr << "talent-packcheck: --subjects and at least one --pack are required\n";
    return 2;
  }
  int failures = 0;
  std::string subjects;
  if (!read_file(subjects_path, subjects)) {
    std::cerr << subjects_path << ": cannot read\n";
    return 1;
  }
  failures += !check_json(subjects_path, subjects);
  std::vector<std::string> pack_texts(packs.size()), clause_texts(packs.size());
  std::vector<talent::PackSource> sources;
  for (std::size_t i = 0; i < packs.size(); ++i) {
    std::string document;
    if (!read_file(packs[i].pack, pack_texts[i]) || !read_file(packs[i].clauses, clause_texts[i]) ||
        !read_file(packs[i].document, document)) {
      std::cerr << packs[i].pack << ": cannot read the pack, its clause table or its document\n";
      return 1;
    }
    failures += !check_json(packs[i].pack, pack_texts[i]);
    failures += !check_json(packs[i].clauses, clause_texts[i]);
    failures += check_clause_texts(packs[i], clause_texts[i], document);
    Json pack = Json::parse(pack_texts[i], nullptr, false);
    const Json* source = talent::member(pack, "source");
    if (!source || *source != base_name(packs[i].document)) {
      std::cerr << packs[i].pack << "/source: pack.invalid_value: must name the document " << base_name(packs[i].document) << "\n";
      ++failures;
    }
    sources.push_back({pack_texts[i], clause_texts[i]});
  }
  if (failures) return 1;
  talent::LoadErrors errors;
  auto engine = talent::Engine::load(subjects, sources, errors);
  for (const auto& e : errors) std::cerr << e.path << ": " << e.id << ": " << e.message << "\n";
  if (!engine) return 1;
  if (out_path.empty()) return 0;

  // The image, as a byte array the compiler takes in any size.
  const std::string image = engine->image();
  std::ostringstream cpp;
  cpp << "// Generated by talent-packcheck from core/policies/. Do not edit.\n"
      << "#include <cstddef>\nnamespace talent::builtin {\n"
      << "extern const unsigned char image[];\nextern const std::size_t image_size;\n"
      << "alignas(8) const unsigned char image[] = {";
  for (std::size_t i = 0; i < image.size(); ++i)
    cpp << (i % 32 ? "" : "\n") << static_cast<unsigned>(static_cast<unsigned char>(image[i])) << ',';
  cpp << "\n};\nconst std::size_t image_size = " << image.size() << ";\n}  // namespace talent::builtin\n";
  std::ofstream out(out_path, std::ios::binary);
  out << cpp.str();
  if (!out) {
    std::cerr << out_path << ": cannot write\n";
    return 1;
  }
  std::printf("talent-packcheck: %zu packs checked, %zu clauses, image of %zu bytes\n", engine->packs().size(),
              [&] { std::size_t n = 0; for (const auto& p : engine->packs()) n += p.clauses.size(); return n; }(), image.size());
  return 0;
}
