// Coverage by clause: every clause a pack's criteria cite must be the
// deciding reason of at least one eligible case and one ineligible case
// (for a clause that can only give "review", a review case).
#include <gtest/gtest.h>

#include <set>

#include "case_files.hpp"
#include "talent/engine.hpp"

namespace talent::testing {
namespace {

void collect(const PolicyPack& pack, const Condition& c, std::set<std::string>& out) {
  // A reference to another outcome summarises that outcome's criteria,
  // which are counted there.
  if (c.kind == Condition::Kind::Outcome || c.kind == Condition::Kind::OutcomeValue) return;
  if (c.reports()) {
    out.insert(pack.reasons[c.reason].clause);
    return;
  }
  for (const Condition& child : c.children) collect(pack, child, out);
}

std::set<std::string> criteria_clauses() {
  std::set<std::string> out;
  for (const PolicyPack& pack : builtin_engine()->packs())
    for (const auto* list : {&pack.outcomes, &pack.team_checks})
      for (const Outcome& o : *list) {
        for (const Condition& c : o.required) collect(pack, c, out);
        for (const Route& r : o.routes) collect(pack, r.when, out);
      }
  return out;
}

void record(const Json& outcome, std::set<std::string>& eligible, std::set<std::string>& ineligible) {
  const Json* status = member(outcome, "status");
  const Json* reasons = member(outcome, "reasons");
  if (!status || !reasons) return;
  for (const Json& r : *reasons) {
    // A clause that can only send a case to the deciding body (a foreign
    // peer's level) decides "review", never "eligible".
    if ((*status == "eligible" || *status == "review") && r["met"] == true) eligible.insert(r["clause"].get<std::string>());
    if (*status == "ineligible" && r["met"] == false) ineligible.insert(r["clause"].get<std::string>());
  }
}

TEST(CoverageByClause, EveryCriterionDecidesBothWays) {
  std::set<std::string> eligible, ineligible;
  for (const Case& c : load_cases()) {
    if (c.kind == "raw" || c.kind == "invalid") continue;
    const Json a = Json::parse(answer(c), nullptr, false);
    if (c.kind == "team") record(a, eligible, ineligible);
    else if (const Json* outcomes = member(a, "outcomes"))
      for (const auto& [id, outcome] : outcomes->items()) record(outcome, eligible, ineligible);
  }
  const auto clauses = criteria_clauses();
  EXPECT_GT(clauses.size(), 30u);
  for (const std::string& clause : clauses) {
    EXPECT_TRUE(eligible.count(clause)) << clause << " is met in no eligible case";
    EXPECT_TRUE(ineligible.count(clause)) << clause << " is unmet in no ineligible case";
  }
}

// Every benefit and every obligation of every outcome is asserted by some
// case: named in an expectation, not merely produced.
void expected_items(const Json& expect_outcome, const std::string& outcome, std::set<std::string>& seen) {
  if (const Json* b = member(expect_outcome, "benefits"); b && b->is_object())
    for (const auto& [id, _] : b->items()) seen.insert(outcome + " benefit " + id);
  for (const char* key : {"obligations", "obligations_include"})
    if (const Json* list = member(expect_outcome, key); list && list->is_array())
      for (const Json& ob : *list)
        if (const Json* id = member(ob, "id"); id && id->is_string()) seen.insert(outcome + " obligation " + id->get<std::string>());
}

TEST(CoverageByClause, EveryBenefitAndObligationIsAsserted) {
  std::set<std::string> seen;
  for (const Case& c : load_cases()) {
    if (c.kind == "team") {
      for (const PolicyPack& pack : builtin_engine()->packs())
        for (const Outcome& o : pack.team_checks) {
          expected_items(c.expect, o.id, seen);
          for (const Benefit& b : o.benefits)
            if (member(c.expect, b.id.c_str())) seen.insert(o.id + " benefit " + b.id);
        }
    } else if (const Json* outcomes = member(c.expect, "outcomes"); outcomes && outcomes->is_object()) {
      for (const auto& [id, o] : outcomes->items()) expected_items(o, id, seen);
    }
  }
  int items = 0;
  for (const PolicyPack& pack : builtin_engine()->packs())
    for (const auto* list : {&pack.outcomes, &pack.team_checks})
      for (const Outcome& o : *list) {
        for (const Benefit& b : o.benefits) {
          ++items;
          EXPECT_TRUE(seen.count(o.id + " benefit " + b.id)) << o.id << ": benefit " << b.id << " (" << b.clause << ") is asserted by no case";
        }
        for (const Obligation& ob : o.obligations) {
          ++items;
          EXPECT_TRUE(seen.count(o.id + " obligation " + ob.id)) << o.id << ": obligation " << ob.id << " (" << ob.clause << ") is asserted by no case";
        }
      }
  EXPECT_GT(items, 20);
}

}  // namespace
}  // namespace talent::testing
