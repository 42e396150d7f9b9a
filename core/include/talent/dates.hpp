// Calendar dates as day numbers, for 周岁 and periods in force.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace talent {
struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Strict YYYY-MM-DD, a real calendar day, years 1900..2200.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& d);
// 周岁: completed years from `birth` to `on`; negative if `on` is earlier.
int completed_years(const Date& birth, const Date& on);
// The local calendar date now.
Date today();
}  // namespace talent
