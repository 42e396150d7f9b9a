#include "case_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "talent/engine.hpp"

namespace talent::testing {

std::vector<Case> load_case_file(const std::string& path, const std::string& name) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  Json doc = Json::parse(text.str(), nullptr, false);
  const Json* cases = member(doc, "cases");
  if (!cases || !cases->is_array()) return {{name, "(file does not parse as {\"cases\": [...]})", "invalid", "", Json()}};
  std::vector<Case> out;
  for (const Json& c : *cases) {
    Case k;
    k.file = name;
    const Json* case_name = member(c, "name");
    k.name = case_name && case_name->is_string() ? case_name->get<std::string>() : "(unnamed)";
    if (const Json* p = member(c, "profile")) k.kind = "profile", k.input = to_text(*p);
    else if (const Json* t = member(c, "team")) k.kind = "team", k.input = to_text(*t);
    else if (const Json* r = member(c, "raw"); r && r->is_string()) k.kind = "raw", k.input = r->get<std::string>();
    else k.kind = "invalid";
    const Json* e = member(c, "expect");
    k.expect = e ? *e : Json();
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<Case> load_cases(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Case> out;
  for (const auto& path : files) {
    std::vector<Case> cases = load_case_file(path.string(), std::filesystem::relative(path, dir).string());
    out.insert(out.end(), std::make_move_iterator(cases.begin()), std::make_move_iterator(cases.end()));
  }
  return out;
}

namespace {
bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
}  // namespace

bool matches(const Json& expect, const Json& actual, std::string& why, const std::string& path) {
  if (expect.is_object()) {
    if (!actual.is_object()) {
      why = path + ": expected an object, got " + to_text(actual);
      return false;
    }
    for (auto it = expect.begin(); it != expect.end(); ++it) {
      const std::string& key = it.key();
      if (key == "$absent") {
        for (const Json& name : it.value())
          if (name.is_string() && member(actual, name.get<std::string>().c_str())) {
            why = path + "/" + name.get<std::string>() + ": should be absent";
            return false;
          }
        continue;
      }
      for (const std::string suffix : {"_include", "_exclude"}) {
        if (!ends_with(key, suffix)) continue;
        const std::string base = key.substr(0, key.size() - suffix.size());
        const Json* list = member(actual, base.c_str());
        if (!list || !list->is_array()) {
          why = path + "/" + base + ": expected a list";
          return false;
        }
        for (const Json& wanted : it.value()) {
          std::string ignored;
          const bool found = std::any_of(list->begin(), list->end(), [&](const Json& a) { return matches(wanted, a, ignored); });
          if (found != (suffix == "_include")) {
            why = path + "/" + base + (found ? ": has " : ": lacks ") + to_text(wanted) + "; it is " + to_text(*list);
            return false;
          }
        }
        goto next_key;
      }
      {
        const Json* a = member(actual, key.c_str());
        if (!a) {
          why = path + "/" + key + ": missing";
          return false;
        }
        if (!matches(it.value(), *a, why, path + "/" + key)) return false;
      }
    next_key:;
    }
    return true;
  }
  if (expect.is_array()) {
    if (!actual.is_array() || actual.size() != expect.size()) {
      why = path + ": expected " + to_text(expect) + ", got " + to_text(actual);
      return false;
    }
    for (std::size_t i = 0; i < expect.size(); ++i)
      if (!matches(expect[i], actual[i], why, path + "/" + std::to_string(i))) return false;
    return true;
  }
  const bool same = expect.is_number() && actual.is_number() ? expect.get<double>() == actual.get<double>() : expect == actual;
  if (!same) why = path + ": expected " + to_text(expect) + ", got " + to_text(actual);
  return same;
}

std::string answer(const Case& c) { return c.kind == "team" ? talent::check_team(c.input) : talent::evaluate(c.input); }

std::string answer(const Engine& engine, const Case& c) {
  return c.kind == "team" ? engine.check_team(c.input) : engine.evaluate(c.input);
}

}  // namespace talent::testing
