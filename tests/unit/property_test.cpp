// Properties of the engine over generated profiles (issue 11): what must
// hold for every profile, not only for the case files' examples. Each
// property is tried on at least kTries profiles; a failure prints the
// profile and the change that broke it, to become a case file.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string_view>
#include <string>
#include <vector>

#include "profile_generator.hpp"
#include "talent/engine.hpp"
#include "talent/json.hpp"

namespace talent::testing {
namespace {

constexpr int kTries = 10000;

const Engine& engine() { return *builtin_engine(); }
const RecordSchema& profile_schema() { return engine().subject("profile").record; }

const FieldSpec& field(const std::string& path) {
  const int i = profile_schema().find(path);
  if (i < 0) throw std::invalid_argument("no field " + path);
  return profile_schema().fields[static_cast<std::size_t>(i)];
}

Json parse(const std::string& text) { return Json::parse(text, nullptr, false); }

const OutcomeAnswer* answer_of(const Assessment& a, const std::string& id) {
  for (const OutcomeAnswer& o : a.outcomes)
    if (o.outcome->id == id) return &o;
  return nullptr;
}

const Outcome& pack_outcome(const std::string& id) {
  for (const PolicyPack& p : engine().packs())
    for (const Outcome& o : p.outcomes)
      if (o.id == id) return o;
  throw std::invalid_argument("no outcome " + id);
}

// --- Adding a qualification never lowers the Fangchenggang category --------
//
// The categories of fcg:2 are ranked by the order of the aggregate's routes
// in the pack (A first). An honour, a society role, a post or a higher title
// can only add ways to meet a criterion (fcg:2.1–2.6 ask for "one of" them),
// so the best category reached stays reached, and each category reached
// before stays reached.

constexpr const char* kCategory = "fcg.category";

int category_rank(const std::string& value) {
  const auto& routes = pack_outcome(kCategory).routes;
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (routes[i].value == value) return static_cast<int>(i);
  return -1;
}

// One way to add to what a doctor has; false if it does not apply to `p`.
using Addition = std::function<bool(Json& p, ProfileGenerator& gen, Random& random)>;

bool add_list_item(Json& p, const std::string& path, ProfileGenerator& gen, Random& random) {
  const FieldSpec& f = field(path);
  Json& list = p[path];
  if (!list.is_array()) list = Json::array();  // a list not given becomes this one entry
  if (f.max_items && list.size() >= f.max_items) return false;
  if (f.type == FieldType::EnumList) {
    std::vector<std::string> absent;
    for (const std::string& v : f.values)
      if (std::find(list.begin(), list.end(), Json(v)) == list.end()) absent.push_back(v);
    if (absent.empty()) return false;
    list.push_back(absent[static_cast<std::size_t>(random.below(static_cast<int>(absent.size())))]);
    return true;
  }
  list.push_back(gen.answer(f).front());
  return true;
}

const std::vector<std::pair<std::string, Addition>>& additions() {
  static const std::vector<std::pair<std::string, Addition>> all = {
      {"an honour", [](Json& p, ProfileGenerator& g, Random& r) { return add_list_item(p, "honors", g, r); }},
      {"a society role", [](Json& p, ProfileGenerator& g, Random& r) { return add_list_item(p, "society_roles", g, r); }},
      {"a post", [](Json& p, ProfileGenerator& g, Random& r) { return add_list_item(p, "posts", g, r); }},
      {"a higher title", [](Json& p, ProfileGenerator&, Random& r) {
         const FieldSpec& title = field("title");
         if (!p.contains("title") || !p["title"].is_string()) return false;
         const int now = title.rank_of(p["title"].get<std::string>());
         const int top = static_cast<int>(title.values.size()) - 1;
         if (now < 0 || now >= top) return false;
         p["title"] = title.values[static_cast<std::size_t>(now + 1 + r.below(top - now))];
         return true;
       }},
  };
  return all;
}

TEST(Property, AddingAQualificationNeverLowersTheCategory) {
  ProfileGenerator gen(profile_schema(), 20261206);
  Random random(611);
  std::vector<int> tried(additions().size(), 0);
  int compared = 0, reached = 0;
  // Until kTries profiles that reach a category have been raised: those are
  // the ones the property speaks of.
  for (int i = 0; reached < kTries; ++i) {
    const auto& [what, add] = additions()[static_cast<std::size_t>(i) % additions().size()];
    Json profile = parse(i % 2 ? gen.full() : gen.valid());
    Json more = profile;
    if (!add(more, gen, random)) continue;
    const std::string before_text = to_text(profile), after_text = to_text(more);
    const Assessment before = engine().assess(before_text), after = engine().assess(after_text);
    if (!before.errors.empty()) continue;
    ASSERT_TRUE(after.errors.empty()) << "adding " << what << " made the profile invalid:\n" << after_text;
    ++compared;
    ++tried[static_cast<std::size_t>(i) % additions().size()];
    const OutcomeAnswer* was = answer_of(before, kCategory);
    const OutcomeAnswer* now = answer_of(after, kCategory);
    ASSERT_TRUE(was && now);
    if (was->truth != Truth::Met) continue;
    ++reached;
    ASSERT_EQ(now->truth, Truth::Met) << "adding " << what << " lost category " << was->value << "\nbefore: " << before_text
                                      << "\nafter:  " << after_text;
    ASSERT_LE(category_rank(now->value), category_rank(was->value))
        << "adding " << what << " lowered category " << was->value << " to " << now->value << "\nbefore: " << before_text
        << "\nafter:  " << after_text;
    // Every category reached before is still reached.
    for (const OutcomeAnswer& o : before.outcomes) {
      if (o.truth != Truth::Met || o.outcome->id.rfind(std::string(kCategory) + ".", 0) != 0) continue;
      const OutcomeAnswer* still = answer_of(after, o.outcome->id);
      ASSERT_EQ(still->truth, Truth::Met) << "adding " << what << " lost " << o.outcome->id << "\nbefore: " << before_text
                                          << "\nafter:  " << after_text;
    }
  }
  for (std::size_t k = 0; k < tried.size(); ++k) EXPECT_GT(tried[k], kTries / 10) << additions()[k].first;
  std::printf("[ property ] %d additions compared, %d to a profile that reached a category:", compared, reached);
  for (std::size_t k = 0; k < tried.size(); ++k) std::printf(" %s %d;", additions()[k].first.c_str(), tried[k]);
  std::printf("\n");
}

// --- Unknown never decides ------------------------------------------------
//
// Contract section 3: a missing field is unknown, and unknown never counts as
// met nor as unmet. Leaving out a field that was answered may turn an outcome
// incomplete; it never turns ineligible into eligible or eligible into
// ineligible, nor any outcome into either from something else.

// The places in `p` where an answer can be left out: "path" for a field at
// the top or in a group, "list/3/field" for a field of a list's entry. Not
// the fields whose absence is itself an answer (foreign_peer: no claim;
// as_of: today).
std::vector<Json::json_pointer> answered_places(const Json& p) {
  std::vector<Json::json_pointer> places;
  for (const FieldSpec& f : profile_schema().fields) {
    if (f.absent_means_none || f.default_today) continue;
    Json::json_pointer at("/" + [&] {
      std::string s = f.path;
      std::replace(s.begin(), s.end(), '.', '/');
      return s;
    }());
    if (!p.contains(at) || p.at(at).is_null()) continue;
    places.push_back(at);
    if (f.type != FieldType::RecordList) continue;
    const Json& list = p.at(at);
    for (std::size_t i = 0; i < list.size(); ++i)
      for (const auto& [key, value] : list[i].items())
        if (!value.is_null()) places.push_back(at / std::to_string(i) / key);
  }
  return places;
}

// Leaves the answer at `at` out, and what would give it again: a field
// derived from another (age from birth_date) is unknown only when both are.
void leave_out(Json& p, const Json::json_pointer& at) {
  p.at(at.parent_pointer()).erase(at.back());
  const int i = profile_schema().find(at.to_string().substr(1));
  if (i < 0) return;
  const Derivation& d = profile_schema().fields[static_cast<std::size_t>(i)].derive;
  if (d.kind == Derivation::Kind::YearsSince) p.erase(d.from);
}

const char* status(Truth t) {
  switch (t) {
    case Truth::Met: return "eligible";
    case Truth::Unmet: return "ineligible";
    case Truth::Review: return "review";
    default: return "incomplete";
  }
}

TEST(Property, LeavingAnAnswerOutNeverDecides) {
  ProfileGenerator gen(profile_schema(), 1206);
  Random random(2026);
  int compared = 0, in_lists = 0, turned_incomplete = 0;
  while (compared < kTries) {
    Json profile = parse(compared % 2 ? gen.full() : gen.valid());
    const std::vector<Json::json_pointer> places = answered_places(profile);
    if (places.empty()) continue;
    const Json::json_pointer at = places[static_cast<std::size_t>(random.below(static_cast<int>(places.size())))];
    Json less = profile;
    leave_out(less, at);
    const std::string before_text = to_text(profile), after_text = to_text(less);
    const Assessment before = engine().assess(before_text), after = engine().assess(after_text);
    if (!before.errors.empty()) continue;
    ASSERT_TRUE(after.errors.empty()) << "leaving out " << at.to_string() << ":\n" << after_text;
    ++compared;
    if (at.to_string().find_first_of("0123456789") != std::string::npos) ++in_lists;
    ASSERT_EQ(before.outcomes.size(), after.outcomes.size());
    for (std::size_t k = 0; k < before.outcomes.size(); ++k) {
      const Truth was = before.outcomes[k].truth, now = after.outcomes[k].truth;
      if (now == Truth::Incomplete && was != now) ++turned_incomplete;
      const bool decided_by_the_unknown = (now == Truth::Met && was != Truth::Met) || (now == Truth::Unmet && was != Truth::Unmet);
      ASSERT_FALSE(decided_by_the_unknown)
          << before.outcomes[k].outcome->id << " went from " << status(was) << " to " << status(now) << " when "
          << at.to_string() << " was left out\nbefore: " << before_text << "\nafter:  " << after_text;
    }
  }
  EXPECT_GT(in_lists, kTries / 20) << "list entries' fields were seldom left out";
  EXPECT_GT(turned_incomplete, kTries / 10) << "leaving answers out seldom mattered: the property says little";
  std::printf("[ property ] %d answers left out (%d in list entries); %d outcomes turned incomplete, none decided\n", compared,
              in_lists, turned_incomplete);
}

// --- Every answer is whole and cites only clauses that exist --------------

std::set<std::string> described_clauses(const Json& described) {
  std::set<std::string> ids;
  for (const auto& [id, _] : described["clauses"].items()) ids.insert(id);
  return ids;
}

std::vector<std::string> team_checks() {
  std::vector<std::string> ids;
  for (const PolicyPack& p : engine().packs())
    for (const Outcome& o : p.team_checks) ids.push_back(o.id);
  return ids;
}

// The outcomes describe() lists that answer a profile (the rest are team
// checks, answered by checkTeam).
std::vector<std::string> described_outcomes(const Json& described) {
  const std::vector<std::string> team = team_checks();
  std::vector<std::string> ids;
  for (const Json& p : described["policies"])
    for (const Json& o : p["outcomes"])
      if (std::find(team.begin(), team.end(), o["id"]) == team.end()) ids.push_back(o["id"].get<std::string>());
  return ids;
}

// The clause ids an answer cites: every "clause" member, wherever it is
// (reasons, obligations, priorities, notes, benefits, selection, closest
// routes). Read from the text, which the writer writes compact: inside a
// string the quotes would be escaped, so no text can pass for a member.
std::vector<std::string> cited_clauses(std::string_view answer) {
  static constexpr std::string_view kMember = "\"clause\":\"";
  std::vector<std::string> out;
  for (std::size_t at = answer.find(kMember); at != std::string_view::npos; at = answer.find(kMember, at)) {
    at += kMember.size();
    const std::size_t end = answer.find('"', at);
    out.emplace_back(answer.substr(at, end - at));
  }
  return out;
}

TEST(Property, EveryAnswerHasEveryOutcomeAndCitesDescribedClauses) {
  const Json described = parse(engine().describe());
  const std::set<std::string> clauses = described_clauses(described);
  const std::vector<std::string> outcomes = described_outcomes(described);
  ASSERT_FALSE(clauses.empty());
  ASSERT_FALSE(outcomes.empty());
  ProfileGenerator gen(profile_schema(), 61206);
  int answers = 0, parsed = 0;
  long cited = 0, obligations = 0;
  std::string buffer;
  while (answers < kTries) {
    const std::string input = answers % 2 ? gen.full() : gen.valid();
    const Assessment a = engine().assess(input);
    if (!a.errors.empty()) continue;
    ++answers;
    std::vector<std::string> ids;
    for (const OutcomeAnswer& o : a.outcomes) {
      ids.push_back(o.outcome->id);
      obligations += static_cast<long>(o.obligations.size());
    }
    ASSERT_EQ(ids, outcomes) << input;
    const std::string_view text = engine().evaluate(input, buffer);
    const std::vector<std::string> cites = cited_clauses(text);
    cited += static_cast<long>(cites.size());
    for (const std::string& c : cites) ASSERT_TRUE(clauses.count(c)) << "cites " << c << ", which describe() does not know\n" << input;
    // The written answer has the same outcomes, in the same order (parsed for
    // one answer in ten: a whole parse costs ten times the answer).
    if (answers % 10) continue;
    ++parsed;
    const Json written = parse(std::string(text));
    ASSERT_FALSE(written.is_discarded()) << input;
    std::vector<std::string> keys;
    for (const auto& [id, _] : written["outcomes"].items()) keys.push_back(id);
    ASSERT_EQ(keys, outcomes) << input;
  }
  EXPECT_GT(obligations, kTries) << "few answers had obligations: their clauses went untried";
  std::printf("[ property ] %d answers: every outcome present (%d also parsed), %ld clause citations (%ld obligations) all described\n",
              answers, parsed, cited, obligations);
}

TEST(Property, EveryTeamAnswerHasEveryCheckAndCitesDescribedClauses) {
  const Json described = parse(engine().describe());
  const std::set<std::string> clauses = described_clauses(described);
  ProfileGenerator gen(engine().subject("team").record, 1207);
  ASSERT_EQ(team_checks().size(), 1u) << "a team answer is one check, written at its top (contract 7.6)";
  const std::set<std::string> statuses = {"eligible", "ineligible", "incomplete", "review"};
  int answers = 0;
  long cited = 0;
  for (int i = 0; answers < kTries / 5; ++i) {
    const std::string input = i % 2 ? gen.full() : gen.valid();
    const std::string text = engine().check_team(input);
    const Json a = parse(text);
    ASSERT_FALSE(a.is_discarded()) << input;
    if (!a["errors"].empty()) continue;
    ++answers;
    ASSERT_TRUE(a["status"].is_string() && statuses.count(a["status"].get<std::string>())) << input;
    ASSERT_TRUE(a["reasons"].is_array() && !a["reasons"].empty()) << input;
    const std::vector<std::string> cites = cited_clauses(text);
    cited += static_cast<long>(cites.size());
    for (const std::string& c : cites) ASSERT_TRUE(clauses.count(c)) << "cites " << c << ", which describe() does not know\n" << input;
  }
  std::printf("[ property ] %d team answers: every check present, %ld clause citations all described\n", answers, cited);
}

}  // namespace
}  // namespace talent::testing
