#include "answer_checks.hpp"

#include "talent/csv.hpp"
#include "talent/engine.hpp"
#include "talent/json.hpp"
#include "talent/roster.hpp"

namespace talent::fuzzing {
namespace {

// Whole inputs unlike most of what the fuzzer makes, so that asking about
// them in between exercises state an earlier answer might have left behind:
// every list and group answered, figures for the estimates.
constexpr std::string_view kProfile =
    R"({"as_of":"2026-03-10","age":44,"retired":false,"city":"fangchenggang","years_in_city":6,"full_time_in_city":true,)"
    R"("education":{"level":"doctorate","full_time":true,"health_major":true,"clinical_major":true,"double_first_class":true},)"
    R"("title":"senior","physician":true,"phd_supervisor":true,"hospital_grade":"tertiary_a",)"
    R"("posts":[{"institution":"nhc","role":"director","second_level":true,"national_key":true}],"honors":["cae_academician"],)"
    R"("society_roles":[{"society":"cma","branch":"level1","position":"vice_chair"}],"shortage_specialty":true,"specialty":"cardiology",)"
    R"("backup_strengths":["recognised_backbone"],"english":"professional","conduct_ok":true,"major_accident":false,"healthy":true,)"
    R"("plan":{"housing_area_m2":120,"housing_price_per_m2":9000,"flexible_days":120,"service_years":5,"study_cost_cny":300000}})";
constexpr std::string_view kTeam =
    R"({"origin":"nhc","leader":{"retired":false,"profile":{"as_of":"2026-03-10","age":50,"title":"senior","physician":true,)"
    R"("honors":["cas_academician"],"posts":[],"society_roles":[]}},)"
    R"("members":[{"category":"B","title":"deputy_senior","education":"master","retired":false},)"
    R"({"category":"D","title":"senior","education":"doctorate","retired":true}]})";

std::string ask(Call call, std::string_view input) {
  return call == Call::Evaluate ? talent::evaluate(input) : talent::check_team(input);
}

// Whether the answer is one JSON object ending in its errors array, as every
// answer of the contract does. Validated without building it: a whole parse
// of a 60 KB answer would be most of the time of a fuzz run.
std::string whole_object(const std::string& answer) {
  if (!Json::accept(answer)) return "the answer is not JSON";
  if (answer.front() != '{') return "the answer is not an object";
  if (answer.find(",\"errors\":[") == std::string::npos && answer.rfind("{\"errors\":[", 0) != 0)
    return "the answer has no errors array";
  return {};
}

}  // namespace

std::string check_answer(Call call, std::string_view input, std::string_view before) {
  const std::string first = ask(call, input);
  if (std::string why = whole_object(first); !why.empty()) return why + ": " + first.substr(0, 400);
  ask(call, before);
  ask(call, call == Call::Evaluate ? kProfile : kTeam);
  if (ask(call, input) != first) return "asked again after other inputs, the answer differs";
  if (call == Call::Evaluate) {
    // The page's path: one buffer, reused from call to call.
    static std::string buffer;
    if (talent::evaluate(input, buffer) != first) return "the answer written into a reused buffer differs";
  }
  return {};
}

namespace {

// What talent-check --csv writes for `csv`, results and errors, in one text
// (RosterCsv, as the CLI reads); and, as the roster view's worker asks,
// roster_check's answer to its header and rows.
std::string read_roster(std::string_view csv, Lang lang, std::string& js_answer) {
  static const Roster roster(*builtin_engine());
  RosterCsv file(roster, lang);
  std::string out;
  std::vector<std::string> header;
  std::string rows;
  int record = 0;
  for (const auto& cells : read_csv(csv)) {
    const std::vector<std::string_view> views(cells.begin(), cells.end());
    const bool more = file.read(++record, views, out, out);
    if (record == file.header_record()) header = cells;
    if (!more) break;
    if (!file.header_record() || record == file.header_record() || Roster::skipped(views)) continue;
    // The worker's text: the row's number, then its cells (the separators
    // replaced, as the sender does).
    if (!rows.empty()) rows += kRosterRowSeparator;
    rows += std::to_string(record);
    for (std::string cell : cells) {
      for (char& c : cell)
        if (c == kRosterCellSeparator || c == kRosterRowSeparator) c = ' ';
      rows += kRosterCellSeparator;
      rows += cell;
    }
  }
  const Json request = {{"lang", lang == Lang::En ? "en" : "zh"}, {"header", header}};
  js_answer = roster_check(to_text(request), rows);
  return out;
}

}  // namespace

std::string check_roster(std::string_view csv, std::string_view before) {
  // The language from the input itself, so that both are fuzzed.
  const Lang lang = csv.size() % 2 ? Lang::En : Lang::Zh;
  std::string js, js_again, ignored;
  const std::string first = read_roster(csv, lang, js);
  if (!Json::accept(js)) return "roster_check's answer is not JSON: " + js.substr(0, 400);
  read_roster(before, lang, ignored);
  if (read_roster(csv, lang, js_again) != first) return "read again after another roster, the results differ";
  if (js_again != js) return "roster_check answered the same rows differently the second time";
  return {};
}

}  // namespace talent::fuzzing
