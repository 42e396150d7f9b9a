// The roster (talent/roster.hpp): the case files of tests/roster_cases/ (the
// Node runner reads the same files with papaparse and the wasm module), the
// CSV reader and writer, and the template read back by its own reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "case_files.hpp"
#include "talent/csv.hpp"
#include "talent/roster.hpp"

namespace talent::testing {
namespace {

struct RosterCase {
  std::string file, name, lang, csv;
  Json expect;
};
void PrintTo(const RosterCase& c, std::ostream* os) { *os << c.file << ": " << c.name; }

std::vector<RosterCase> load_roster_cases() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(TALENT_ROSTER_CASES_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<RosterCase> out;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const Json doc = Json::parse(text.str(), nullptr, false);
    const Json* cases = member(doc, "cases");
    if (!cases) {
      out.push_back({path.filename().string(), "(not {\"cases\": [...]})", "", "", Json()});
      continue;
    }
    for (const Json& c : *cases) {
      RosterCase k{path.filename().string(), member(c, "name") ? (*member(c, "name")).get<std::string>() : "(unnamed)",
                   member(c, "lang") ? (*member(c, "lang")).get<std::string>() : "zh", "", Json()};
      if (const Json* lines = member(c, "csv"))
        for (const Json& line : *lines) k.csv += line.get<std::string>() + "\n";
      if (const Json* e = member(c, "expect")) k.expect = *e;
      out.push_back(std::move(k));
    }
  }
  return out;
}

// The response of roster_check as the case files state it: rows by their
// number, each cell by its column's key; every row's errors in one list.
Json as_case(const Json& response) {
  Json out = Json::object();
  out["fatal"] = response.value("fatal", false);
  out["problems"] = response.value("problems", Json::array());
  out["rows"] = Json::object();
  out["errors"] = Json::array();
  const Json columns = response.value("columns", Json::array());
  const Json rows = response.value("rows", Json::array());
  out["row_count"] = rows.size();
  for (const Json& row : rows) {
    Json cells = Json::object();
    for (std::size_t i = 0; i < columns.size() && i < row["cells"].size(); ++i) cells[columns[i]["key"].get<std::string>()] = row["cells"][i];
    out["rows"][std::to_string(row["row"].get<int>())] = cells;
    for (const Json& e : row["errors"]) out["errors"].push_back(e);
  }
  return out;
}

class RosterCaseFile : public ::testing::TestWithParam<RosterCase> {};

TEST_P(RosterCaseFile, ResultMatches) {
  const RosterCase& c = GetParam();
  const auto records = read_csv(c.csv);
  ASSERT_FALSE(records.empty()) << c.name;
  const Json request = {{"lang", c.lang}, {"header", records[0]}};
  std::string rows;
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (i > 1) rows += kRosterRowSeparator;
    rows += std::to_string(i + 1);
    for (const std::string& cell : records[i]) rows += kRosterCellSeparator + cell;
  }
  const Json response = Json::parse(roster_check(to_text(request), rows), nullptr, false);
  ASSERT_FALSE(response.is_discarded());
  std::string why;
  const Json actual = as_case(response);
  EXPECT_TRUE(matches(c.expect, actual, why)) << c.file << ": " << c.name << "\n  " << why << "\n  errors: " << actual["errors"].dump();
}

std::string roster_test_name(const ::testing::TestParamInfo<RosterCase>& info) {
  std::string name = info.param.file + "_" + std::to_string(info.index);
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Roster, RosterCaseFile, ::testing::ValuesIn(load_roster_cases()), roster_test_name);

TEST(Csv, QuotesLineBreaksAndTheByteOrderMark) {
  const auto r = read_csv("\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0], (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(r[1], (std::vector<std::string>{"two\nlines", "", "x"}));
}

TEST(Csv, NoFinalLineBreakAndAnUnclosedQuote) {
  EXPECT_EQ(read_csv("a,b"), (std::vector<std::vector<std::string>>{{"a", "b"}}));
  std::istringstream in("a,\"never closed\nb");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_TRUE(reader.malformed());
  EXPECT_EQ(fields, (std::vector<std::string>{"a", "never closed\nb"}));
  EXPECT_FALSE(reader.next(fields));
}

TEST(Csv, WriterQuotesOnlyWhatMustBeAndReadsBack) {
  const std::vector<std::string> fields{"plain", "a,b", "q\"q", "two\r\nlines", "符合"};
  std::string line;
  append_csv_record(line, fields);
  EXPECT_EQ(line, "plain,\"a,b\",\"q\"\"q\",\"two\r\nlines\",符合\r\n");
  EXPECT_EQ(read_csv(line), (std::vector<std::vector<std::string>>{fields}));
}

TEST(Csv, WriterWritesAFormulaLikeFieldAsText) {
  std::string line;
  append_csv_record(line, {"=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "", "1-2"});
  EXPECT_EQ(line, "'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b,,1-2\r\n");
}

TEST(RosterTemplate, ItsOwnReaderPlacesEveryColumnAndSkipsTheGuideAndExample) {
  const Roster roster(*builtin_engine());
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const auto records = read_csv(roster.template_csv(lang));
    ASSERT_EQ(records.size(), 3u);
    const auto views = [](const std::vector<std::string>& cells) { return std::vector<std::string_view>(cells.begin(), cells.end()); };
    const Roster::Layout layout = roster.read_header(views(records[0]), lang);
    EXPECT_TRUE(layout.problems.empty());
    EXPECT_EQ(layout.id_column, 0);
    EXPECT_EQ(layout.name_column, 1);
    EXPECT_EQ(static_cast<std::size_t>(std::count_if(layout.question_of.begin(), layout.question_of.end(), [](int q) { return q >= 0; })),
              roster.questions().size() - 1);  // every question but the day of the check
    EXPECT_TRUE(Roster::skipped(views(records[1])));
    EXPECT_TRUE(Roster::skipped(views(records[2])));
    // The example, uncommented, is read without an error: a C-category doctor.
    std::vector<std::string> example = records[2];
    example[0] = "E0001";
    RosterResultRow row;
    roster.check_row(layout, 3, views(example), lang, row);
    EXPECT_TRUE(row.errors.empty()) << (row.errors.empty() ? "" : row.errors[0].message);
    const auto keys = roster.result_keys();
    const auto at = std::find(keys.begin(), keys.end(), "fcg.category:value") - keys.begin();
    EXPECT_EQ(row.cells[static_cast<std::size_t>(at)], "C");
  }
}

TEST(Roster, TheResultHeaderAndKeysAgree) {
  const Roster roster(*builtin_engine());
  EXPECT_EQ(roster.result_header(Lang::Zh).size(), roster.result_keys().size());
  EXPECT_EQ(roster.result_header(Lang::En).size(), roster.result_keys().size());
}

TEST(RosterCheck, BadRequestsGetAnErrorAndNothingElse) {
  for (const char* bad : {"", "[]", "{\"header\":5}", "{\"header\":[true]}", "{\"header\":[[1]]}", "{\"lang\":\"zh\"}"}) {
    const Json r = Json::parse(roster_check(bad, "2\x1f" "48"), nullptr, false);
    ASSERT_FALSE(r.is_discarded()) << bad;
    EXPECT_TRUE(member(r, "errors")) << bad;
    EXPECT_FALSE(member(r, "rows")) << bad;
  }
}

TEST(RosterCheck, RowsThatAreNotRowsAreLeftOut) {
  // No number first, or nothing at all: not a row; the rest are read.
  const std::string rows = std::string("x\x1f") + "48" + kRosterRowSeparator + kRosterRowSeparator + "7\x1f" "E7\x1f" "48";
  const Json r = Json::parse(roster_check(R"({"header":["id","age"]})", rows), nullptr, false);
  ASSERT_EQ(r["rows"].size(), 1u);
  EXPECT_EQ(r["rows"][0]["row"], 7);
  EXPECT_EQ(r["rows"][0]["id"], "E7");
}

}  // namespace
}  // namespace talent::testing
