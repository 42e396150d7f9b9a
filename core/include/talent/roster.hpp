// The staff roster: a table with one doctor per row, in the CSV template the
// roster view and `talent-check --csv` share (docs/contract.md, section 9).
//
// The template's columns are the engine's own questions (describe()), so a
// new question or policy is a new column with no change here. A cell holds
// a value's code or its words ("doctorate", "博士研究生", or a unique start
// of them such as "博士"), 是/否 for yes/no, and a list as entries separated
// by ";" with an entry's parts separated by "/" (posts:
// "nhc/director/二级及以上临床科室"); an empty cell is unknown, and 无 / none
// is an empty list. A row whose first cell starts with "#" is a comment.
//
// Each row is read into a profile, evaluated by the engine, and written as
// a result row: the category, each programme's status and its headline
// amount. A row with any error is not evaluated: its errors name the row,
// the column and what is wrong, in the reader's language.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "talent/assessment.hpp"
#include "talent/datum.hpp"
#include "talent/engine.hpp"

namespace talent {

enum class Lang { Zh, En };
// "en" is English; anything else, Chinese.
Lang lang_of(std::string_view name);

struct RosterChoice {
  std::string value, zh, en;
  std::string zh_key, en_key;  // the words as a cell is compared with them: normalised, English in lower case
};

// One question of the template (or one part of a list's entry).
struct RosterQuestion {
  std::string field;  // dotted path; a list's part: its own name
  std::string type;   // describe()'s type: boolean integer number enum text date list
  std::string zh, en;
  std::string zh_key, en_key;  // as in RosterChoice
  std::vector<RosterChoice> choices;
  std::optional<double> min, max;
  std::size_t max_items = 0;          // a list: at most this many entries (0: no limit)
  std::vector<RosterQuestion> parts;  // a list of records: an entry's parts
};

// What is wrong with a cell, a row or the file.
struct RosterProblem {
  int row = 0;     // record number in the file, the header being 1; 0 for the file
  int column = 0;  // 1-based; 0 for the whole row
  std::string header;  // that column's header as the file has it
  std::string field;
  std::string code;
  std::string message;  // in the reader's language
};

struct RosterResultRow {
  int row = 0;
  std::string id, name;
  std::string profile;                  // JSON text of what the cells say (empty when a cell could not be read)
  std::vector<RosterProblem> errors;    // non-empty: not evaluated
  const Assessment* assessment = nullptr;  // evaluated: the engine's answer (valid until the next row)
  std::vector<std::string> cells;       // the result row, as result_header() names its columns
};

class Roster {
 public:
  // The questions and programmes of `engine` (from its describe()).
  explicit Roster(const Engine& engine);

  // The template: the header (both languages, each with its field in [ ]),
  // a guide row and an example row (both comments).
  std::string template_csv(Lang lang) const;

  // Which column holds what. Columns it cannot place are file problems
  // (ignored columns, a field twice); with no question column at all,
  // fatal() is set and no row can be read.
  struct Layout {
    std::vector<int> question_of;  // per column: index in questions(), -1 none
    int id_column = -1, name_column = -1;
    std::vector<std::string> headers;
    std::vector<RosterProblem> problems;
    bool fatal = false;
  };
  Layout read_header(const std::vector<std::string_view>& cells, Lang lang) const;

  // A row with nothing to read: blank, or a comment ("#" first).
  static bool skipped(const std::vector<std::string_view>& cells);

  // Reads, evaluates and writes one row. `out` is reused between rows.
  void check_row(const Layout& layout, int row, const std::vector<std::string_view>& cells, Lang lang,
                 RosterResultRow& out) const;

  // The result's columns: row, staff id, name, problems, then per programme
  // its status, the category (the value of an outcome made of parts) and
  // headline amounts.
  std::vector<std::string> result_header(Lang lang) const;
  // Stable keys of the same columns ("row", "id", "name", "problems",
  // "<outcome>", "<outcome>:value", "<outcome>:amount").
  std::vector<std::string> result_keys() const;
  std::vector<std::string> error_header(Lang lang) const;
  std::vector<std::string> error_record(const RosterProblem& p) const;

  const std::vector<RosterQuestion>& questions() const { return questions_; }
  // An outcome the result has a column for (not a part of an aggregate).
  bool is_programme(std::string_view id) const;

 private:
  struct Programme {
    std::string id, zh, en;
    bool has_parts = false;        // an aggregate (fcg.category of fcg.category.A …): its value is a column
    std::string amount_benefit;    // the first benefit with an amount, if any
    std::size_t position = 0;      // in an answer's outcomes
  };
  const Engine& engine_;
  std::vector<RosterQuestion> questions_;
  std::vector<Programme> programmes_;
  std::string rules_version_;
  mutable Assessment assessment_;

  void write_result(const Assessment& a, Lang lang, RosterResultRow& out) const;
};

// A roster file read record by record, as talent-check --csv reads it: the
// first record that is not skipped is the header; each row after it is
// checked and written, its result as a CSV record to `results` and its
// errors (after the header's problems) to `problems`.
class RosterCsv {
 public:
  RosterCsv(const Roster& roster, Lang lang) : roster_(roster), lang_(lang) {}
  // Reads record number `record`; false once the header placed no question
  // (its problems written): no row can be read.
  bool read(int record, const std::vector<std::string_view>& cells, std::string& results, std::string& problems);
  int header_record() const { return header_record_; }  // 0 until the header is read
  // A header was read and it placed a question.
  bool has_header() const { return header_record_ && !layout_.fatal; }
  long long rows() const { return rows_; }
  long long rows_with_errors() const { return rows_with_errors_; }

 private:
  const Roster& roster_;
  Lang lang_;
  Roster::Layout layout_;
  int header_record_ = 0;
  long long rows_ = 0, rows_with_errors_ = 0;
  RosterResultRow result_;
};

// The same for JavaScript (the roster view's worker), never throwing:
//   roster_template("zh") -> the template's CSV text
//   roster_check(R"({"lang":"zh","header":[…]})", rows)
//     -> {"schema":"talent-roster/1","columns":[{"key","label"}…],
//         "problems":[…],"fatal":false,"rows":[{"row","id","name",
//         "profile": its JSON text, "outcomes":{programme:{"status","value"}},
//         "cells":[…],"errors":[…]}…]}
// `rows` is plain text, not JSON (a batch of rows is large, and JSON's
// quoting would double its reading): each row is its number and its cells,
// separated by U+001F, and rows are separated by U+001E (a cell holds
// neither; the sender replaces them with spaces).
inline constexpr char kRosterCellSeparator = '\x1F';
inline constexpr char kRosterRowSeparator = '\x1E';
std::string roster_template(std::string_view lang);
std::string roster_check(std::string_view request, std::string_view rows);

}  // namespace talent
