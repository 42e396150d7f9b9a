#include "talent/dates.hpp"

#include <chrono>
#include <ctime>

namespace talent {
namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}
bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}
}  // namespace

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  Date out{number(y), number(m), number(d)};
  if (out.year < 1900 || out.year > 2200 || out.month < 1 || out.month > 12) return std::nullopt;
  if (out.day < 1 || out.day > days_in_month(out.year, out.month)) return std::nullopt;
  return out;
}

std::string format_date(const Date& d) {
  // By hand: printf would bring its float formatting into the wasm module.
  std::string out = "0000-00-00";
  for (int i = 3, y = d.year; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + d.month / 10);
  out[6] = static_cast<char>('0' + d.month % 10);
  out[8] = static_cast<char>('0' + d.day / 10);
  out[9] = static_cast<char>('0' + d.day % 10);
  return out;
}

int completed_years(const Date& birth, const Date& on) {
  // Born on 29 February: in a common year the anniversary is 28 February
  // (Civil Code art. 201: with no such day, the period ends on the month's
  // last day).
  const int birthday = birth.month == 2 && birth.day == 29 && !is_leap(on.year) ? 28 : birth.day;
  int years = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birthday)) --years;
  return years;
}

Date today() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}
}  // namespace talent
