// talent-check: JSON Lines in, JSON Lines out. One profile per line (or one
// team per line with --team); a bad line gets its own errors and the run goes
// on. --whole reads all of stdin as one input (a pretty-printed file).
//
// --csv reads a staff roster in the CSV template (talent/roster.hpp) and
// writes one result row per doctor, streaming, so a file of any length runs
// in constant memory; the rows' errors go to --errors FILE (else stderr).
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "gb18030_input.hpp"
#include "talent/csv.hpp"
#include "talent/engine.hpp"
#include "talent/roster.hpp"

namespace {

int usage() {
  std::cerr << "usage: talent-check [--team] [--whole] < input\n"
               "       talent-check --csv [--lang zh|en] [--errors FILE] < roster.csv > results.csv\n"
               "       talent-check --csv-template [--lang zh|en] > template.csv\n"
               "       talent-check --version | --describe\n"
               "  one JSON profile (or team, with --team) per line in, one answer per line out;\n"
               "  --whole: all of stdin is one input\n"
               "  --csv: a roster in the CSV template (UTF-8 with or without BOM, or GBK/GB18030)\n"
               "         in; results out (UTF-8 with BOM); a summary with rows per second on stderr\n";
  return 2;
}

int roster(talent::Lang lang, const char* errors_path) {
  const talent::Roster roster(*talent::builtin_engine());
  std::ofstream errors_file;
  if (errors_path) {
    errors_file.open(errors_path, std::ios::binary);
    if (!errors_file) {
      std::cerr << "talent-check: cannot write " << errors_path << "\n";
      return 1;
    }
  }
  std::ostream& errors = errors_path ? static_cast<std::ostream&>(errors_file) : std::cerr;
  talent::Gb18030Input input(std::cin);
  std::istream in(&input);
  talent::CsvReader reader(in);
  std::vector<std::string> cells;
  std::vector<std::string_view> views;
  std::string out = "\xEF\xBB\xBF", problems = errors_path ? "\xEF\xBB\xBF" : "";
  talent::append_csv_record(problems, roster.error_header(lang));
  int record = 0;
  talent::RosterCsv file(roster, lang);
  const auto started = std::chrono::steady_clock::now();
  const auto flush = [&](bool always) {
    if (!always && out.size() < (1u << 16)) return;
    std::cout << out;
    errors << problems;
    out.clear();
    problems.clear();
  };
  while (reader.next(cells)) {
    views.assign(cells.begin(), cells.end());
    if (!file.read(++record, views, out, problems)) break;
    flush(false);
  }
  flush(true);
  std::cout.flush();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const long long rows = file.rows();
  std::cerr << "talent-check: " << rows << " rows (" << file.rows_with_errors() << " with errors) in " << seconds << " s, "
            << static_cast<long long>(static_cast<double>(rows) / (seconds > 0 ? seconds : 1e-9)) << " rows/s"
            << (input.converted() ? ", read as GB18030" : "") << "\n";
  if (!file.has_header()) {
    std::cerr << "talent-check: the input has no header row with a question of the template\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool team = false, whole = false, csv = false, csv_template = false;
  const char* errors_path = nullptr;
  talent::Lang lang = talent::Lang::Zh;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--team") == 0) team = true;
    else if (std::strcmp(argv[i], "--whole") == 0) whole = true;
    else if (std::strcmp(argv[i], "--csv") == 0) csv = true;
    else if (std::strcmp(argv[i], "--csv-template") == 0) csv_template = true;
    else if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) lang = talent::lang_of(argv[++i]);
    else if (std::strcmp(argv[i], "--errors") == 0 && i + 1 < argc) errors_path = argv[++i];
    else if (std::strcmp(argv[i], "--version") == 0) {
      std::cout << talent::version() << "\n";
      return 0;
    } else if (std::strcmp(argv[i], "--describe") == 0) {
      std::cout << talent::describe() << "\n";
      return 0;
    } else {
      return usage();
    }
  }
  if (!talent::builtin_engine()) {
    std::cerr << "talent-check: " << talent::builtin_load_error() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  if (csv_template) {
    std::cout << "\xEF\xBB\xBF" << talent::Roster(*talent::builtin_engine()).template_csv(lang);
    return 0;
  }
  if (csv) return roster(lang, errors_path);
  const auto answer = [team](std::string_view input) { return team ? talent::check_team(input) : talent::evaluate(input); };
  if (whole) {
    const std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::cout << answer(input) << '\n';
    return 0;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry no profile
    std::cout << answer(line) << '\n';
  }
  return 0;
}
