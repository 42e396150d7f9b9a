// The open questions (contract 7.7) over generated profiles: answering a
// question takes it off the list, answering anything else changes no status,
// and the list is ordered and names only incomplete outcomes and unknown
// fields.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "profile_generator.hpp"
#include "talent/engine.hpp"
#include "talent/json.hpp"

namespace talent::testing {
namespace {

constexpr int kProfiles = 10000;
constexpr std::uint64_t kSeed = 20260715;

// Dotted paths of the profile ("education.level") in a JSON object.
const Json* find_path(const Json& object, const std::string& path) {
  const Json* at = &object;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!at->is_object()) return nullptr;
    at = member(*at, key.c_str());
    if (!at) return nullptr;
    if (dot == std::string::npos) return at;
    start = dot + 1;
  }
}

void set_path(Json& object, const std::string& path, Json value) {
  const std::size_t dot = path.find('.');
  if (dot == std::string::npos) {
    object[path] = std::move(value);
    return;
  }
  Json& group = object[path.substr(0, dot)];
  if (!group.is_object()) group = Json::object();
  set_path(group, path.substr(dot + 1), std::move(value));
}

bool is_list(const FieldSpec& f) { return f.type == FieldType::EnumList || f.type == FieldType::RecordList; }

// Unknown in the profile: missing or null; age also needs no birth date.
bool unknown_in(const Json& profile, const FieldSpec& f) {
  const Json* v = find_path(profile, f.path);
  if (v && !v->is_null()) return false;
  if (f.derive.kind == Derivation::Kind::YearsSince) {
    const Json* from = find_path(profile, f.derive.from);
    if (from && !from->is_null()) return false;
  }
  return true;
}

std::string with_field(const Json& profile, const FieldSpec& f, Json value) {
  Json p = profile;
  set_path(p, f.path, std::move(value));
  return to_text(p);
}

const Engine& engine() { return *builtin_engine(); }

// The position of each question in describe(), which the page asks in order.
std::map<std::string, int> describe_order() {
  std::map<std::string, int> order;
  const Json d = Json::parse(engine().describe(), nullptr, false);
  const Json* questions = member(d, "questions");
  if (!questions || !questions->is_array()) return order;
  int i = 0;
  for (const Json& q : *questions)
    if (const Json* field = member(q, "field"); field && field->is_string()) order[field->get<std::string>()] = i++;
  return order;
}

const OpenQuestion* question_for(const Assessment& a, const std::string& field) {
  for (const OpenQuestion& q : a.open_questions)
    if (q.field == field) return &q;
  return nullptr;
}

std::string statuses(const Assessment& a) {
  std::string s;
  for (const OutcomeAnswer& o : a.outcomes) s += std::string(o.outcome->id) + "=" + std::string(status_name(o.truth)) + " ";
  return s;
}

struct Counts {
  long profiles = 0, skipped_profiles = 0, questions = 0;
  long answered_listed = 0, answered_unlisted = 0, skipped_answers = 0;
  long incomplete_outcomes = 0;
};

class OpenQuestions : public ::testing::Test {
 protected:
  const RecordSchema& schema = engine().subject("profile").record;
  ProfileGenerator gen{schema, kSeed};
  std::map<std::string, int> order = describe_order();
};

TEST_F(OpenQuestions, AnsweringAndOrderOverGeneratedProfiles) {
  Counts n;
  int failures = 0;
  const auto fail = [&](const std::string& what, const std::string& profile) {
    if (++failures <= 25) ADD_FAILURE() << what << "\n  profile: " << profile;
  };

  for (int i = 0; i < kProfiles; ++i) {
    const std::string text = gen.valid();
    const Assessment before = engine().assess(text);
    if (!before.errors.empty()) {  // e.g. a birth date giving an age under 16
      ++n.skipped_profiles;
      continue;
    }
    ++n.profiles;
    const Json profile = Json::parse(text, nullptr, false);
    std::set<std::string> listed;

    // (c) most outcomes first, then describe()'s order; only incomplete
    // outcomes, each once; only fields the profile leaves unknown.
    std::map<std::string_view, Truth> truth;
    for (const OutcomeAnswer& o : before.outcomes) truth[o.outcome->id] = o.truth;
    for (std::size_t q = 0; q < before.open_questions.size(); ++q) {
      const OpenQuestion& oq = before.open_questions[q];
      ++n.questions;
      if (!listed.insert(oq.field).second) fail("field listed twice: " + oq.field, text);
      const int f = schema.find(oq.field);
      if (f < 0 || !order.count(oq.field)) {
        fail("open question names no profile question: " + oq.field, text);
        continue;
      }
      const FieldSpec& spec = schema.fields[static_cast<std::size_t>(f)];
      if (!is_list(spec) && !unknown_in(profile, spec)) fail("a known field is listed: " + oq.field, text);
      if (spec.path == "birth_date") fail("birth_date listed (age is the question)", text);
      if (oq.outcomes.empty()) fail("open question with no outcome: " + oq.field, text);
      std::set<std::string_view> seen;
      for (std::string_view o : oq.outcomes) {
        if (!seen.insert(o).second) fail(oq.field + " names " + std::string(o) + " twice", text);
        if (!truth.count(o) || truth[o] != Truth::Incomplete)
          fail(oq.field + " names " + std::string(o) + ", which is not incomplete", text);
      }
      if (q > 0) {
        const OpenQuestion& prev = before.open_questions[q - 1];
        const bool ordered = prev.outcomes.size() > oq.outcomes.size() ||
                             (prev.outcomes.size() == oq.outcomes.size() && order[prev.field] < order[oq.field]);
        if (!ordered) fail("out of order: " + prev.field + " before " + oq.field, text);
      }
    }
    // Every incomplete outcome waits on some question the page can ask.
    for (const OutcomeAnswer& o : before.outcomes) {
      if (o.truth != Truth::Incomplete) continue;
      ++n.incomplete_outcomes;
      bool named = false;
      for (const OpenQuestion& q : before.open_questions)
        for (std::string_view id : q.outcomes) named = named || id == o.outcome->id;
      if (!named) fail("incomplete " + o.outcome->id + " waits on no open question", text);
    }

    // (a) answering a listed question takes it off the list.
    for (const OpenQuestion& oq : before.open_questions) {
      const int f = schema.find(oq.field);
      if (f < 0) continue;
      const FieldSpec& spec = schema.fields[static_cast<std::size_t>(f)];
      const std::string answered = with_field(profile, spec, gen.answer(spec));
      const Assessment after = engine().assess(answered);
      if (!after.errors.empty()) {
        ++n.skipped_answers;
        continue;
      }
      ++n.answered_listed;
      if (question_for(after, oq.field)) fail("answered " + oq.field + " and it is still listed", answered);
    }

    // (b) answering an unknown field that is not listed changes no status.
    for (const FieldSpec& spec : schema.fields) {
      if (spec.path == "as_of" || spec.path == "birth_date" || spec.absent_means_none) continue;
      if (spec.type == FieldType::Subject || spec.type == FieldType::Date) continue;
      if (listed.count(spec.path) || !unknown_in(profile, spec)) continue;
      const std::string answered = with_field(profile, spec, gen.answer(spec));
      const Assessment after = engine().assess(answered);
      if (!after.errors.empty()) {
        ++n.skipped_answers;
        continue;
      }
      ++n.answered_unlisted;
      for (std::size_t o = 0; o < before.outcomes.size(); ++o)
        if (before.outcomes[o].truth != after.outcomes[o].truth) {
          fail("answering unlisted " + spec.path + " changed " + before.outcomes[o].outcome->id + " from " +
                   std::string(status_name(before.outcomes[o].truth)) + " to " +
                   std::string(status_name(after.outcomes[o].truth)) + "\n  before: " + statuses(before),
               answered);
          break;
        }
    }
  }

  std::printf(
      "open questions: %ld profiles checked (%ld skipped with input errors), %ld questions, %ld incomplete outcomes;"
      " %ld listed fields answered, %ld unlisted unknown fields answered, %ld answers skipped with input errors;"
      " %d failures\n",
      n.profiles, n.skipped_profiles, n.questions, n.incomplete_outcomes, n.answered_listed, n.answered_unlisted,
      n.skipped_answers, failures);
  RecordProperty("profiles", static_cast<int>(n.profiles));
  RecordProperty("listed_answered", static_cast<int>(n.answered_listed));
  RecordProperty("unlisted_answered", static_cast<int>(n.answered_unlisted));
  EXPECT_GT(n.profiles, kProfiles * 9 / 10);
  EXPECT_GT(n.answered_listed, 1000);
  EXPECT_GT(n.answered_unlisted, 1000);
  EXPECT_EQ(failures, 0);
}

// describe() asks the questions in the schema's order, which is the tie order
// of the open questions.
TEST_F(OpenQuestions, DescribeListsTheSchemaInOrder) {
  int last = -1;
  for (const FieldSpec& f : schema.fields) {
    ASSERT_TRUE(order.count(f.path)) << f.path << " is not asked by describe()";
    EXPECT_GT(order[f.path], last) << f.path;
    last = order[f.path];
  }
}

}  // namespace
}  // namespace talent::testing
